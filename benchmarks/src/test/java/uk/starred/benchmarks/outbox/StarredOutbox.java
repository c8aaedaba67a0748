package uk.starred.benchmarks.outbox;

import static uk.starred.testkit.seeds.Scenario.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.outbox.OutboxRelay;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.Seeds;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Starred's outbox relay as it runs in Karaf (woken by each commit, polling every 5 s, four delivery threads,
 * batches of 500), over the engine's own commands and deadline sweep, under seed 004's alert process.
 */
final class StarredOutbox implements OutboxRun.Deliverer {

    private static final Instant NOW = london("2026-11-23T10:00");
    /** Concerns raised before the sweep; each has two due moments in its first stage, so 10,000 fall due. */
    private static final int CONCERNS = 5_000;

    private final String database;
    private final Procedure procedure = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);
    private final Engine engine;
    private final Sink sink = new Sink();
    private final OutboxRelay relay;

    StarredOutbox(String database) throws InterruptedException {
        this.database = database;
        engine = new Engine(database.equals("postgresql") ? TestDatabase.Kind.POSTGRESQL : TestDatabase.Kind.H2, NOW)
                .with(procedure);
        for (int i = 0; i < CONCERNS; i++) {
            String child = child(i);
            engine.host().child(child, Cohort.LOOKED_AFTER).role("iro", "IRO", child).role("tm", "TEAM_MANAGER", child)
                    .role("sm", "SERVICE_MANAGER", child).role("hos", "HEAD_OF_SERVICE", child);
        }
        relay = OutboxRelay.onCallersThread(engine.db.jpaTemplate(), sink, sink, engine.clock, 500);
        relay.start(5, 4);
    }

    private static String child(int i) {
        return String.format("child-%07d", i);
    }

    private Concern raise(int i) {
        return engine.host().as("iro", () -> engine.concerns().raise(new RaiseConcern(child(i % CONCERNS),
                procedure.ref(), ConcernOrigin.STARRED_DECISION, List.of("CHILD_NOT_SEEN"),
                "The child has not been seen within timescales.", "Visits brought up to date.",
                LocalDate.of(2026, 12, 18), "tm", null)));
    }

    /** Waits until the relay has delivered everything written. */
    private void drained() throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (relay.backlog().undelivered() > 0) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the relay did not deliver everything in 10 minutes");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public OutboxRun.Result sweep() throws Exception {
        Concern first = null;
        for (int i = 0; i < CONCERNS; i++) {
            Concern c = raise(i);
            first = first == null ? c : first;
        }
        drained();
        engine.clock.set(first.stages().get(0).dueAt().plus(Duration.ofHours(1)));
        long firedBefore = engine.db.count("deadline WHERE state = 'FIRED'");
        long writtenBefore = engine.db.count("outbox");
        long start = System.nanoTime();
        engine.deadlines.fireAllDue();
        long swept = System.nanoTime();
        drained();
        long due = engine.db.count("deadline WHERE state = 'FIRED'") - firedBefore;
        long messages = engine.db.count("outbox") - writtenBefore;
        double lag = Math.max(0, sink.lastNanos.get() - swept) / 1e9;
        return new OutboxRun.Result("starred", database, "sweep", due, messages, (swept - start) / 1e9, lag,
                new double[0], sink.duplicates.get(), engine.db.count("outbox WHERE delivered_at IS NULL"));
    }

    @Override
    public OutboxRun.Result steady() throws Exception {
        run(10);
        drained();
        sink.notifications.clear();
        Map<String, Long> committed = run(OutboxRun.SECONDS);
        drained();
        List<Double> latencies = new ArrayList<>();
        long messages = 0;
        for (Sink.Arrival a : sink.notifications.values()) {
            Long at = committed.get(a.concernId());
            if (at != null) {
                messages++;
                latencies.add(Math.max(0, a.nanos() - at) / 1e6);
            }
        }
        return new OutboxRun.Result("starred", database, "steady", 0, messages, OutboxRun.SECONDS, 0,
                latencies.stream().mapToDouble(Double::doubleValue).toArray(), sink.duplicates.get(),
                engine.db.count("outbox WHERE delivered_at IS NULL"));
    }

    /** Raises concerns at the steady rate for the seconds given. @return when each command returned, by concern */
    private Map<String, Long> run(int seconds) throws InterruptedException {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        int commands = OutboxRun.RATE * seconds;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ScheduledExecutorService caller = Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(commands);
        caller.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < commands) {
                Concern c = raise(i);
                committed.put(c.id().toString(), System.nanoTime());
                done.countDown();
            }
        }, 0, 1_000_000 / OutboxRun.RATE, TimeUnit.MICROSECONDS);
        done.await();
        caller.shutdown();
        return committed;
    }

    @Override
    public void close() throws Exception {
        relay.stop();
        engine.close();
    }
}
