package uk.starred.benchmarks.sweep;

import static uk.starred.testkit.seeds.Scenario.london;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.benchmarks.Postgres;
import uk.starred.benchmarks.council.CouncilData;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.Seeds;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.timekeeping.DeadlineRunner;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Starred's deadline runner on two nodes over one PostgreSQL schema, each node its own engine with
 * its own connection pool, as two Karaf instances on one database are. The open concerns are under
 * seed 004's alert process, each in its first stage with its due moments stored; the due items are
 * their stages' deadlines, and firing one is the real work: the concern locked and read, the people
 * who must act told, the procedure's rule for a missed deadline applied, the due moment marked fired
 * and an event and notification written to the outbox, in one transaction.
 */
final class StarredSweep implements SweepRun.Sweeper {

    private static final int CHILDREN = 50_000;
    private static final Instant NOW = london("2026-11-23T10:00");

    private final Procedure procedure = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);
    private final Engine first;
    private final Engine second;
    private final DeadlineRunner node1;
    private final DeadlineRunner node2;
    private final int open;
    private final int due;

    StarredSweep(int open, int due) {
        this.open = open;
        this.due = due;
        first = new Engine(TestDatabase.Kind.POSTGRESQL, NOW).with(procedure);
        second = new Engine(TestDatabase.attach(first.db.schema()), NOW).with(procedure);
        for (Engine engine : List.of(first, second)) {
            for (int i = 0; i < CHILDREN; i++) {
                String child = String.format("child-%07d", i);
                engine.host().child(child, Cohort.LOOKED_AFTER).role("iro", "IRO", child).role("tm", "TEAM_MANAGER", child)
                        .role("sm", "SERVICE_MANAGER", child).role("hos", "HEAD_OF_SERVICE", child);
            }
        }
        node1 = new DeadlineRunner(first.db.jpaTemplate(), first.concernStore, first.reviewStore, first.clock, true,
                "node-1", 200);
        node2 = new DeadlineRunner(second.db.jpaTemplate(), second.concernStore, second.reviewStore, second.clock, true,
                "node-2", 200);
        generate();
    }

    /** The template raised through the engine, then copied so that the due items fall where wanted. */
    private void generate() {
        Concern template = first.host().as("iro", () -> first.concerns().raise(new RaiseConcern("child-0000000",
                procedure.ref(), ConcernOrigin.STARRED_DECISION, List.of("CHILD_NOT_SEEN"),
                "The child has not been seen within timescales.", "Visits brought up to date.",
                java.time.LocalDate.of(2026, 12, 18), "tm", null)));
        long stage = Duration.between(template.raisedAt(), template.stages().get(0).dueAt()).toSeconds();
        // the first `due` copies fall due in the hour before now, the next WARM_UP two hours before that,
        // the rest later, within their stage's timescale
        String plan = "SELECT g, '" + template.id() + "' AS template, CASE"
                + " WHEN g <= " + due + " THEN -(" + stage + " + random() * 3600) * interval '1 second'"
                + " WHEN g <= " + (due + SweepRun.WARM_UP) + " THEN -(" + stage + " + 7200 + random() * 3600)"
                + " * interval '1 second' ELSE -(random() * " + (stage - 120) + ") * interval '1 second' END AS shift"
                + " FROM generate_series(1, " + (open + SweepRun.WARM_UP) + ") g";
        DataSource ds = first.db.dataSource();
        CouncilData.generate(ds, new CouncilData.Plan(plan, CHILDREN));
        CouncilData.remove(ds, template.id().toString());
        // a stage's "due soon" moment before now fired when it fell
        CouncilData.execute(ds, "UPDATE deadline SET state = 'FIRED', fired_at = due_at, fired_by = 'earlier',"
                + " outcome = 'due soon' WHERE kind = 'STAGE_DUE_SOON' AND state = 'PENDING' AND due_at <= "
                + sql(NOW));
        long pendingNow = CouncilData.count(ds, "SELECT count(*) FROM deadline WHERE state = 'PENDING' AND due_at <= "
                + sql(NOW));
        long openNow = CouncilData.count(ds, "SELECT count(*) FROM concern WHERE status = 'OPEN'");
        if (pendingNow != due + SweepRun.WARM_UP || openNow != open + SweepRun.WARM_UP) {
            throw new IllegalStateException("generated " + openNow + " open concerns with " + pendingNow
                    + " items due; wanted " + (open + SweepRun.WARM_UP) + " and " + (due + SweepRun.WARM_UP));
        }
    }

    /** The instant as the engine stores it: a timestamp in UTC ({@code hibernate.jdbc.time_zone}). */
    private static String sql(Instant at) {
        return "'" + java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC) + "'::timestamp";
    }

    @Override
    public SweepRun.Result sweep() throws Exception {
        sweepAt(NOW.minus(Duration.ofHours(2)));
        long before = fired();
        Postgres.Blocks blocksBefore = Postgres.blocks(first.db.schema());
        long start = System.nanoTime();
        long[] byNode = sweepAt(NOW);
        double seconds = (System.nanoTime() - start) / 1e9;
        Postgres.Blocks blocks = Postgres.blocks(first.db.schema()).minus(blocksBefore);
        DataSource ds = first.db.dataSource();
        long fired = fired() - before;
        long notDue = CouncilData.count(ds, "SELECT count(*) FROM deadline WHERE fired_by LIKE 'node-%'"
                + " AND due_at > fired_at");
        long leftDue = CouncilData.count(ds, "SELECT count(*) FROM deadline WHERE state = 'PENDING' AND due_at <= "
                + sql(NOW));
        long events = CouncilData.count(ds, "SELECT count(*) - count(DISTINCT concern_id) FROM outbox"
                + " WHERE kind = 'EVENT' AND payload LIKE '%uk/starred/deadline/STAGE_DUE\"%'");
        long duplicates = Math.max(0, byNode[0] + byNode[1] - fired) + events;
        return new SweepRun.Result("starred", open, due, seconds, fired, byNode[0], byNode[1], duplicates,
                leftDue + notDue + Math.max(0, due - fired), blocks);
    }

    private long fired() {
        return CouncilData.count(first.db.dataSource(), "SELECT count(*) FROM deadline WHERE state = 'FIRED'"
                + " AND fired_by LIKE 'node-%'");
    }

    /** Both nodes fire what is due at the moment until neither finds any more. @return fired by each */
    private long[] sweepAt(Instant at) throws Exception {
        first.clock.set(at);
        second.clock.set(at);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> done = nodes.invokeAll(List.<Callable<Long>>of(() -> drain(node1), () -> drain(node2)));
            return new long[] {done.get(0).get(), done.get(1).get()};
        } finally {
            nodes.shutdown();
        }
    }

    /** What a node's timer does on a round: claim and fire batches until a claim comes back short. */
    private static long drain(DeadlineRunner node) {
        return node.fireAllDue();
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
