package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.Violation;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.impl.testing.SettableClock;
import uk.starred.impl.testing.TestDatabase;

/** The concern store against real databases: H2 always, PostgreSQL when it answers (required under CI). */
@RunWith(Parameterized.class)
public class JpaConcernServiceTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private TestDatabase db;
    private SettableClock clock;
    private JpaConcernService service;

    /** Monday 16 November 2026, 10:00 in London (GMT). */
    private static final Instant MONDAY = Instant.parse("2026-11-16T10:00:00Z");
    private static final ProcedureRef ALERTS = new ProcedureRef("dispute-resolution-alert", "1.0.0");

    public JpaConcernServiceTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        db = TestDatabase.migrated(kind);
        clock = new SettableClock(MONDAY);
        service = new JpaConcernService(db.jpaTemplate(), clock);
    }

    @After
    public void tearDown() {
        db.close();
    }

    private static RaiseConcern raise(String childId, String... reasons) {
        return new RaiseConcern(childId, ALERTS, ConcernOrigin.STARRED_DECISION, List.of(reasons),
                "Care plan not progressed since the last review",
                "Permanence planning meeting held",
                LocalDate.of(2026, 11, 23), "tm-42", "iro-7");
    }

    @Test
    public void aRaisedConcernIsStoredOpenAndReadBackWhole() {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT", "REVIEW_LATE"));

        assertEquals(ConcernStatus.OPEN, raised.status());
        assertEquals(MONDAY, raised.raisedAt());
        assertNull(raised.endedAt());

        Concern read = service.find(raised.id()).orElseThrow();
        assertEquals(raised, read);
        assertEquals(List.of("PLAN_DRIFT", "REVIEW_LATE"), read.reasonCodes());
        assertEquals(ALERTS, read.procedure());
        assertEquals(LocalDate.of(2026, 11, 23), read.remedyDueBy());
        assertEquals("tm-42", read.responsiblePerson());
    }

    @Test
    public void whatRaiseReturnsIsExactlyWhatIsStoredEvenToTheNanosecond() {
        clock.set(MONDAY.plusNanos(123_456_789));
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        assertEquals(MONDAY.plusNanos(123_456_000), raised.raisedAt());
        assertEquals(raised, service.find(raised.id()).orElseThrow());

        clock.advance(Duration.ofNanos(999));
        Concern withdrawn = service.withdraw(raised.id(), raised.version(), "duplicate");
        assertEquals(withdrawn, service.find(raised.id()).orElseThrow());
    }

    @Test
    public void findingAnUnknownConcernGivesNothing() {
        assertTrue(service.find(ConcernId.random()).isEmpty());
    }

    @Test
    public void aChildsConcernsComeNewestFirstAndOnlyTheirs() {
        Concern first = service.raise(raise("child-1", "PLAN_DRIFT"));
        clock.advance(Duration.ofHours(3));
        Concern second = service.raise(raise("child-1", "REVIEW_LATE"));
        service.raise(raise("child-2", "PLAN_DRIFT"));

        List<Concern> forChild = service.concernsForChild("child-1");
        assertEquals(List.of(second.id(), first.id()), forChild.stream().map(Concern::id).toList());
    }

    @Test
    public void openConcernsComeOldestFirstAndLeaveOutEndedOnes() {
        Concern oldest = service.raise(raise("child-1", "PLAN_DRIFT"));
        clock.advance(Duration.ofDays(1));
        Concern withdrawn = service.raise(raise("child-2", "PLAN_DRIFT"));
        clock.advance(Duration.ofDays(1));
        Concern newest = service.raise(raise("child-3", "PLAN_DRIFT"));
        service.withdraw(withdrawn.id(), withdrawn.version(), "Raised for the wrong child");

        assertEquals(List.of(oldest.id(), newest.id()), service.openConcerns(10).stream().map(Concern::id).toList());
        assertEquals(List.of(oldest.id()), service.openConcerns(1).stream().map(Concern::id).toList());
    }

    @Test
    public void aWrongCommandIsRefusedWithEveryProblemNamedAndNothingStored() {
        RaiseConcern wrong = new RaiseConcern(" ", null, null, List.of("PLAN_DRIFT", "", "PLAN_DRIFT"),
                null, "x".repeat(4001), LocalDate.of(2026, 11, 13), "tm-42", null);

        InvalidCommandException refused = assertThrows(InvalidCommandException.class, () -> service.raise(wrong));

        List<String> fields = refused.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("childId", "procedure", "origin", "reasonCodes[1]", "reasonCodes[2]", "description",
                "remedyWanted", "remedyDueBy", "raisedBy"), fields);
        assertTrue(refused.getMessage(), refused.getMessage().contains("remedyDueBy: must not be in the past: 2026-11-13"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("reasonCodes[2]: 'PLAN_DRIFT' is given more than once"));
        assertEquals(0, countRows("concern"));
        assertEquals(0, countRows("concern_reason"));
    }

    @Test
    public void todayIsTheLondonDateNotTheUtcOne() {
        // 23:30 UTC on 31 March 2027 is already 1 April in London (BST)
        clock.set(Instant.parse("2027-03-31T23:30:00Z"));
        RaiseConcern dueToday = new RaiseConcern("child-1", ALERTS, ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"),
                "d", "r", LocalDate.of(2027, 4, 1), "tm", "iro");
        assertEquals(LocalDate.of(2027, 4, 1), service.raise(dueToday).remedyDueBy());

        RaiseConcern dueYesterday = new RaiseConcern("child-1", ALERTS, ConcernOrigin.RED_RAG_RATING,
                List.of("PLAN_DRIFT"), "d", "r", LocalDate.of(2027, 3, 31), "tm", "iro");
        assertThrows(InvalidCommandException.class, () -> service.raise(dueYesterday));
    }

    @Test
    public void withdrawingEndsTheConcernWithTheReasonAndTime() {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        clock.advance(Duration.ofMinutes(90));

        Concern withdrawn = service.withdraw(raised.id(), raised.version(), "Resolved in conversation with the TM");

        assertEquals(ConcernStatus.WITHDRAWN, withdrawn.status());
        assertEquals(MONDAY.plus(Duration.ofMinutes(90)), withdrawn.endedAt());
        assertEquals("Resolved in conversation with the TM", withdrawn.endReason());
        assertTrue(withdrawn.version() > raised.version());
        assertEquals(withdrawn, service.find(raised.id()).orElseThrow());
    }

    @Test
    public void aStaleVersionIsRefusedAndTheStoredConcernIsUntouched() {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        Concern withdrawn = service.withdraw(raised.id(), raised.version(), "first");

        assertThrows(ConcurrentChangeException.class,
                () -> service.withdraw(raised.id(), raised.version(), "second, from a stale screen"));
        assertEquals(withdrawn, service.find(raised.id()).orElseThrow());
    }

    @Test
    public void anEndedConcernCannotBeWithdrawnAgain() {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        Concern withdrawn = service.withdraw(raised.id(), raised.version(), "first");

        InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                () -> service.withdraw(raised.id(), withdrawn.version(), "again"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("already ended as WITHDRAWN"));
    }

    @Test
    public void withdrawingNeedsAReasonAndAnExistingConcern() {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        assertThrows(InvalidCommandException.class, () -> service.withdraw(raised.id(), raised.version(), " "));
        assertEquals(ConcernStatus.OPEN, service.find(raised.id()).orElseThrow().status());
        assertThrows(NotFoundException.class, () -> service.withdraw(ConcernId.random(), 0, "reason"));
    }

    @Test
    public void twoPeopleWithdrawingAtOnceOneWinsTheOtherIsToldSo() throws Exception {
        Concern raised = service.raise(raise("child-1", "PLAN_DRIFT"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Concern>> attempts = new ArrayList<>();
            for (String who : Arrays.asList("iro-7", "iro-manager")) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return service.withdraw(raised.id(), raised.version(), "withdrawn by " + who);
                }));
            }
            start.countDown();
            int won = 0;
            int toldSo = 0;
            for (Future<Concern> attempt : attempts) {
                try {
                    attempt.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof ConcurrentChangeException
                            || e.getCause() instanceof InvalidCommandException);
                    toldSo++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, toldSo);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(service.find(raised.id()).orElseThrow().endReason().isEmpty());
    }

    @Test
    public void listingsRefuseNonsense() {
        assertThrows(InvalidCommandException.class, () -> service.openConcerns(0));
        assertThrows(InvalidCommandException.class, () -> service.openConcerns(1001));
        assertThrows(InvalidCommandException.class, () -> service.concernsForChild(" "));
    }

    private int countRows(String table) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
