package uk.starred.core.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;

import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.core.command.Checks;

/** A review as one command changes it: each a copy with the one thing recorded. */
final class Reviews {

    private Reviews() {
    }

    /**
     * @return the professionals who attended a review, each a member of staff the host knows, given once
     * @throws InvalidCommandException naming every one that is not
     */
    static List<String> attendees(List<String> given, ReviewContext ctx) {
        List<String> attended = given == null ? List.of() : given;
        Set<String> once = new LinkedHashSet<>();
        List<Violation> wrong = new ArrayList<>();
        for (int i = 0; i < attended.size(); i++) {
            String who = attended.get(i);
            String field = "attendees[" + i + "]";
            if (who == null || who.isBlank()) {
                wrong.add(new Violation(field, "is blank"));
            } else if (who.length() > Checks.ID_MAX) {
                wrong.add(new Violation(field, "must be at most " + Checks.ID_MAX + " characters"));
            } else if (!ctx.people().knows(who)) {
                wrong.add(new Violation(field, "the host knows no member of staff '" + who + "'"));
            } else if (!once.add(who)) {
                wrong.add(new Violation(field, "'" + who + "' is given more than once"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidCommandException(ReviewCommand.REVIEW_HELD.inWords, wrong);
        }
        return List.copyOf(once);
    }

    static Review due(int number, LocalDate dueBy) {
        return new Review(number, dueBy, null, null, null, null, DecisionsStatus.AWAITED, null, null, null, null, null,
                null);
    }

    static Review circulated(Review r, LocalDate on, LocalDate windowEnds) {
        return new Review(r.number(), r.dueBy(), r.heldOn(), r.decisionRecordDueBy(), on, windowEnds, r.decisions(),
                r.disputedBy(), r.disputeReasons(), r.recordDueBy(), r.recordCompletedOn(), r.distributionDueBy(),
                r.distributedOn(), r.attendees(), r.concernOpened(), r.scheduledFor(), r.scheduleReason());
    }

    static Review decided(Review r, DecisionsStatus decisions, String by, String reasons) {
        return new Review(r.number(), r.dueBy(), r.heldOn(), r.decisionRecordDueBy(), r.decisionRecordCirculatedOn(),
                r.disagreementWindowEnds(), decisions, by, reasons, r.recordDueBy(), r.recordCompletedOn(),
                r.distributionDueBy(), r.distributedOn(), r.attendees(), r.concernOpened(), r.scheduledFor(), r.scheduleReason());
    }

    static Review completed(Review r, LocalDate on) {
        return new Review(r.number(), r.dueBy(), r.heldOn(), r.decisionRecordDueBy(), r.decisionRecordCirculatedOn(),
                r.disagreementWindowEnds(), r.decisions(), r.disputedBy(), r.disputeReasons(), r.recordDueBy(), on,
                r.distributionDueBy(), r.distributedOn(), r.attendees(), r.concernOpened(), r.scheduledFor(), r.scheduleReason());
    }

    static Review distributed(Review r, LocalDate on) {
        return new Review(r.number(), r.dueBy(), r.heldOn(), r.decisionRecordDueBy(), r.decisionRecordCirculatedOn(),
                r.disagreementWindowEnds(), r.decisions(), r.disputedBy(), r.disputeReasons(), r.recordDueBy(),
                r.recordCompletedOn(), r.distributionDueBy(), on, r.attendees(), r.concernOpened(), r.scheduledFor(), r.scheduleReason());
    }

    /** A review not yet held, set by the IRO for a day on or before its statutory date. */
    static Review scheduled(Review r, LocalDate dueBy, LocalDate on, String reason) {
        return new Review(r.number(), dueBy, null, null, null, null, DecisionsStatus.AWAITED, null, null, null, null,
                null, null, java.util.List.of(), null, on, reason);
    }

    static Review concernOpened(Review r, String concernId) {
        return new Review(r.number(), r.dueBy(), r.heldOn(), r.decisionRecordDueBy(), r.decisionRecordCirculatedOn(),
                r.disagreementWindowEnds(), r.decisions(), r.disputedBy(), r.disputeReasons(), r.recordDueBy(),
                r.recordCompletedOn(), r.distributionDueBy(), r.distributedOn(), r.attendees(), concernId, r.scheduledFor(),
                r.scheduleReason());
    }
}
