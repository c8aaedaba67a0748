package uk.starred.impl.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
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
import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/** The audit trail records every command and detects any later edit, deletion or change outside Starred. */
@RunWith(Parameterized.class)
public class AuditTrailTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;
    private Concern concern;

    public AuditTrailTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .overseer("qa-1");
        engine.host.signIn("iro-1");
        Concern raised = engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), "tm-1",
                null));
        Concern responded = engine.host.as("tm-1", () -> engine.concerns.respond(raised.id(), raised.version(),
                ResponseKind.DISAGREE, "On track", null));
        concern = engine.concerns.escalate(raised.id(), responded.version(), null, "Escalating");
        engine.host.signIn("qa-1");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void everyCommandIsAnEntryWithWhoWhenWhatBeforeAndAfter() {
        List<AuditEntry> trail = engine.audit.entriesFor(concern.id());
        assertEquals(List.of("raise", "respond", "escalate"), trail.stream().map(AuditEntry::command).toList());
        assertEquals(List.of("iro-1", "tm-1", "iro-1"), trail.stream().map(AuditEntry::actor).toList());
        assertEquals(List.of(1L, 2L, 3L), trail.stream().map(AuditEntry::sequence).toList());
        assertNull(trail.get(0).before());
        assertNull(trail.get(0).previousHash());
        assertEquals(trail.get(0).after(), trail.get(1).before());
        assertEquals(trail.get(1).hash(), trail.get(2).previousHash());
        assertTrue(trail.get(2).after().contains("\"stageId\":\"INFORMAL\""));
        assertTrue(engine.audit.verify(concern.id()).intact());
        AuditVerification all = engine.audit.verifyAll();
        assertEquals(1, all.concernsChecked());
        assertEquals(3, all.entriesChecked());
        assertTrue(all.problems().toString(), all.intact());
    }

    @Test
    public void anEditedEntryIsDetected() {
        engine.db.execute("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 2");
        AuditVerification result = engine.audit.verify(concern.id());
        assertFalse(result.intact());
        assertTrue(result.problems().toString(), result.problems().get(0).contains(
                "audit entry 2: its content does not match its hash; it was edited"));
    }

    @Test
    public void anEditedEntryWithItsHashRecomputedStillBreaksTheChain() {
        List<AuditEntry> trail = engine.audit.entriesFor(concern.id());
        engine.db.execute("UPDATE audit_entry SET previous_hash = '" + "0".repeat(64) + "' WHERE seq = 3");
        AuditVerification result = engine.audit.verify(concern.id());
        assertTrue(result.problems().toString(), result.problems().stream()
                .anyMatch(p -> p.contains("audit entry 3: it does not link to the entry before it")));
        assertEquals(3, trail.size());
    }

    @Test
    public void aDeletedEntryIsDetected() {
        engine.db.execute("DELETE FROM audit_entry WHERE seq = 2");
        assertTrue(engine.audit.verify(concern.id()).problems().stream()
                .anyMatch(p -> p.contains("expected entry 2 here; an entry is missing")));
        engine.db.execute("DELETE FROM audit_entry WHERE seq = 3");
        assertTrue(engine.audit.verify(concern.id()).problems().stream()
                .anyMatch(p -> p.contains("is at version 2 but its trail ends at entry 1")));
    }

    @Test
    public void aConcernChangedOutsideStarredIsDetected() {
        engine.db.execute("UPDATE concern SET description = 'rewritten' WHERE id = '" + concern.id() + "'");
        assertTrue(engine.audit.verify(concern.id()).problems().stream()
                .anyMatch(p -> p.contains("as stored differs from the last audit entry")));
    }

    @Test
    public void theConcernRecordsTheEndOfItsTrailAndAChangeToItIsDetected() {
        List<AuditEntry> trail = engine.audit.entriesFor(concern.id());
        assertEquals(1, engine.db.count("concern WHERE audit_head = '" + trail.get(2).hash() + "'"));
        engine.db.execute("UPDATE concern SET audit_head = '" + trail.get(1).hash() + "'");
        assertTrue(engine.audit.verify(concern.id()).problems().stream()
                .anyMatch(p -> p.contains("records a different end of its audit trail than its last entry 3")));
    }

    @Test
    public void aConcernThatDoesNotRecordTheEndOfItsTrailTakesNoCommandAndNothingChanges() {
        engine.db.execute("UPDATE concern SET audit_head = NULL");
        engine.host.signIn("iro-1");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> engine.concerns.escalate(concern.id(), concern.version(), null, "Escalating again"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("concern " + concern.id()
                + " does not record the end of its audit trail (entry 3); run the audit verification"));
        assertEquals(concern, engine.concerns.find(concern.id()).orElseThrow());
        engine.host.signIn("qa-1");
        assertEquals(3, engine.audit.entriesFor(concern.id()).size());
    }

    @Test
    public void onlyThoseWithOversightReadOrVerifyTheTrail() {
        engine.host.signIn("tm-1");
        assertThrows(NotPermittedException.class, () -> engine.audit.entriesFor(concern.id()));
        assertThrows(NotPermittedException.class, () -> engine.audit.verifyAll());
    }
}
