package uk.starred.impl.operations;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.operations.CommandTiming;
import uk.starred.api.operations.ServiceStatus;
import uk.starred.api.operations.StageCount;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.schema.SchemaMigration;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/** What operators are told of Starred's state, read from a real database as the engine leaves it. */
@RunWith(Parameterized.class)
public class OperationsComponentTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;
    private OperationsComponent operations;

    public OperationsComponentTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1");
        engine.host.signIn("iro-1");
        operations = new OperationsComponent(engine.clock, 5, Duration.ZERO)
                .reading(engine.db.dataSource(), new SchemaMigration(engine.db.dataSource()).migrate(), engine.relay);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private Concern raise() {
        return engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), "tm-1",
                null));
    }

    @Test
    public void theDatabaseAnswersTheSchemaIsThisReleasesAndNothingIsBehind() {
        ServiceStatus s = operations.status();
        assertTrue(s.databaseUp());
        assertNotNull(s.databaseAnswer());
        assertEquals(SchemaMigration.VERSION, s.schemaVersion());
        assertEquals(SchemaMigration.VERSION, s.schemaExpected());
        assertEquals(Duration.ZERO, s.sweepLag());
        assertEquals(0, s.dueNotFired());
        assertEquals(0, s.outbox().undelivered());
        assertEquals(List.of(), s.refusedProcedures());
    }

    @Test
    public void notYetDeliveredAndDueMomentsNotFiredShowUntilTheRelayAndTheSweepCatchUp() {
        raise();
        assertTrue("the raise's notices wait for the relay", operations.status().outbox().undelivered() > 0);
        engine.deliver();
        assertEquals(0, operations.status().outbox().undelivered());

        engine.clock.advance(Duration.ofDays(3));
        ServiceStatus behind = operations.status();
        assertTrue("due moments fell due: " + behind, behind.dueNotFired() > 0);
        assertTrue("the sweep is behind by a day or more: " + behind.sweepLag(),
                behind.sweepLag().compareTo(Duration.ofDays(1)) > 0);
        engine.deadlines.fireAllDue();
        ServiceStatus caughtUp = operations.status();
        assertEquals(0, caughtUp.dueNotFired());
        assertEquals(Duration.ZERO, caughtUp.sweepLag());
    }

    @Test
    public void openConcernsAreCountedByStageAndThoseOverdueApart() {
        raise();
        raise();
        List<StageCount> now = operations.openConcerns();
        assertEquals(1, now.size());
        assertEquals(2, now.get(0).open());
        assertEquals(0, now.get(0).overdue());
        assertEquals(TestProcedures.alerts("1.0.0").ref().id(), now.get(0).procedure());
        engine.clock.advance(Duration.ofDays(3));
        assertEquals("past the stage's due moment", 2, operations.openConcerns().get(0).overdue());
    }

    @Test
    public void commandsAreTimedByNameAndThoseRefusedCountedApart() {
        Concern raised = raise();
        engine.host.signIn("tm-1");
        try {
            engine.concerns.respond(raised.id(), raised.version() + 7, ResponseKind.AGREE, "ok", List.of());
            fail("a response to a version nobody read was taken");
        } catch (ConcurrentChangeException expected) {
            // counted as refused
        }
        CommandTiming raises = timing("raise");
        assertTrue(raises.count() >= 1);
        assertEquals("every raise took under ten seconds: the last bucket holds them all", raises.count(),
                (long) raises.bucketCounts().get(raises.bucketCounts().size() - 1));
        assertTrue(raises.sumSeconds() > 0);
        CommandTiming responds = timing("respond");
        assertTrue("the refused response is counted: " + responds, responds.refused() >= 1);
    }

    private CommandTiming timing(String command) {
        return operations.commandTimings().stream().filter(t -> t.command().equals(command)).findFirst()
                .orElseThrow(() -> new AssertionError("no timing of " + command));
    }

    @Test
    public void onAServerInBritishSummerTimeAMomentDueWithinTheHourIsNotYetDue() {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/London"));
        try {
            engine.clock.set(Instant.parse("2026-07-06T09:00:00Z"));
            raise();
            Instant first = Instant.parse(engine.db.string("SELECT MIN(due_at) FROM deadline WHERE state = 'PENDING'")
                    .replace(' ', 'T') + "Z");
            engine.clock.set(first.minus(Duration.ofMinutes(30)));
            ServiceStatus s = operations.status();
            assertEquals("nothing due half an hour before the first moment: " + s, 0, s.dueNotFired());
            assertEquals(Duration.ZERO, s.sweepLag());
            assertEquals("the stage is not overdue yet", 0, operations.openConcerns().get(0).overdue());
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    public void aDatabaseThatDoesNotAnswerIsReportedByTheKindOfFailureAndNothingElseIsMadeUp() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/starred");
        nowhere.setConnectTimeout(2);
        ServiceStatus s = new OperationsComponent(engine.clock, 2, Duration.ZERO).reading(nowhere, null, null).status();
        assertTrue(s.databaseProblem(), !s.databaseUp());
        assertNull(s.sweepLag());
        assertNull(s.outbox());
        assertNull(s.schemaVersion());
        assertEquals(-1, s.dueNotFired());
    }
}
