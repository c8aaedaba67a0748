package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * How many times a command waits on PostgreSQL, counted from the driver: pgjdbc ends each round trip
 * with a Sync message, which it logs at FINEST. A command keeps everything it must not lose in one
 * transaction (the concern, its stages, the audit entry, due moments, outbox rows, oversight counts)
 * and still waits at most three times: the concern read with everything it has (a raise reads nothing),
 * all the writes together, and the commit. The pool lends its connections without asking the database
 * first, as pax-jdbc's dbcp2 pool does in Karaf; a connection that died in the pool is replaced by
 * running the transaction again, which the caller does not notice.
 */
public class RoundTripsOnPostgresqlTest {

    static final int MOST = 3;
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final AtomicInteger syncs = new AtomicInteger();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("FE=> Sync")) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level was;
    private Engine engine;

    @Before
    public void setUp() {
        String unavailable = TestDatabase.postgresqlUnavailable();
        if (unavailable != null && System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set, so round trips must be counted on PostgreSQL: " + unavailable);
        }
        Assume.assumeTrue("PostgreSQL not available at 127.0.0.1:5432 (" + unavailable + "); round trips are"
                + " counted on it", unavailable == null);
        Procedure alerts = TestProcedures.alerts("1.0.0");
        engine = new Engine(TestDatabase.Kind.POSTGRESQL, Instant.parse("2026-11-16T10:00:00Z")).with(alerts);
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1").role("sm-1", "SERVICE_MANAGER", "C1")
                .role("hos-1", "HEAD_OF_SERVICE", "C1");
        was = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(counter);
    }

    @After
    public void tearDown() {
        DRIVER.removeHandler(counter);
        DRIVER.setLevel(was);
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void raisingRespondingEscalatingAndResolvingEachWaitOnPostgresqlAtMostThreeTimes() {
        Map<String, Integer> trips = new LinkedHashMap<>();
        // the first command stores the procedure's definition and warms the pool: counted from the second
        Concern first = as("iro-1", () -> engine.concerns.raise(raise()));
        as("iro-1", () -> engine.concerns.withdraw(first.id(), first.version(), "Raised in error"));

        Concern c = count(trips, "raise", () -> as("iro-1", () -> engine.concerns.raise(raise())));
        Concern responded = count(trips, "respond", () -> as("tm-1", () -> engine.concerns.respond(c.id(),
                c.version(), ResponseKind.DISAGREE, "The plan is on track", List.of())));
        Concern escalated = count(trips, "escalate", () -> as("iro-1", () -> engine.concerns.escalate(
                responded.id(), responded.version(), null, null)));
        Concern action = count(trips, "recordAction", () -> as("iro-1", () -> engine.concerns.recordAction(
                escalated.id(), escalated.version(), "YOUNG_PERSON_INFORMED", null)));
        Concern bypassed = count(trips, "bypass", () -> as("iro-1", () -> engine.concerns.bypass(action.id(),
                action.version(), "HEAD_OF_SERVICE", "The Service Manager has no say over the budget")));
        count(trips, "resolve", () -> as("iro-1", () -> engine.concerns.resolve(bypassed.id(), bypassed.version(),
                "Placement funded")));

        System.out.println("Round trips to PostgreSQL a command, counted from the driver: " + trips);
        trips.forEach((command, n) -> assertTrue(command + " waited " + n + " times: " + trips, n <= MOST));
        assertEquals("every command was counted", 6, trips.size());
    }

    @Test
    public void connectionsThatDiedInThePoolAreReplacedWithoutTheCallerNoticingAndNothingIsKeptTwice() {
        Concern first = as("iro-1", () -> engine.concerns.raise(raise()));
        as("tm-1", () -> engine.concerns.respond(first.id(), first.version(), ResponseKind.DISAGREE,
                "The plan is on track", List.of()));

        assertTrue("the database ended the pool's sessions, as a restart does", engine.db.endPooledSessions() > 0);
        Concern second = as("iro-1", () -> engine.concerns.raise(raise()));
        assertEquals("both raised, each once", 2, engine.db.count("concern"));
        assertEquals("three audit entries: the first's raise and response, the second's raise", 3,
                engine.db.count("audit_entry"));
        assertEquals(second.id(), as("iro-1", () -> engine.concerns.find(second.id())).orElseThrow().id());

        int views = engine.db.count("access_log");
        engine.db.endPooledSessions();
        List<Concern> seen = as("sw-1", () -> engine.concerns.concernsForChild("C1"));
        assertEquals(2, seen.size());
        assertEquals("the social worker's view of the child's concerns is in the access log once, though its"
                + " first try lost its connection", views + 1, engine.db.count("access_log"));
        as("sw-1", () -> engine.concerns.concernsForChild("C1"));
        assertEquals("and again within the minute, not kept again", views + 1, engine.db.count("access_log"));
    }

    private <T> T count(Map<String, Integer> trips, String command, Supplier<T> run) {
        syncs.set(0);
        T result = run.get();
        trips.put(command, syncs.get());
        return result;
    }

    private <T> T as(String staffId, Supplier<T> action) {
        return engine.host.as(staffId, action);
    }

    private static RaiseConcern raise() {
        return new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(), ConcernOrigin.STARRED_DECISION,
                List.of("PLAN_DRIFT"), "Care plan not progressed since the last review",
                "Permanence planning meeting held", LocalDate.of(2026, 11, 27), "tm-1", null);
    }
}
