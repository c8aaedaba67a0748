package uk.starred.impl.records;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
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

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.audit.RecordAccess;
import uk.starred.api.audit.RetentionPurge.Outcome;
import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * What a council owes about the records it keeps of a child's disputes: who has seen them, everything held
 * about the child for a subject access request, and its retention applied with what remains still verifying.
 */
@RunWith(Parameterized.class)
public class RecordsACouncilOwesTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public RecordsACouncilOwesTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    private void start(String at) {
        engine = new Engine(kind, Instant.parse(at)).with(TestProcedures.alerts("1.0.0"));
        for (String child : List.of("C1", "C2")) {
            engine.host.child(child, Cohort.LOOKED_AFTER).role("iro-1", "IRO", child)
                    .role("tm-1", "TEAM_MANAGER", child).role("sw-1", "SOCIAL_WORKER", child);
        }
        engine.host.overseer("qa-1");
    }

    private Concern raise(String child, String description) {
        engine.host.signIn("iro-1");
        Concern c = engine.concerns.raise(new RaiseConcern(child, TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), description, "A plan agreed",
                LocalDate.of(2027, 1, 29), "tm-1", null));
        return engine.concerns.recordCommunication(c.id(), c.version(), "the child's mother", "telephone",
                "Told her of " + description);
    }

    @After
    public void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void whoSawAChildsRecordsIsKeptOnceAMinuteAndShownOnlyToOversight() {
        start("2026-12-07T10:00:00Z");
        Concern c = raise("C1", "Drift in the plan");
        engine.host.signIn("sw-1");
        engine.concerns.concernsForChild("C1");
        engine.clock.advance(Duration.ofSeconds(10));
        engine.concerns.concernsForChild("C1");
        engine.clock.advance(Duration.ofSeconds(10));
        engine.concerns.find(c.id());
        engine.clock.advance(Duration.ofMinutes(2));
        engine.concerns.concernsForChild("C1");
        engine.host.signIn("iro-1");
        engine.concerns.concernsForChild("C2");

        engine.host.signIn("qa-1");
        List<RecordAccess> seen = engine.accessLog.forChild("C1", 100);
        assertEquals("newest first; the second look within the minute kept once", List.of(
                new RecordAccess("sw-1", "C1", AccessedRecords.CONCERNS, Instant.parse("2026-12-07T10:02:20Z")),
                new RecordAccess("sw-1", "C1", AccessedRecords.CONCERN, Instant.parse("2026-12-07T10:00:20Z")),
                new RecordAccess("sw-1", "C1", AccessedRecords.CONCERNS, Instant.parse("2026-12-07T10:00:00Z"))),
                seen.stream().filter(r -> r.staffId().equals("sw-1")).toList());
        assertTrue("C2 had no concern to see", engine.accessLog.forChild("C2", 100).isEmpty());
        assertEquals("the day's, oldest first", List.of(AccessedRecords.CONCERNS, AccessedRecords.CONCERN,
                AccessedRecords.CONCERNS), engine.accessLog.between(Instant.parse("2026-12-07T00:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"), 100).stream().map(RecordAccess::records).toList());

        engine.host.signIn("iro-1");
        assertThrows("the child's IRO does not read the log", NotPermittedException.class,
                () -> engine.accessLog.forChild("C1", 10));
        engine.host.signIn("qa-1");
        InvalidCommandException wrong = assertThrows(InvalidCommandException.class,
                () -> engine.accessLog.forChild("C1", 0));
        assertEquals("limit", wrong.violations().get(0).field());
        InvalidCommandException backwards = assertThrows(InvalidCommandException.class,
                () -> engine.accessLog.between(Instant.parse("2026-12-08T00:00:00Z"),
                        Instant.parse("2026-12-07T00:00:00Z"), 10));
        assertEquals("to", backwards.violations().get(0).field());
    }

    @Test
    public void aSubjectAccessExportHoldsEverythingAboutTheChildAndNothingAboutAnother() {
        start("2026-12-07T10:00:00Z");
        Concern mine = raise("C1", "Drift in the plan");
        raise("C2", "Another child's drift");
        engine.host.signIn("iro-1");
        assertThrows(NotPermittedException.class, () -> engine.subjectAccess.export("C1"));

        engine.host.signIn("qa-1");
        SubjectAccessExport export = engine.subjectAccess.export("C1");

        assertEquals("C1", export.childId());
        assertEquals("qa-1", export.madeBy());
        assertEquals(List.of(mine.id()), export.concerns().stream().map(Concern::id).toList());
        assertEquals("the communication is there, as written", "Told her of Drift in the plan",
                export.concerns().get(0).communications().get(0).summary());
        assertEquals("the audit trail: raised, then the communication", List.of(1L, 2L),
                export.auditTrail().stream().map(a -> a.sequence()).toList());
        assertFalse("the notices written about the child", export.messages().isEmpty());
        assertTrue(export.messages().stream().allMatch(m -> m.concernId().equals(mine.id().toString())));
        assertFalse("nothing of the other child", export.toString().contains("Another child's drift"));
        assertEquals("the export is itself on record", AccessedRecords.SUBJECT_ACCESS_EXPORT,
                export.views().get(0).records());
        assertNull("C1 has no review timetable", export.reviewTimetable());
        InvalidCommandException none = assertThrows(InvalidCommandException.class,
                () -> engine.subjectAccess.export(" "));
        assertEquals("childId", none.violations().get(0).field());
    }

    @Test
    public void theRetentionDeletesWhatEndedLongAgoLeavesAPurgeRecordAndTheRestStillVerifies() {
        start("2020-03-02T10:00:00Z");
        Concern old = raise("C1", "Drift long ago");
        engine.host.signIn("iro-1");
        engine.concerns.withdraw(old.id(), old.version(), "Resolved by agreement");
        Concern undelivered = raise("C2", "Drift with a notice waiting");
        engine.host.signIn("iro-1");
        engine.concerns.withdraw(undelivered.id(), undelivered.version(), "Resolved by agreement");
        engine.deliver();
        Concern stillOpen = raise("C1", "Drift still open");
        engine.host.signIn("iro-1");
        engine.concerns.concernsForChild("C1");
        // C1 ceased to be looked after in 2020, its review timetable with it; C2 is looked after still
        engine.host.signIn("sw-1");
        uk.starred.api.review.ReviewTimetable ceasing = engine.reviews.lookedAfterFrom("C1", LocalDate.of(2020, 1, 6));
        engine.reviews.lookedAfterFrom("C2", LocalDate.of(2020, 1, 6));
        engine.host.signIn("iro-1");
        engine.reviews.ceasedLookedAfter("C1", ceasing.version(), LocalDate.of(2020, 2, 3), null,
                "Returned home in line with the plan before the first review");
        engine.deliver();

        engine.clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        Concern recent = raise("C2", "Drift lately");
        engine.host.signIn("iro-1");
        recent = engine.concerns.withdraw(recent.id(), recent.version(), "Resolved by agreement");
        engine.deliver();
        // one message of the second old concern left undelivered, as if the host had been down since
        engine.db.execute("UPDATE outbox SET delivered_at = NULL WHERE concern_id = '" + undelivered.id() + "'");

        engine.host.signIn("iro-1");
        assertThrows(NotPermittedException.class, () -> engine.retention(6, 1).purge(true));
        engine.host.signIn("qa-1");
        assertEquals("nothing purged when nothing is configured", new Outcome(0, 0, 0, null, null),
                engine.retention(0, 0).purge(false));

        Outcome counted = engine.retention(6, 1).purge(true);
        assertEquals(1, counted.concerns());
        assertEquals(1, counted.timetables());
        assertTrue(engine.concerns.find(old.id()).isPresent());

        long auditOfOld = engine.db.count("audit_entry WHERE concern_id = '" + old.id() + "'");
        Outcome purged = engine.retention(6, 1).purge(false);

        assertEquals(1, purged.concerns());
        assertEquals("the timetable of the child who ceased to be looked after in 2020", 1, purged.timetables());
        engine.host.signIn("qa-1");
        assertTrue(engine.reviews.timetable("C1").isEmpty());
        assertTrue("the child looked after still keeps theirs", engine.reviews.timetable("C2").isPresent());
        assertEquals(0, engine.db.count("looked_after_history WHERE child_id = 'C1'"));
        assertEquals(1, engine.db.count("purged_timetable WHERE ceased_on = DATE '2020-02-03' AND history_entries > 0"
                + " AND last_hash IS NOT NULL"));
        assertTrue("access log entries of 2020 went", purged.accessEntries() > 0);
        assertEquals(Instant.parse("2020-12-07T10:00:00Z"), purged.endedBefore());
        assertFalse(engine.concerns.find(old.id()).isPresent());
        for (String table : List.of("audit_entry", "stage_record", "communication", "deadline", "outbox")) {
            assertEquals(table, 0, engine.db.count(table + " WHERE concern_id = '" + old.id() + "'"));
        }
        assertEquals("the purge is on record, with the trail's length and end",
                1, engine.db.count("purge_record WHERE concern_id = '" + old.id() + "' AND audit_entries = "
                        + auditOfOld + " AND last_hash IS NOT NULL AND purged_by = 'qa-1'"));
        assertTrue("a concern with a message to deliver waits", engine.concerns.find(undelivered.id()).isPresent());
        assertTrue("an open concern stays", engine.concerns.find(stillOpen.id()).isPresent());
        assertTrue("one ended lately stays", engine.concerns.find(recent.id()).isPresent());
        assertTrue("what remains verifies", engine.audit.verifyAll().intact());
        assertTrue(engine.audit.verifyChild("C1").intact());
        assertEquals("the access log keeps this year", 0, engine.db.count("access_log WHERE viewed_at < "
                + "TIMESTAMP '2025-12-07 10:00:00'"));
        assertTrue(engine.db.count("access_log") > 0);
        assertNotNull(engine.accessLog.forChild("C2", 10));
    }
}
