package uk.starred.core.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.review.CaseSummary;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.command.Checks;
import uk.starred.core.concern.Notice;
import uk.starred.core.concern.Openings;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.ReviewWords;

/**
 * The rest of a looked-after child's timetable as seed 002 sets it, beside the reviews and their records:
 * the IRO appointed within 5 working days of becoming looked after; a case summary every 6 months from the
 * start of the plan, alternating with the reviews; the next review set for a day within the statutory
 * timescale (an early review, a rearrangement); and a review before the child ceases to be looked after.
 */
public final class ReviewPlan {

    private ReviewPlan() {
    }

    /** A timetable just started: the initial review, the IRO's appointment and the first case summary due. */
    static ReviewTimetable started(String childId, LocalDate since, LocalDate firstReview, ReviewContext ctx) {
        ReviewTimescales s = ctx.timescales();
        return new ReviewTimetable(childId, since, null, List.of(Reviews.due(1, firstReview)), 0,
                ctx.calendar().addWorkingDays(since, s.iroAppointmentWorkingDays()), null,
                List.of(new CaseSummary(1, since.plusMonths(s.caseSummaryMonths()), null, null)), null, null);
    }

    /** "This will trigger the appointment of an IRO within five working days of the child becoming looked after." */
    public static ReviewTransition iroAppointed(ReviewTimetable t, LocalDate on, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.IRO_APPOINTED;
        command.permit(ctx, t.childId());
        Checks checks = new Checks(command.inWords);
        date(checks, "on", on, ctx);
        if (on != null && on.isBefore(t.lookedAfterSince())) {
            checks.add("on", on + " is before the child became looked after (" + t.lookedAfterSince() + ")");
        }
        if (t.iroAppointedOn() != null) {
            checks.add("on", "the child's IRO was appointed on " + t.iroAppointedOn());
        }
        checks.done();
        return changed(command, t, Timetables.iro(t, t.iroAppointmentDueBy(), on), ReviewWords.iroAppointed(on,
                t.iroAppointmentDueBy()), ctx);
    }

    /** "Practitioners must complete a case summary every six months." The next falls due six months on. */
    public static ReviewTransition caseSummaryCompleted(ReviewTimetable t, LocalDate on, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.CASE_SUMMARY_COMPLETED;
        command.permit(ctx, t.childId());
        Checks checks = new Checks(command.inWords);
        date(checks, "on", on, ctx);
        Optional<CaseSummary> next = t.nextCaseSummary();
        if (next.isEmpty()) {
            checks.add("childId", "child " + t.childId() + " has no case summary due"
                    + (t.ceasedOn() == null ? "" : ": they ceased to be looked after on " + t.ceasedOn()));
        }
        if (on != null && on.isBefore(t.lookedAfterSince())) {
            checks.add("on", on + " is before the child became looked after (" + t.lookedAfterSince() + ")");
        }
        checks.done();
        CaseSummary done = next.get();
        List<CaseSummary> summaries = new ArrayList<>(t.caseSummaries());
        summaries.set(done.number() - 1, new CaseSummary(done.number(), done.dueBy(), on, ctx.actor()));
        LocalDate following = t.lookedAfterSince().plusMonths((long) ctx.timescales().caseSummaryMonths()
                * (done.number() + 1));
        summaries.add(new CaseSummary(done.number() + 1, following, null, null));
        return changed(command, t, Timetables.summaries(t, summaries), ReviewWords.caseSummaryCompleted(done.number(),
                on, following), ctx);
    }

    /**
     * "Review dates cannot be rearranged unless there are exceptional circumstances and then only if the
     * rearranged meeting can take place within statutory timescales"; an early review is set the same way,
     * with the circumstances as the reason. The statutory date stays the review's due date.
     */
    public static ReviewTransition nextReviewScheduled(ReviewTimetable t, LocalDate on, String reason,
            ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.NEXT_REVIEW_SCHEDULED;
        command.permit(ctx, t.childId());
        Checks checks = new Checks(command.inWords);
        Optional<Review> next = t.nextReview();
        if (next.isEmpty()) {
            checks.add("childId", "child " + t.childId() + " has no review to come: they ceased to be looked after on "
                    + t.ceasedOn());
            checks.done();
        }
        Review r = next.get();
        if (on == null) {
            checks.add("on", "is required");
        } else if (on.isBefore(ctx.today())) {
            checks.add("on", on + " has passed (today is " + ctx.today() + ")");
        } else if (on.isAfter(r.dueBy())) {
            checks.add("on", "a review may be set only within the statutory timescales: review " + r.number()
                    + " is due by " + r.dueBy() + ", and " + on + " is after it");
        }
        checks.optional("reason", reason, Checks.TEXT_MAX);
        if (r.scheduledFor() != null && (reason == null || reason.isBlank())) {
            checks.add("reason", "is required to rearrange a review set for " + r.scheduledFor()
                    + ": say what the exceptional circumstances are");
        }
        checks.done();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<Review> reviews = new ArrayList<>(t.reviews());
        reviews.set(r.number() - 1, Reviews.scheduled(r, r.dueBy(), on, why));
        List<String> told = new ArrayList<>(ctx.people().holders(List.of(ctx.timescales().socialWorkerRole())));
        told.remove(ctx.actor());
        List<Notice> notices = told.isEmpty() ? List.of() : List.of(new Notice(told, ConcernWords.subject(t.childId(),
                ReviewWords.scheduledSubject(r.number())), ReviewWords.scheduled(r.number(), on, r.scheduledFor(), why)));
        ReviewTimetable after = Timetables.versioned(Timetables.withReviews(t, reviews, t.ceasedOn()), t.version() + 1);
        return new ReviewTransition(command.name, ctx.actor(), ctx.now(), t, after, true,
                ReviewWords.scheduled(r.number(), on, r.scheduledFor(), why), notices, null);
    }

    /** The child ceased to be looked after, the last review held having considered it. */
    public static ReviewTransition ceasedLookedAfter(ReviewTimetable t, LocalDate on, ReviewContext ctx) {
        return ceasedLookedAfter(t, on, null, null, ctx);
    }

    /**
     * The child ceased to be looked after: a review not held is no longer due, nor any case summary.
     *
     * @param review        the review that considered ceasing to look after the child, or {@code null} for the
     *                      last one held
     * @param withoutReview why no review considered it, where none did
     */
    public static ReviewTransition ceasedLookedAfter(ReviewTimetable t, LocalDate on, Integer review,
            String withoutReview, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.CEASED;
        command.permit(ctx, t.childId());
        Checks checks = new Checks(command.inWords);
        date(checks, "on", on, ctx);
        if (on != null && on.isBefore(t.lookedAfterSince())) {
            checks.add("on", on + " is before the child became looked after (" + t.lookedAfterSince() + ")");
        }
        if (t.ceasedOn() != null) {
            checks.add("on", "child " + t.childId() + " ceased to be looked after on " + t.ceasedOn());
        }
        checks.done();
        List<Review> held = t.reviews().stream().filter(Review::isHeld).toList();
        ReviewTimetable ceased = ceased(t, held, on, review, withoutReview);
        return changed(command, t, ceased, ReviewWords.ceased(on) + " " + ReviewWords.ceasingReview(
                ceased.ceasingReview(), ceased.ceasedWithoutReview()), ctx);
    }

    /**
     * What the disagreement just recorded opened: the review names the concern, and the history says which
     * concern opened under the procedure, or why none did.
     */
    public static ReviewTransition opened(ReviewTransition disputed, int review, Openings.Opened opened,
            String procedureTitle) {
        ReviewTimetable after = disputed.after();
        String words = opened.notOpened();
        if (opened.transition() != null) {
            List<Review> reviews = new ArrayList<>(after.reviews());
            reviews.set(review - 1, Reviews.concernOpened(reviews.get(review - 1),
                    opened.transition().after().id().toString()));
            after = Timetables.withReviews(after, reviews, after.ceasedOn());
            words = ReviewWords.concernOpened(procedureTitle);
        }
        return new ReviewTransition(disputed.command(), disputed.actor(), disputed.at(), disputed.before(), after,
                disputed.changed(), words == null ? disputed.detail() : disputed.detail() + " " + words,
                disputed.notices(), disputed.outcome());
    }

    /**
     * "A Looked After Review must take place before a decision is taken to cease looking after the child":
     * the review that considered it is named (by default the last one held), or why none did is given (the
     * IRO agreed to cancel it, the child was reunified in line with the plan).
     */
    private static ReviewTimetable ceased(ReviewTimetable t, List<Review> held, LocalDate on, Integer review,
            String withoutReview) {
        List<Violation> wrong = new ArrayList<>();
        String why = withoutReview == null || withoutReview.isBlank() ? null : withoutReview.strip();
        Integer considered = review;
        if (why != null && why.length() > Checks.TEXT_MAX) {
            wrong.add(new Violation("withoutReview", "must be at most " + Checks.TEXT_MAX + " characters"));
        }
        if (review != null && held.stream().noneMatch(r -> r.number() == review)) {
            wrong.add(new Violation("review", "there is no review " + review + " held for child " + t.childId()));
        }
        if (considered == null && why == null) {
            considered = held.isEmpty() ? null : held.get(held.size() - 1).number();
            if (considered == null) {
                wrong.add(new Violation("withoutReview", "a Looked After Review must take place before a decision is"
                        + " taken to cease looking after the child, and none has been held: say why none did"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidCommandException(ReviewCommand.CEASED.inWords, wrong);
        }
        return Timetables.ceased(t, held, on, why == null ? considered : null, why);
    }

    /** A calendar change moves the IRO's appointment date, when it is not yet past and not yet done. */
    static ReviewTimetable iroDueMoved(ReviewTimetable t, List<String> changes, ReviewContext ctx) {
        if (t.iroAppointmentDueBy() == null || t.iroAppointedOn() != null
                || t.iroAppointmentDueBy().isBefore(ctx.today())) {
            return t;
        }
        LocalDate now = ctx.calendar().addWorkingDays(t.lookedAfterSince(), ctx.timescales().iroAppointmentWorkingDays());
        if (now.equals(t.iroAppointmentDueBy())) {
            return t;
        }
        changes.add(ReviewWords.moved("the IRO's appointment", now, t.iroAppointmentDueBy()));
        return Timetables.iro(t, now, null);
    }

    /** The IRO's appointment or a case summary has come due undone: those who must act are told. */
    static Optional<ReviewTransition> fire(ReviewTimetable t, DueKey key, ReviewContext ctx) {
        ReviewTimescales s = ctx.timescales();
        if (t.ceasedOn() != null) {
            return Optional.empty();
        }
        List<String> told;
        String subject;
        String body;
        if (key.kind() == DeadlineKind.IRO_APPOINTMENT_DUE) {
            if (t.iroAppointedOn() != null) {
                return Optional.empty();
            }
            told = ctx.people().holders(List.of(s.socialWorkerRole(), s.managerRole()));
            subject = ReviewWords.IRO_NOT_APPOINTED;
            body = ReviewWords.iroNotAppointed(t.iroAppointmentDueBy(), s.iroRole());
        } else {
            Optional<CaseSummary> due = t.caseSummaries().stream().filter(c -> c.number() == key.item()).findFirst();
            if (due.isEmpty() || due.get().isCompleted()) {
                return Optional.empty();
            }
            told = ctx.people().holders(List.of(s.socialWorkerRole(), s.iroRole()));
            subject = ReviewWords.caseSummaryOverdueSubject(key.item());
            body = ReviewWords.caseSummaryOverdue(key.item(), due.get().dueBy());
        }
        List<Notice> notices = told.isEmpty() ? List.of()
                : List.of(new Notice(told, ConcernWords.subject(t.childId(), subject), body));
        return Optional.of(new ReviewTransition("deadline", ctx.actor(), ctx.now(), t, t, false, null, notices,
                subject + ": told " + String.join(", ", told)));
    }

    private static void date(Checks checks, String field, LocalDate on, ReviewContext ctx) {
        if (on == null) {
            checks.add(field, "is required");
        } else if (on.isAfter(ctx.today())) {
            checks.add(field, on + " is in the future (today is " + ctx.today() + ")");
        }
    }

    private static ReviewTransition changed(ReviewCommand command, ReviewTimetable before, ReviewTimetable after,
            String detail, ReviewContext ctx) {
        return new ReviewTransition(command.name, ctx.actor(), ctx.now(), before,
                Timetables.versioned(after, before.version() + 1), true, detail, List.of(), null);
    }
}
