package uk.starred.benchmarks.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.dbcp2.BasicDataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import uk.starred.benchmarks.DbSchedulerTables;
import uk.starred.benchmarks.Postgres;

/**
 * db-scheduler 16.7.1 delivering the same notices as one-off tasks scheduled for now, with immediate execution
 * and lock-and-fetch polling every 5 s (as Starred's relay polls), its ten threads; each task's work is handing
 * its notice to the same sink. On PostgreSQL: its lock-and-fetch needs {@code SKIP LOCKED}.
 */
final class DbSchedulerOutbox implements OutboxRun.Deliverer {

    /**
     * As many deliveries as Starred's sweep of 10,000 due moments writes (measured: 20,000, two for each of the
     * 5,000 stage deadlines among them; the stages' 5,000 "due soon" moments, past, settle with nothing to say).
     */
    static final int SWEEP_NOTICES = 20_000;
    private static final int BATCH = 200;

    private final String schema;
    private final BasicDataSource pool;
    private final Sink sink = new Sink();
    private final Map<String, String> concernOf = new ConcurrentHashMap<>();
    private final OneTimeTask<Void> notice;
    private final Scheduler scheduler;

    DbSchedulerOutbox(String database) throws Exception {
        if (!database.equals("postgresql")) {
            throw new IllegalArgumentException("db-scheduler is measured on PostgreSQL only");
        }
        schema = Postgres.createSchema("outbox_dbs_");
        pool = Postgres.pool(schema, 16);
        DbSchedulerTables.create(pool);
        notice = Tasks.oneTime("notice").execute((instance, context) -> {
            String id = instance.getId();
            long at = sink.arrived(id);
            String concern = concernOf.get(id);
            if (concern != null) {
                sink.notifications.put(id, new Sink.Arrival(concern, at));
            }
        });
        scheduler = Scheduler.create(pool, notice).enableImmediateExecution().pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofSeconds(5)).build();
        scheduler.start();
    }

    private void schedule(List<String> ids) {
        List<TaskInstance<?>> instances = new ArrayList<>(ids.size());
        for (String id : ids) {
            instances.add(notice.instance(id));
        }
        scheduler.scheduleBatch(instances, Instant.now());
    }

    private void drained(long expected) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (sink.delivered.get() < expected) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("db-scheduler did not run everything in 10 minutes");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public OutboxRun.Result sweep() throws Exception {
        // a warm-up of a tenth, then the sweep's deliveries scheduled as a sweep writes them, a batch at a time
        sweepOf("warm-", SWEEP_NOTICES / 10);
        long before = sink.delivered.get();
        long start = System.nanoTime();
        long scheduled = sweepOf("sweep-", SWEEP_NOTICES);
        long delivered = sink.delivered.get() - before;
        double lag = Math.max(0, sink.lastNanos.get() - scheduled) / 1e9;
        return new OutboxRun.Result("db-scheduler 16.7.1", "postgresql", "sweep", 0, SWEEP_NOTICES,
                (scheduled - start) / 1e9, lag, new double[0], sink.duplicates.get(),
                Math.max(0, SWEEP_NOTICES - delivered));
    }

    /** @return when the last batch was scheduled */
    private long sweepOf(String prefix, int notices) throws InterruptedException {
        long expected = sink.delivered.get() + notices;
        long scheduled = 0;
        for (int i = 0; i < notices; i += BATCH) {
            List<String> ids = new ArrayList<>(BATCH);
            for (int j = i; j < Math.min(notices, i + BATCH); j++) {
                ids.add(prefix + j);
            }
            schedule(ids);
            scheduled = System.nanoTime();
        }
        drained(expected);
        return scheduled;
    }

    @Override
    public OutboxRun.Result steady() throws Exception {
        run("warm-", 10);
        sink.notifications.clear();
        Map<String, Long> committed = run("steady-", OutboxRun.SECONDS);
        List<Double> latencies = new ArrayList<>();
        for (Sink.Arrival a : sink.notifications.values()) {
            Long at = committed.get(a.concernId());
            if (at != null) {
                latencies.add(Math.max(0, a.nanos() - at) / 1e6);
            }
        }
        return new OutboxRun.Result("db-scheduler 16.7.1", "postgresql", "steady", 0, latencies.size(),
                OutboxRun.SECONDS, 0, latencies.stream().mapToDouble(Double::doubleValue).toArray(),
                sink.duplicates.get(), 0);
    }

    /** Schedules each command's notices in one transaction at the steady rate. @return when each was scheduled */
    private Map<String, Long> run(String prefix, int seconds) throws InterruptedException {
        Map<String, Long> committed = new ConcurrentHashMap<>();
        int commands = OutboxRun.RATE * seconds;
        long expected = sink.delivered.get() + (long) commands * OutboxRun.NOTICES_A_COMMAND;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(commands);
        ScheduledExecutorService caller = Executors.newSingleThreadScheduledExecutor();
        caller.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < commands) {
                String command = prefix + i;
                List<String> ids = new ArrayList<>();
                for (int n = 0; n < OutboxRun.NOTICES_A_COMMAND; n++) {
                    String id = command + "-" + n;
                    concernOf.put(id, command);
                    ids.add(id);
                }
                schedule(ids);
                committed.put(command, System.nanoTime());
                done.countDown();
            }
        }, 0, 1_000_000 / OutboxRun.RATE, TimeUnit.MICROSECONDS);
        done.await();
        caller.shutdown();
        drained(expected);
        return committed;
    }

    @Override
    public void close() throws Exception {
        scheduler.stop();
        pool.close();
        Postgres.dropSchema(schema);
    }
}
