package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.audit.AuditEntry;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DueItem;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * A closure day configured after concerns started moves their due moments not yet reached, with an
 * audit entry and word to the IRO; moments already passed stay as they were.
 */
@RunWith(Parameterized.class)
public class CalendarChangeTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public CalendarChangeTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private Concern raise() {
        return engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2027, 2, 26),
                "tm-1", null));
    }

    @Test
    public void aClosureDayAddedMovesDueMomentsNotYetReachedAndLeavesPastOnes() {
        engine = new Engine(kind, Instant.parse("2026-12-07T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sm-1", "SERVICE_MANAGER", "C1").overseer("qa-1");
        engine.host.signIn("iro-1");
        // raised Mon 7 December: Ratification due 00:00 Thu 10 December, passed by the time of the change
        Concern past = raise();
        assertEquals(Instant.parse("2026-12-10T00:00:00Z"), past.currentStage().orElseThrow().dueAt());

        engine.clock.set(Instant.parse("2026-12-14T10:00:00Z"));
        Concern raised = raise();
        Concern open = engine.concerns.escalate(raised.id(), raised.version(), null, "Not ratified");
        // Informal resolution: 4 working days from Mon 14 -> Tue 15 ... Fri 18 -> due 00:00 Sat 19 December
        assertEquals(Instant.parse("2026-12-19T00:00:00Z"), open.currentStage().orElseThrow().dueAt());
        engine.deliver();
        engine.host.notifications.clear();

        engine.clock.set(Instant.parse("2026-12-15T12:00:00Z"));
        engine.calendar.modified(CouncilConfigurationTest.configuration(new String[] {"2026-12-16 Council closure"},
                new String[0], new String[0]));
        assertEquals(1, engine.concernStore.recomputeDueMoments("closure day 16 December added",
                engine.clock.instant()));

        Concern moved = engine.concerns.find(open.id()).orElseThrow();
        // Tue 15, (Wed 16 closed), Thu 17, Fri 18, Mon 21 -> due 00:00 Tue 22 December
        assertEquals(Instant.parse("2026-12-22T00:00:00Z"), moved.currentStage().orElseThrow().dueAt());
        assertEquals("a passed moment stays", past.currentStage().orElseThrow().dueAt(),
                engine.concerns.find(past.id()).orElseThrow().currentStage().orElseThrow().dueAt());
        List<DueItem> due = engine.deadlines.dueWithin(Duration.ofDays(30), 10).stream()
                .filter(d -> open.id().equals(d.concernId()) && d.kind() == DeadlineKind.STAGE_DUE).toList();
        assertEquals("the stored deadline moved with it", Instant.parse("2026-12-22T00:00:00Z"), due.get(0).dueAt());

        List<AuditEntry> trail = engine.host.as("qa-1", () -> engine.audit.entriesFor(open.id()));
        assertEquals("calendarChanged", trail.get(trail.size() - 1).command());
        assertTrue(engine.host.as("qa-1", () -> engine.audit.verify(open.id())).intact());
        engine.deliver();
        assertEquals(1, engine.host.notifications.size());
        assertTrue(engine.host.notifications.get(0).body(), engine.host.notifications.get(0).body().contains(
                "closure day 16 December added"));

        assertEquals("nothing moves twice", 0,
                engine.concernStore.recomputeDueMoments("again", engine.clock.instant()));
    }
}
