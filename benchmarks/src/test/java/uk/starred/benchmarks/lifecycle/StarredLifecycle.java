package uk.starred.benchmarks.lifecycle;

import static uk.starred.testkit.seeds.Scenario.london;

import java.util.List;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.Seeds;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Starred's engine as it runs in Karaf, wired by hand over the database (pooled, as pax-jdbc pools
 * it): each lifecycle is the IRO raising a concern under seed 004's alert process, escalating it
 * through its three later stages and resolving it. Every command stores the concern, its stage
 * records and due moments, an audit entry and the outbox rows of its case notes and notifications,
 * in one transaction, after checking the caller's roles.
 */
final class StarredLifecycle implements LifecycleLoad.Subject {

    private static final int CHILDREN_PER_THREAD = 200;

    private final Engine engine;
    private final Procedure procedure = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);

    StarredLifecycle(String database, int threads) {
        TestDatabase.Kind kind = database.equals("postgresql") ? TestDatabase.Kind.POSTGRESQL : TestDatabase.Kind.H2;
        engine = new Engine(kind, london("2026-11-02T09:00")).with(procedure);
        for (int i = 0; i < CHILDREN_PER_THREAD * threads; i++) {
            String child = "child-" + i;
            engine.host().child(child, Cohort.LOOKED_AFTER).role("iro", "IRO", child).role("tm", "TEAM_MANAGER", child)
                    .role("sm", "SERVICE_MANAGER", child).role("hos", "HEAD_OF_SERVICE", child)
                    .role("dd", "DEPUTY_DIRECTOR", child);
        }
    }

    @Override
    public void lifecycle(int thread, long n) {
        String child = "child-" + (thread * CHILDREN_PER_THREAD + n % CHILDREN_PER_THREAD);
        engine.host().as("iro", () -> {
            Concern c = engine.concerns().raise(new RaiseConcern(child, procedure.ref(), ConcernOrigin.STARRED_DECISION,
                    List.of("CHILD_NOT_SEEN"), "The child has not been seen within timescales.",
                    "Visits brought up to date.", LifecycleLoad.dueBy(), "tm", null));
            for (int stage = 0; stage < 3; stage++) {
                c = engine.concerns().escalate(c.id(), c.version(), null, null);
            }
            return engine.concerns().resolve(c.id(), c.version(), "Visits brought up to date.");
        });
    }

    @Override
    public String schema() {
        return engine.db.schema();
    }

    @Override
    public void close() {
        engine.close();
    }
}
