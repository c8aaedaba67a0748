package uk.starred.core.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.command.Checks;
import uk.starred.core.concern.Notice;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.ReviewWords;

/**
 * A looked-after child's review timetable as rules (seed 002): the timetable as it stands and a
 * command in, a {@link ReviewTransition} out. A refused command throws the API's exception naming the
 * field, and changes nothing.
 */
public final class ReviewTimetableLifecycle {

    /** Who acts when a due moment fires. */
    public static final String DEADLINE_ACTOR = "starred";

    private ReviewTimetableLifecycle() {
    }

    /**
     * Starts the child's timetable: the initial review falls due the set number of working days after
     * the child became looked after.
     *
     * @param existing the child's timetable if it has one already, which refuses the command
     */
    public static ReviewTransition lookedAfterFrom(String childId, LocalDate since, ReviewTimetable existing,
            ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.LOOKED_AFTER_FROM;
        required(command, "childId", childId);
        command.permit(ctx, childId);
        notAfterToday(command, "since", since, ctx);
        if (existing != null) {
            reject(command, "childId", "child " + childId + " has a review timetable already, looked after since "
                    + existing.lookedAfterSince() + (existing.ceasedOn() == null ? "" : " until " + existing.ceasedOn()));
        }
        LocalDate first = ctx.calendar().addWorkingDays(since, ctx.timescales().firstReviewWorkingDays());
        ReviewTimetable started = ReviewPlan.started(childId, since, first, ctx);
        return new ReviewTransition(command.name, ctx.actor(), ctx.now(), null, started, true,
                ReviewWords.lookedAfter(since, first), List.of(), null);
    }

    public static ReviewTransition reviewHeld(ReviewTimetable t, LocalDate heldOn, ReviewContext ctx) {
        return reviewHeld(t, heldOn, List.of(), ctx);
    }

    /** @param attendees the staff ids of the professionals who attended, each once */
    public static ReviewTransition reviewHeld(ReviewTimetable t, LocalDate heldOn, List<String> attendees,
            ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.REVIEW_HELD;
        command.permit(ctx, t.childId());
        notAfterToday(command, "heldOn", heldOn, ctx);
        List<String> attended = Reviews.attendees(attendees, ctx);
        Review next = t.nextReview().orElseThrow(() -> new IllegalStateException(
                "a looked-after child always has a review due"));
        int index = next.number() - 1;
        LocalDate earliest = index == 0 ? t.lookedAfterSince() : t.reviews().get(index - 1).heldOn();
        if (heldOn.isBefore(earliest)) {
            reject(command, "heldOn", heldOn + " is before " + (index == 0 ? "the child became looked after"
                    : "review " + index + " was held") + " (" + earliest + ")");
        }
        ReviewTimescales s = ctx.timescales();
        LocalDate decisionRecordDue = ctx.calendar().addWorkingDays(heldOn, s.decisionRecordWorkingDays());
        LocalDate recordDue = ctx.calendar().addWorkingDays(heldOn, s.recordWorkingDays());
        LocalDate distributionDue = ctx.calendar().addWorkingDays(heldOn, s.distributionWorkingDays());
        Review held = new Review(next.number(), next.dueBy(), heldOn, decisionRecordDue, null, null,
                DecisionsStatus.AWAITED, null, null, recordDue, null, distributionDue, null, attended, null,
                next.scheduledFor(), next.scheduleReason());
        LocalDate nextDue = heldOn.plusMonths(index == 0 ? s.secondReviewMonths() : s.laterReviewMonths());
        List<Review> reviews = new ArrayList<>(t.reviews());
        reviews.set(index, held);
        reviews.add(Reviews.due(next.number() + 1, nextDue));
        return changed(command, t, with(t, reviews, t.ceasedOn()), ReviewWords.held(next.number(), heldOn,
                decisionRecordDue, recordDue, distributionDue, nextDue), List.of(), ctx);
    }

    public static ReviewTransition decisionRecordCirculated(ReviewTimetable t, int review, LocalDate on,
            ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.DECISION_RECORD_CIRCULATED;
        command.permit(ctx, t.childId());
        Review r = held(command, t, review);
        notAfterToday(command, "on", on, ctx);
        notBefore(command, "on", on, r.heldOn(), "the review was held");
        if (r.decisionRecordCirculatedOn() != null) {
            reject(command, "review", "review " + review + "'s decision record was circulated on "
                    + r.decisionRecordCirculatedOn());
        }
        LocalDate windowEnds = ctx.calendar().addWorkingDays(on, ctx.timescales().disagreementWorkingDays());
        Review circulated = Reviews.circulated(r, on, windowEnds);
        List<Notice> notices = tell(t, ctx.people().holders(List.of(ctx.timescales().managerRole())),
                ReviewWords.toConsiderSubject(review), ReviewWords.toConsider(review, windowEnds,
                        ctx.timescales().iroRole()));
        return changed(command, t, replaced(t, circulated), ReviewWords.circulated(review, on, windowEnds), notices,
                ctx);
    }

    public static ReviewTransition disagree(ReviewTimetable t, int review, String reasons, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.DISAGREE;
        command.permit(ctx, t.childId());
        Review r = held(command, t, review);
        if (reasons == null || reasons.isBlank()) {
            reject(command, "reasons", "are required: say which decisions and why");
        }
        if (reasons.length() > Checks.TEXT_MAX) {
            reject(command, "reasons", "must be at most " + Checks.TEXT_MAX + " characters, was " + reasons.length());
        }
        if (r.decisionRecordCirculatedOn() == null) {
            reject(command, "review", "review " + review + "'s decision record is not circulated yet");
        }
        if (r.decisions() != DecisionsStatus.AWAITED) {
            reject(command, "review", "review " + review + "'s decisions are " + r.decisions()
                    + (r.decisions() == DecisionsStatus.AGREED_BY_SILENCE
                            ? ": the window to disagree ended on " + r.disagreementWindowEnds() : ""));
        }
        if (ctx.today().isAfter(r.disagreementWindowEnds())) {
            // "If no response is received the decisions should be considered agreed by the local authority"
            reject(command, "review", "the window to disagree with review " + review + "'s decisions ended on "
                    + r.disagreementWindowEnds() + ": they are agreed");
        }
        String why = reasons.strip();
        Review disputed = Reviews.decided(r, DecisionsStatus.DISPUTED, ctx.actor(), why);
        // "advise the IRO and all those who attended the review if they are unable to agree them"
        List<String> told = new ArrayList<>(both(ctx.people().holders(List.of(ctx.timescales().iroRole())),
                r.attendees()));
        told.remove(ctx.actor());
        List<Notice> notices = tell(t, told, ReviewWords.disputedSubject(review),
                ReviewWords.disputedNotice(ctx.people().nameOf(ctx.actor()), review, why));
        return changed(command, t, replaced(t, disputed), ReviewWords.disputed(review, ctx.people().nameOf(ctx.actor()),
                why), notices, ctx);
    }

    public static ReviewTransition recordCompleted(ReviewTimetable t, int review, LocalDate on, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.RECORD_COMPLETED;
        command.permit(ctx, t.childId());
        Review r = held(command, t, review);
        notAfterToday(command, "on", on, ctx);
        notBefore(command, "on", on, r.heldOn(), "the review was held");
        if (r.recordCompletedOn() != null) {
            reject(command, "review", "review " + review + "'s record was completed on " + r.recordCompletedOn());
        }
        Review completed = Reviews.completed(r, on);
        return changed(command, t, replaced(t, completed), ReviewWords.completed(review, on), List.of(), ctx);
    }

    public static ReviewTransition recordDistributed(ReviewTimetable t, int review, LocalDate on, ReviewContext ctx) {
        ReviewCommand command = ReviewCommand.RECORD_DISTRIBUTED;
        command.permit(ctx, t.childId());
        Review r = held(command, t, review);
        notAfterToday(command, "on", on, ctx);
        if (r.recordCompletedOn() == null) {
            reject(command, "review", "review " + review + "'s record is not completed yet");
        }
        notBefore(command, "on", on, r.recordCompletedOn(), "the record was completed");
        if (r.distributedOn() != null) {
            reject(command, "review", "review " + review + "'s record was distributed on " + r.distributedOn());
        }
        Review distributed = Reviews.distributed(r, on);
        return changed(command, t, replaced(t, distributed), ReviewWords.distributed(review, on), List.of(), ctx);
    }

    /**
     * One of the timetable's due moments has come: those who must act are told; when the managers'
     * window ends in silence, the decisions are agreed.
     *
     * @return what it does, or empty when what it waited for has happened
     */
    public static Optional<ReviewTransition> fire(ReviewTimetable t, DueKey key, ReviewContext ctx) {
        if (key.kind() == DeadlineKind.IRO_APPOINTMENT_DUE || key.kind() == DeadlineKind.CASE_SUMMARY_DUE) {
            return ReviewPlan.fire(t, key, ctx);
        }
        int n = key.item();
        Optional<Review> found = t.review(n);
        if (found.isEmpty() || key.kind() == DeadlineKind.REVIEW_DUE && t.ceasedOn() != null) {
            return Optional.empty();
        }
        Review r = found.get();
        List<String> iro = ctx.people().holders(List.of(ctx.timescales().iroRole()));
        String actor = ctx.actor();
        switch (key.kind()) {
            case REVIEW_DUE -> {
                if (r.isHeld()) {
                    return Optional.empty();
                }
                List<String> told = both(iro, ctx.people().holders(List.of(ctx.timescales().socialWorkerRole())));
                return told(t, ctx, told, ReviewWords.lateSubject(n), ReviewWords.late(n, r.dueBy()),
                        "review " + n + " late: told ");
            }
            case DECISION_RECORD_DUE -> {
                if (!r.isHeld() || r.decisionRecordCirculatedOn() != null) {
                    return Optional.empty();
                }
                return told(t, ctx, iro, ReviewWords.decisionRecordOverdueSubject(n),
                        ReviewWords.decisionRecordOverdue(n, r.decisionRecordDueBy()), "decision record overdue: told ");
            }
            case DECISIONS_WINDOW_ENDS -> {
                if (r.decisions() != DecisionsStatus.AWAITED || r.decisionRecordCirculatedOn() == null) {
                    return Optional.empty();
                }
                List<String> told = both(iro, ctx.people().holders(List.of(ctx.timescales().managerRole())));
                ReviewTimetable after = replaced(t, Reviews.decided(r, DecisionsStatus.AGREED_BY_SILENCE, r.disputedBy(),
                        r.disputeReasons()));
                after = Timetables.versioned(after, t.version() + 1);
                return Optional.of(new ReviewTransition("decisionsAgreedBySilence", actor, ctx.now(), t, after, true,
                        ReviewWords.agreedBySilence(n, r.disagreementWindowEnds()), tell(t, told,
                                ReviewWords.agreedBySilenceSubject(n),
                                ReviewWords.agreedBySilenceNotice(n, r.disagreementWindowEnds())),
                        "decisions agreed by silence: told " + String.join(", ", told)));
            }
            case REVIEW_RECORD_DUE -> {
                if (!r.isHeld() || r.recordCompletedOn() != null) {
                    return Optional.empty();
                }
                return told(t, ctx, iro, ReviewWords.recordOverdueSubject(n), ReviewWords.recordOverdue(n,
                        r.recordDueBy()), "record overdue: told ");
            }
            case RECORD_DISTRIBUTION_DUE -> {
                if (!r.isHeld() || r.distributedOn() != null) {
                    return Optional.empty();
                }
                return told(t, ctx, iro, ReviewWords.notDistributedSubject(n), ReviewWords.notDistributed(n,
                        r.distributionDueBy()), "distribution overdue: told ");
            }
            default -> throw new IllegalArgumentException("not a review timetable moment: " + key.kind());
        }
    }

    /**
     * The working calendar changed: the dates counted in working days that are not yet past move to
     * where the calendar now puts them.
     *
     * @return the change, with the IRO told, or empty when nothing moved
     */
    public static Optional<ReviewTransition> recompute(ReviewTimetable t, String why, ReviewContext ctx) {
        if (t.ceasedOn() != null) {
            return Optional.empty();
        }
        LocalDate today = ctx.today();
        ReviewTimescales s = ctx.timescales();
        List<String> changes = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        for (Review r : t.reviews()) {
            int n = r.number();
            LocalDate dueBy = r.dueBy();
            if (n == 1 && !r.isHeld()) {
                dueBy = moved(changes, "review 1", dueBy, ctx.calendar().addWorkingDays(t.lookedAfterSince(),
                        s.firstReviewWorkingDays()), today);
            }
            if (!r.isHeld()) {
                reviews.add(Reviews.scheduled(r, dueBy, r.scheduledFor(), r.scheduleReason()));
                continue;
            }
            LocalDate decisionRecordDue = r.decisionRecordDueBy();
            LocalDate windowEnds = r.disagreementWindowEnds();
            if (r.decisionRecordCirculatedOn() == null) {
                decisionRecordDue = moved(changes, "review " + n + "'s decision record", decisionRecordDue,
                        ctx.calendar().addWorkingDays(r.heldOn(), s.decisionRecordWorkingDays()), today);
            } else if (r.decisions() == DecisionsStatus.AWAITED) {
                windowEnds = moved(changes, "review " + n + "'s managers' window", windowEnds,
                        ctx.calendar().addWorkingDays(r.decisionRecordCirculatedOn(), s.disagreementWorkingDays()),
                        today);
            }
            LocalDate recordDue = r.recordCompletedOn() != null ? r.recordDueBy() : moved(changes, "review " + n
                    + "'s record", r.recordDueBy(), ctx.calendar().addWorkingDays(r.heldOn(), s.recordWorkingDays()),
                    today);
            LocalDate distributionDue = r.distributedOn() != null ? r.distributionDueBy() : moved(changes, "review "
                    + n + "'s distribution", r.distributionDueBy(), ctx.calendar().addWorkingDays(r.heldOn(),
                            s.distributionWorkingDays()), today);
            reviews.add(new Review(n, dueBy, r.heldOn(), decisionRecordDue, r.decisionRecordCirculatedOn(), windowEnds,
                    r.decisions(), r.disputedBy(), r.disputeReasons(), recordDue, r.recordCompletedOn(),
                    distributionDue, r.distributedOn(), r.attendees(), r.concernOpened(), r.scheduledFor(),
                    r.scheduleReason()));
        }
        ReviewTimetable moved = ReviewPlan.iroDueMoved(Timetables.withReviews(t, reviews, t.ceasedOn()), changes, ctx);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String detail = ReviewWords.calendarChanged(why, changes);
        ReviewTimetable after = Timetables.versioned(moved, t.version() + 1);
        return Optional.of(new ReviewTransition("calendarChanged", ctx.actor(), ctx.now(), t, after, true, detail,
                tell(t, ctx.people().holders(List.of(s.iroRole())), ReviewWords.DATES_MOVED, detail), null));
    }

    // ---------------------------------------------------------------- helpers

    /** @return the date now due: the new one when the old is not yet past and differs, noted in {@code changes} */
    private static LocalDate moved(List<String> changes, String what, LocalDate old, LocalDate now, LocalDate today) {
        if (old == null || old.isBefore(today) || old.equals(now)) {
            return old;
        }
        changes.add(ReviewWords.moved(what, now, old));
        return now;
    }

    private static Optional<ReviewTransition> told(ReviewTimetable t, ReviewContext ctx, List<String> to,
            String subject, String body, String outcome) {
        return Optional.of(new ReviewTransition("deadline", ctx.actor(), ctx.now(), t, t, false, null,
                tell(t, to, subject, body), outcome + String.join(", ", to)));
    }

    private static ReviewTransition changed(ReviewCommand command, ReviewTimetable before, ReviewTimetable after,
            String detail, List<Notice> notices, ReviewContext ctx) {
        ReviewTimetable next = Timetables.versioned(after, before.version() + 1);
        return new ReviewTransition(command.name, ctx.actor(), ctx.now(), before, next, true, detail, notices, null);
    }

    private static List<Notice> tell(ReviewTimetable t, List<String> to, String what, String body) {
        Set<String> recipients = new LinkedHashSet<>(to);
        recipients.removeIf(r -> r == null || r.isBlank());
        return recipients.isEmpty() ? List.of()
                : List.of(new Notice(List.copyOf(recipients), ConcernWords.subject(t.childId(), what), body));
    }


    private static ReviewTimetable replaced(ReviewTimetable t, Review review) {
        List<Review> reviews = new ArrayList<>(t.reviews());
        reviews.set(review.number() - 1, review);
        return with(t, reviews, t.ceasedOn());
    }

    private static ReviewTimetable with(ReviewTimetable t, List<Review> reviews, LocalDate ceasedOn) {
        return Timetables.withReviews(t, reviews, ceasedOn);
    }

    private static List<String> both(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static Review held(ReviewCommand command, ReviewTimetable t, int review) {
        if (review < 1 || review > t.reviews().size() || !t.reviews().get(review - 1).isHeld()) {
            reject(command, "review", "there is no review " + review + " held for child " + t.childId());
        }
        return t.reviews().get(review - 1);
    }

    private static void notAfterToday(ReviewCommand command, String field, LocalDate date, ReviewContext ctx) {
        if (date == null) {
            reject(command, field, "is required");
        }
        if (date.isAfter(ctx.today())) {
            reject(command, field, date + " is in the future (today is " + ctx.today() + ")");
        }
    }

    private static void notBefore(ReviewCommand command, String field, LocalDate date, LocalDate earliest,
            String because) {
        if (date.isBefore(earliest)) {
            reject(command, field, date + " is before " + because + " (" + earliest + ")");
        }
    }

    /** @throws InvalidCommandException when the value is missing */
    public static void required(ReviewCommand command, String field, String value) {
        if (value == null || value.isBlank()) {
            reject(command, field, "is required");
        }
    }

    private static void reject(ReviewCommand command, String field, String message) {
        throw new InvalidCommandException(command.inWords, List.of(new Violation(field, message)));
    }
}
