package uk.starred.impl.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.OpeningEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.Notice;
import uk.starred.core.concern.Openings;
import uk.starred.core.concern.Transition;
import uk.starred.core.review.ReviewContext;
import uk.starred.core.review.ReviewPlan;
import uk.starred.core.review.ReviewTimescales;
import uk.starred.core.review.ReviewTimetableLifecycle;
import uk.starred.core.review.ReviewTransition;
import uk.starred.impl.access.Access;

/**
 * The core's review timetable rules with nothing under them, for {@link CoreSystem}: each command applied by
 * {@link ReviewTimetableLifecycle} to timetables kept in memory, a disputed review opening its concern
 * by {@link Openings} as the stored engine does. Its due moments are not kept: scenarios on the core
 * fire only concerns' moments.
 */
final class CoreReviews implements ReviewService {

    /** What the system keeps for the timetables: the clock, the procedures, and where transitions go. */
    interface Keeper {
        Instant now();

        /** @return the procedure selected for a child of these legal statuses, as the catalogue selects it */
        Optional<Procedure> selectedFor(java.util.Set<uk.starred.api.procedure.Cohort> cohorts);

        Optional<ChildRecord> child(String childId);

        /** Keeps a concern's transition, as the system keeps one raised. */
        void keep(Transition t);

        /** Queues the notices for delivery. */
        void tell(String childId, List<Notice> notices);
    }

    private final Access access;
    private final WorkingCalendar calendar;
    private final ReviewTimescales timescales;
    private final Keeper keeper;
    private final Map<String, ReviewTimetable> timetables = new LinkedHashMap<>();
    private final Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();

    CoreReviews(Access access, WorkingCalendar calendar, Keeper keeper) {
        this.access = access;
        this.calendar = calendar;
        var c = ReviewTimetables.seed002();
        this.timescales = new ReviewTimescales(c.firstReviewWorkingDays(), c.secondReviewMonths(),
                c.laterReviewMonths(), c.decisionRecordWorkingDays(), c.disagreementWorkingDays(), c.recordWorkingDays(),
                c.distributionWorkingDays(), c.iroRole(), c.socialWorkerRole(), c.managerRole(),
                c.iroAppointmentWorkingDays(), c.caseSummaryMonths());
        this.keeper = keeper;
    }

    private ReviewContext context(String childId) {
        return new ReviewContext(access.caller(), keeper.now(), access.people(childId), calendar, timescales);
    }

    private boolean sees(String childId) {
        String actor = access.caller();
        return access.hasOversight(actor) || !access.roles(actor, childId).isEmpty();
    }

    @Override
    public Optional<ReviewTimetable> timetable(String childId) {
        return sees(childId) ? Optional.ofNullable(timetables.get(childId)) : Optional.empty();
    }

    @Override
    public List<HistoryEntry> history(String childId) {
        return sees(childId) ? List.copyOf(histories.getOrDefault(childId, List.of())) : List.of();
    }

    @Override
    public ReviewTimetable lookedAfterFrom(String childId, LocalDate since) {
        return keep(ReviewTimetableLifecycle.lookedAfterFrom(childId, since, timetables.get(childId),
                context(childId)));
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn) {
        return reviewHeld(childId, expectedVersion, heldOn, List.of());
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn, List<String> attendees) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewTimetableLifecycle.reviewHeld(t, heldOn, attendees,
                ctx), Function.identity());
    }

    @Override
    public ReviewTimetable decisionRecordCirculated(String childId, long expectedVersion, int review, LocalDate on) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewTimetableLifecycle.decisionRecordCirculated(t,
                review, on, ctx), Function.identity());
    }

    @Override
    public ReviewTimetable disagree(String childId, long expectedVersion, int review, String reasons) {
        Optional<ChildRecord> child = keeper.child(childId);
        Optional<Procedure> procedure = child.flatMap(c -> keeper.selectedFor(c.cohorts()))
                .filter(p -> p.openedOn(OpeningEvent.REVIEW_DECISIONS_DISPUTED).isPresent());
        return command(childId, expectedVersion, (t, ctx) -> ReviewTimetableLifecycle.disagree(t, review, reasons, ctx),
                disputed -> {
                    if (procedure.isEmpty()) {
                        return disputed;
                    }
                    Review r = disputed.after().reviews().get(review - 1);
                    Openings.Opened opened = Openings.reviewDecisionsDisputed(ConcernId.random(), childId, r,
                            r.disputeReasons(), timescales.iroRole(), new CommandContext(disputed.actor(),
                                    disputed.at(), procedure.get(), access.people(childId), calendar));
                    if (opened.transition() != null) {
                        keeper.keep(opened.transition());
                    }
                    return ReviewPlan.opened(disputed, review, opened, procedure.get().title());
                });
    }

    @Override
    public ReviewTimetable recordCompleted(String childId, long expectedVersion, int review, LocalDate on) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewTimetableLifecycle.recordCompleted(t, review, on,
                ctx), Function.identity());
    }

    @Override
    public ReviewTimetable recordDistributed(String childId, long expectedVersion, int review, LocalDate on) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewTimetableLifecycle.recordDistributed(t, review, on,
                ctx), Function.identity());
    }

    @Override
    public ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on) {
        return ceasedLookedAfter(childId, expectedVersion, on, null, null);
    }

    @Override
    public ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on, Integer review,
            String withoutReview) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewPlan.ceasedLookedAfter(t, on, review,
                withoutReview, ctx), Function.identity());
    }

    @Override
    public ReviewTimetable iroAppointed(String childId, long expectedVersion, LocalDate on) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewPlan.iroAppointed(t, on, ctx), Function.identity());
    }

    @Override
    public ReviewTimetable caseSummaryCompleted(String childId, long expectedVersion, LocalDate on) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewPlan.caseSummaryCompleted(t, on, ctx),
                Function.identity());
    }

    @Override
    public ReviewTimetable nextReviewScheduled(String childId, long expectedVersion, LocalDate on, String reason) {
        return command(childId, expectedVersion, (t, ctx) -> ReviewPlan.nextReviewScheduled(t, on, reason, ctx),
                Function.identity());
    }

    private ReviewTimetable command(String childId, long expectedVersion,
            BiFunction<ReviewTimetable, ReviewContext, ReviewTransition> rule,
            Function<ReviewTransition, ReviewTransition> then) {
        ReviewContext ctx = context(childId);
        ReviewTimetable t = timetables.get(childId);
        if (t == null) {
            throw new NotFoundException("child " + childId + " has no review timetable");
        }
        if (t.version() != expectedVersion) {
            throw new ConcurrentChangeException("child " + childId + "'s review timetable was changed after you read"
                    + " it");
        }
        return keep(then.apply(rule.apply(t, ctx)));
    }

    private ReviewTimetable keep(ReviewTransition t) {
        String childId = t.after().childId();
        if (t.changed()) {
            timetables.put(childId, t.after());
            List<HistoryEntry> history = histories.computeIfAbsent(childId, k -> new ArrayList<>());
            history.add(new HistoryEntry(history.size() + 1, t.at(), t.actor(), t.command(), t.detail()));
        }
        keeper.tell(childId, t.notices());
        return t.after();
    }
}
