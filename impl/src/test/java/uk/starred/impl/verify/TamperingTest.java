package uk.starred.impl.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

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

import uk.starred.api.NotPermittedException;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * Everything kept for a child, checked for tampering in the database behind Starred's back, one child or
 * everything at once: an audit entry edited, one deleted, two reordered, a concern's stage changed, and the
 * review timetable's history edited or the timetable changed. Each is found and named.
 */
@RunWith(Parameterized.class)
public class TamperingTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;
    private Concern concern;

    public TamperingTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1").overseer("qa-1");
        engine.host.signIn("iro-1");
        Concern raised = engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), "tm-1",
                null));
        Concern responded = engine.host.as("tm-1", () -> engine.concerns.respond(raised.id(), raised.version(),
                ResponseKind.DISAGREE, "On track", null));
        concern = engine.concerns.escalate(raised.id(), responded.version(), null, "Escalating");
        ReviewTimetable t = engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 11, 2));
        ReviewTimetable appointed = engine.reviews.iroAppointed("C1", t.version(), LocalDate.of(2026, 11, 3));
        engine.reviews.reviewHeld("C1", appointed.version(), LocalDate.of(2026, 11, 16), List.of("sw-1"));
        engine.host.signIn("qa-1");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private List<String> problems() {
        return engine.audit.verifyChild("C1").problems();
    }

    private void found(String what) {
        List<String> problems = problems();
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.contains(what)));
        assertTrue("everything at once finds it too", engine.audit.verifyAll().problems().stream()
                .anyMatch(p -> p.contains(what)));
    }

    @Test
    public void untouchedEverythingKeptForTheChildIsIntact() {
        AuditVerification child = engine.audit.verifyChild("C1");
        assertEquals(child.problems().toString(), List.of(), child.problems());
        assertEquals(1, child.concernsChecked());
        assertEquals(1, child.timetablesChecked());
        assertEquals("three audit entries and three history entries", 6, child.entriesChecked());
        AuditVerification all = engine.audit.verifyAll();
        assertTrue(all.problems().toString(), all.intact());
        assertEquals(1, all.timetablesChecked());
    }

    @Test
    public void anAuditEntryEditedIsFound() {
        engine.db.execute("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 2");
        found("concern " + concern.id() + " audit entry 2: its content does not match its hash; it was edited");
    }

    @Test
    public void anAuditEntryDeletedIsFound() {
        engine.db.execute("DELETE FROM audit_entry WHERE seq = 2");
        found("concern " + concern.id() + " audit entry 3: expected entry 2 here; an entry is missing");
    }

    @Test
    public void twoAuditEntriesReorderedAreFound() {
        engine.db.execute("UPDATE audit_entry SET seq = 99 WHERE seq = 2");
        engine.db.execute("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
        engine.db.execute("UPDATE audit_entry SET seq = 3 WHERE seq = 99");
        found("concern " + concern.id() + " audit entry 2: its content does not match its hash; it was edited");
        found("concern " + concern.id() + " audit entry 2: it does not link to the entry before it");
    }

    @Test
    public void aConcernsStageChangedOutsideStarredIsFound() {
        engine.db.execute("UPDATE stage_record SET stage_id = 'FORMAL', name = 'Formal' WHERE state = 'ACTIVE'");
        found("concern " + concern.id() + ": as stored differs from the last audit entry; it was changed outside"
                + " Starred");
    }

    @Test
    public void aReviewHistoryEditedOrTheTimetableChangedIsFound() {
        engine.db.execute("UPDATE looked_after_history SET detail = 'Nothing happened' WHERE seq = 2");
        found("child C1 review history entry 2: its content does not match its hash; it was edited");
        engine.db.execute("DELETE FROM looked_after_history WHERE seq = 2");
        found("child C1 review history entry 3: expected entry 2 here; an entry is missing");
        found("child C1 review history entry 3: it does not link to the entry before it");
    }

    @Test
    public void aReviewTimetableChangedOutsideStarredIsFound() {
        engine.db.execute("UPDATE looked_after_review SET held_on = DATE '2026-11-13' WHERE review_number = 1");
        found("child C1: the review timetable as stored differs from the last entry of its history; it was changed"
                + " outside Starred");
        engine.db.execute("DELETE FROM looked_after_history WHERE seq = 3");
        found("child C1: the review timetable as stored differs from the last entry of its history");
    }

    @Test
    public void onlyThoseWithOversightVerify() {
        engine.host.signIn("iro-1");
        assertThrows(NotPermittedException.class, () -> engine.audit.verifyChild("C1"));
    }
}
