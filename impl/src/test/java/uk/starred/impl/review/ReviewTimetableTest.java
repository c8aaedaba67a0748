package uk.starred.impl.review;

import static org.junit.Assert.assertEquals;
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

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.Expect;

/**
 * Seed 002, sections 2 and 11: the initial review within 20 working days of becoming looked after,
 * the second within three months, then six-monthly; the decision record within 5 working days, the
 * Service Delivery Manager's 5 working days to disagree (silence meaning the decisions are agreed),
 * the full record within 15 and its distribution within 20 working days. A late review is a red alert.
 */
@RunWith(Parameterized.class)
public class ReviewTimetableTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public ReviewTimetableTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-01-05T10:00:00Z"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("sw-1", "SOCIAL_WORKER", "C1")
                .role("sdm-1", "SERVICE_DELIVERY_MANAGER", "C1").overseer("qa-1").staff("stranger");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private <T> T as(String staffId, java.util.function.Supplier<T> action) {
        return engine.host.as(staffId, action);
    }



    /** The child's IRO appointed the day the child became looked after, as the unit that appoints records it. */
    private ReviewTimetable appointed(ReviewTimetable t) {
        return as("qa-1", () -> engine.reviews.iroAppointed("C1", t.version(), t.lookedAfterSince()));
    }

    private List<String> alerts() {
        return as("iro-1", () -> engine.alerts.alertsForChild("C1")).stream().map(a -> a.rag() + " " + a.kind()).toList();
    }

    @Test
    public void reviewsAndTheirRecordsFallDueAsSeed002SaysAndSilenceAgreesTheDecisions() {
        // "An initial Looked After Review should be conducted within 20 working days of the child becoming Looked After"
        ReviewTimetable t = appointed(as("sw-1", () -> engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 1, 5))));
        assertEquals(LocalDate.of(2026, 2, 2), t.nextReview().orElseThrow().dueBy());

        // not held by Monday 2 February: late at its end
        assertEquals(0, engine.fireAt("2026-02-02T23:59:59Z"));
        assertEquals(1, engine.fireAt("2026-02-03T00:00:00Z"));
        assertEquals(List.of("iro-1: review 1 late", "sw-1: review 1 late"), engine.told());
        assertEquals(List.of("RED REVIEW_OVERDUE"), alerts());

        engine.clock.set(Instant.parse("2026-02-04T15:00:00Z"));
        long v = t.version();
        t = as("iro-1", () -> engine.reviews.reviewHeld("C1", v, LocalDate.of(2026, 2, 4)));
        Review first = t.review(1).orElseThrow();
        assertEquals("decision record within 5 working days", LocalDate.of(2026, 2, 11), first.decisionRecordDueBy());
        assertEquals("record within 15 working days", LocalDate.of(2026, 2, 25), first.recordDueBy());
        assertEquals("distributed within 20 working days", LocalDate.of(2026, 3, 4), first.distributionDueBy());
        assertEquals("the second within three months", LocalDate.of(2026, 5, 4), t.nextReview().orElseThrow().dueBy());
        assertEquals(List.of(), alerts());

        // the decision record circulated on Tue 10 February: the SDM has 5 working days, to Tue 17 February
        engine.clock.set(Instant.parse("2026-02-10T09:00:00Z"));
        long v2 = t.version();
        t = as("iro-1", () -> engine.reviews.decisionRecordCirculated("C1", v2, 1, LocalDate.of(2026, 2, 10)));
        assertEquals(LocalDate.of(2026, 2, 17), t.review(1).orElseThrow().disagreementWindowEnds());
        assertEquals(List.of("sdm-1: review 1 decisions to consider"), engine.told());
        // "If no response is received the decisions should be considered agreed by the local authority"
        assertEquals(1, engine.fireAt("2026-02-18T00:00:00Z"));
        assertEquals(List.of("iro-1: review 1 decisions agreed", "sdm-1: review 1 decisions agreed"), engine.told());
        t = as("iro-1", () -> engine.reviews.timetable("C1")).orElseThrow();
        assertEquals(DecisionsStatus.AGREED_BY_SILENCE, t.review(1).orElseThrow().decisions());
        long v3 = t.version();
        InvalidCommandException tooLate = Expect.thrown(InvalidCommandException.class,
                () -> as("sdm-1", () -> engine.reviews.disagree("C1", v3, 1, "Decision 2 is not funded")));
        assertTrue(tooLate.getMessage(), tooLate.getMessage().contains("the window to disagree ended on 2026-02-17"));

        // the full record, due by 25 February, is completed late
        assertEquals(1, engine.fireAt("2026-02-26T00:00:00Z"));
        assertEquals(List.of("iro-1: review 1 record overdue"), engine.told());
        assertEquals(List.of("RED REVIEW_RECORD_OVERDUE"), alerts());
        engine.clock.set(Instant.parse("2026-02-27T12:00:00Z"));
        t = as("iro-1", () -> engine.reviews.recordCompleted("C1", v3, 1, LocalDate.of(2026, 2, 27)));
        long v4 = t.version();
        t = as("iro-1", () -> engine.reviews.recordDistributed("C1", v4, 1, LocalDate.of(2026, 2, 27)));
        assertEquals(List.of(), alerts());

        // the second review on 20 April; "subsequent ... not more than six months after any previous review"
        engine.clock.set(Instant.parse("2026-04-20T14:00:00Z"));
        long v5 = t.version();
        t = as("iro-1", () -> engine.reviews.reviewHeld("C1", v5, LocalDate.of(2026, 4, 20)));
        assertEquals(LocalDate.of(2026, 10, 20), t.nextReview().orElseThrow().dueBy());
        // past the second review's old date: held, so not late; but its decision record (due 27 April) is
        assertEquals(1, engine.fireAt("2026-05-05T00:00:00Z"));
        assertEquals(List.of("iro-1: review 2 decision record overdue"), engine.told());
    }

    @Test
    public void aManagerWhoDisagreesInTimeDisputesTheDecisionsAndTheIroIsTold() {
        ReviewTimetable started = appointed(as("iro-1", () -> engine.reviews.lookedAfterFrom("C1",
                LocalDate.of(2026, 1, 5))));
        engine.clock.set(Instant.parse("2026-01-20T15:00:00Z"));
        ReviewTimetable held = as("iro-1", () -> engine.reviews.reviewHeld("C1", started.version(),
                LocalDate.of(2026, 1, 20)));
        ReviewTimetable circulated = as("iro-1", () -> engine.reviews.decisionRecordCirculated("C1", held.version(), 1,
                LocalDate.of(2026, 1, 20)));
        engine.told();
        engine.clock.set(Instant.parse("2026-01-22T09:00:00Z"));
        ReviewTimetable disputed = as("sdm-1", () -> engine.reviews.disagree("C1", circulated.version(), 1,
                "Decision 2: a residential school is not funded"));
        assertEquals(DecisionsStatus.DISPUTED, disputed.review(1).orElseThrow().decisions());
        assertEquals("sdm-1", disputed.review(1).orElseThrow().disputedBy());
        assertEquals(List.of("iro-1: review 1 decisions disputed"), engine.told());
        assertEquals("the window's end no longer fires", 0, engine.fireAt("2026-01-28T00:00:00Z"));
        assertEquals(List.of(), engine.told());
    }

    @Test
    public void wrongInputAndWrongPeopleAreRefusedAndChangeNothing() {
        ReviewTimetable t = as("sw-1", () -> engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 1, 5)));
        InvalidCommandException future = Expect.thrown(InvalidCommandException.class,
                () -> as("iro-1", () -> engine.reviews.reviewHeld("C1", t.version(), LocalDate.of(2026, 1, 6))));
        assertTrue(future.getMessage(), future.getMessage().contains("heldOn: 2026-01-06 is in the future"));
        InvalidCommandException twice = Expect.thrown(InvalidCommandException.class,
                () -> as("sw-1", () -> engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 1, 2))));
        assertTrue(twice.getMessage(), twice.getMessage().contains("has a review timetable already"));
        NotPermittedException socialWorker = Expect.thrown(NotPermittedException.class,
                () -> as("sw-1", () -> engine.reviews.reviewHeld("C1", t.version(), LocalDate.of(2026, 1, 5))));
        assertTrue(socialWorker.getMessage(), socialWorker.getMessage().contains("only the child's IRO"));
        Expect.thrown(ConcurrentChangeException.class,
                () -> as("iro-1", () -> engine.reviews.reviewHeld("C1", t.version() + 1, LocalDate.of(2026, 1, 5))));
        assertEquals("a stranger sees nothing", java.util.Optional.empty(),
                as("stranger", () -> engine.reviews.timetable("C1")));
        assertEquals(t, as("qa-1", () -> engine.reviews.timetable("C1")).orElseThrow());
    }

    @Test
    public void aClosureDayMovesTheTimetableDatesStillAheadAndEverythingIsInTheHistory() {
        ReviewTimetable t = appointed(as("sw-1", () -> engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 1, 5))));
        assertEquals(LocalDate.of(2026, 2, 2), t.nextReview().orElseThrow().dueBy());
        engine.clock.set(Instant.parse("2026-01-12T09:00:00Z"));
        engine.calendar.modified(uk.starred.impl.calendar.CouncilConfigurationTest.configuration(
                new String[] {"2026-01-16 Council closure"}, new String[0], new String[0]));
        assertEquals(1, engine.reviewStore.recomputeDueDates("closure day 16 January added",
                engine.clock.instant()));
        ReviewTimetable moved = as("iro-1", () -> engine.reviews.timetable("C1")).orElseThrow();
        assertEquals("a working day later", LocalDate.of(2026, 2, 3), moved.nextReview().orElseThrow().dueBy());
        assertEquals(List.of("iro-1: review dates moved"), engine.told());
        assertEquals(0, engine.fireAt("2026-02-03T00:00:00Z"));
        assertEquals(1, engine.fireAt("2026-02-04T00:00:00Z"));
        assertEquals(0, engine.reviewStore.recomputeDueDates("again", engine.clock.instant()));

        assertEquals(List.of("lookedAfterFrom by sw-1", "recordIroAppointed by qa-1", "calendarChanged by starred"),
                as("qa-1", () -> engine.reviews.history("C1")).stream().map(h -> h.what() + " by " + h.actor()).toList());
        assertTrue(as("qa-1", () -> engine.reviews.history("C1")).get(2).detail().contains(
                "review 1 is now due by 2026-02-03 (was 2026-02-02)"));
        assertEquals("a stranger reads no history", List.of(), as("stranger", () -> engine.reviews.history("C1")));
    }

    @Test
    public void theIroIsAppointedInFiveWorkingDaysCaseSummariesFollowEverySixMonthsAndTheNextReviewIsSetWithinTheLaw() {
        // "This will trigger the appointment of an IRO within five working days of the child becoming looked after"
        ReviewTimetable t = as("sw-1", () -> engine.reviews.lookedAfterFrom("C1", LocalDate.of(2026, 1, 5)));
        assertEquals(LocalDate.of(2026, 1, 12), t.iroAppointmentDueBy());
        // "practitioners must complete a case summary every six months"
        assertEquals(LocalDate.of(2026, 7, 5), t.nextCaseSummary().orElseThrow().dueBy());
        assertEquals(0, engine.fireAt("2026-01-12T23:59:59Z"));
        assertEquals(1, engine.fireAt("2026-01-13T00:00:00Z"));
        assertEquals(List.of("sdm-1: IRO not yet appointed", "sw-1: IRO not yet appointed"), engine.told());
        assertEquals(List.of("RED REVIEW_PLAN_OVERDUE"), alerts());
        long v = t.version();
        NotPermittedException notTheWorker = Expect.thrown(NotPermittedException.class,
                () -> as("sw-1", () -> engine.reviews.iroAppointed("C1", v, LocalDate.of(2026, 1, 13))));
        assertTrue(notTheWorker.getMessage(), notTheWorker.getMessage().contains("only the child's IRO"));
        t = as("qa-1", () -> engine.reviews.iroAppointed("C1", v, LocalDate.of(2026, 1, 13)));
        assertEquals(LocalDate.of(2026, 1, 13), t.iroAppointedOn());
        assertEquals(List.of(), alerts());

        // the next review set earlier, as an early review; a day beyond its statutory date is refused
        engine.clock.set(Instant.parse("2026-01-14T09:00:00Z"));
        long v2 = t.version();
        InvalidCommandException beyond = Expect.thrown(InvalidCommandException.class, () -> as("iro-1",
                () -> engine.reviews.nextReviewScheduled("C1", v2, LocalDate.of(2026, 2, 3), "Holidays")));
        assertTrue(beyond.getMessage(), beyond.getMessage().contains("a review may be set only within the statutory"
                + " timescales: review 1 is due by 2026-02-02"));
        t = as("iro-1", () -> engine.reviews.nextReviewScheduled("C1", v2, LocalDate.of(2026, 1, 26), null));
        assertEquals(LocalDate.of(2026, 1, 26), t.nextReview().orElseThrow().scheduledFor());
        assertEquals(List.of("sw-1: review 1 date set"), engine.told());
        long v3 = t.version();
        InvalidCommandException noReason = Expect.thrown(InvalidCommandException.class, () -> as("iro-1",
                () -> engine.reviews.nextReviewScheduled("C1", v3, LocalDate.of(2026, 1, 28), null)));
        assertTrue(noReason.getMessage(), noReason.getMessage().contains("reason: is required to rearrange"));
        t = as("iro-1", () -> engine.reviews.nextReviewScheduled("C1", v3, LocalDate.of(2026, 1, 21),
                "The child asked for an early review: a change of placement is proposed"));
        Review next = t.nextReview().orElseThrow();
        assertEquals(LocalDate.of(2026, 1, 21), next.scheduledFor());
        assertEquals("the statutory date stays", LocalDate.of(2026, 2, 2), next.dueBy());
        assertEquals(List.of("sw-1: review 1 date set"), engine.told());

        // a case summary not completed by its date is chased; completing it sets the next six months on
        assertEquals("the case summary, and the review not held", 2, engine.fireAt("2026-07-06T00:00:00Z"));
        assertEquals(List.of("iro-1: case summary 1 overdue", "iro-1: review 1 late", "sw-1: case summary 1 overdue",
                "sw-1: review 1 late"), engine.told());
        long v4 = t.version();
        t = as("sw-1", () -> engine.reviews.caseSummaryCompleted("C1", v4, LocalDate.of(2026, 7, 6)));
        assertTrue(t.caseSummaries().get(0).isCompleted());
        assertEquals(LocalDate.of(2027, 1, 5), t.nextCaseSummary().orElseThrow().dueBy());

        // "A Looked After Review must take place before a decision is taken to cease looking after the child"
        long v5 = t.version();
        InvalidCommandException noReview = Expect.thrown(InvalidCommandException.class, () -> as("sw-1",
                () -> engine.reviews.ceasedLookedAfter("C1", v5, LocalDate.of(2026, 7, 6))));
        assertTrue(noReview.getMessage(), noReview.getMessage().contains("a Looked After Review must take place"
                + " before a decision is taken to cease looking after the child, and none has been held"));
        t = as("sw-1", () -> engine.reviews.ceasedLookedAfter("C1", v5, LocalDate.of(2026, 7, 6), null,
                "Reunified with his mother in line with the Care Plan; the IRO agreed to cancel the review"));
        assertEquals(LocalDate.of(2026, 7, 6), t.ceasedOn());
        assertEquals(null, t.ceasingReview());
        assertTrue(t.nextCaseSummary().isEmpty());
        assertEquals("nothing more falls due", 0, engine.fireAt("2027-02-01T00:00:00Z"));
        assertEquals(t, as("iro-1", () -> engine.reviews.timetable("C1")).orElseThrow());
        List<uk.starred.api.review.HistoryEntry> history = as("qa-1", () -> engine.reviews.history("C1"));
        assertEquals(List.of("lookedAfterFrom", "recordIroAppointed", "scheduleNextReview", "scheduleNextReview",
                "recordCaseSummaryCompleted", "recordCeasingToBeLookedAfter"),
                history.stream().map(uk.starred.api.review.HistoryEntry::what).toList());
        assertTrue(history.get(5).detail(), history.get(5).detail().contains(
                "No review considered it: Reunified with his mother"));
    }
}
