package uk.starred.api.review;

import java.time.LocalDate;
import java.util.List;

/**
 * One looked-after review and the records that follow it. Dates are the last day allowed.
 *
 * @param number                    1 for the initial review, 2 for the second, and so on
 * @param dueBy                     the last day it may be held on
 * @param heldOn                    the day it was held, or {@code null}
 * @param decisionRecordDueBy       the last day to circulate the decision record, once held
 * @param decisionRecordCirculatedOn when the decision record was circulated, or {@code null}
 * @param disagreementWindowEnds    the managers' last day to disagree, once the record is circulated
 * @param decisions                 where the decisions stand
 * @param disputedBy                the manager who disagreed, or {@code null}
 * @param disputeReasons            why, in their words, or {@code null}
 * @param recordDueBy               the last day to complete the full record, once held
 * @param recordCompletedOn         when the record was completed, or {@code null}
 * @param distributionDueBy         the last day to distribute the record, once held
 * @param distributedOn             when it was distributed, or {@code null}
 * @param attendees                 the staff ids of the professionals who attended, as the IRO recorded them
 *                                  (since 1.1); they are told when a manager disagrees with the decisions
 * @param concernOpened             the id of the concern the managers' disagreement opened under the child's
 *                                  procedure, or {@code null} (since 1.1)
 * @param scheduledFor              the day the IRO set for it, if not yet held: on or before {@code dueBy}
 *                                  (since 1.1)
 * @param scheduleReason            why it was set for that day (an early review, a rearrangement), or
 *                                  {@code null} (since 1.1)
 */
public record Review(int number, LocalDate dueBy, LocalDate heldOn, LocalDate decisionRecordDueBy,
        LocalDate decisionRecordCirculatedOn, LocalDate disagreementWindowEnds, DecisionsStatus decisions,
        String disputedBy, String disputeReasons, LocalDate recordDueBy, LocalDate recordCompletedOn,
        LocalDate distributionDueBy, LocalDate distributedOn, List<String> attendees, String concernOpened,
        LocalDate scheduledFor, String scheduleReason) {

    public Review {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** A review as version 1.0 of this package had it: no attendees recorded, no concern opened. */
    public Review(int number, LocalDate dueBy, LocalDate heldOn, LocalDate decisionRecordDueBy,
            LocalDate decisionRecordCirculatedOn, LocalDate disagreementWindowEnds, DecisionsStatus decisions,
            String disputedBy, String disputeReasons, LocalDate recordDueBy, LocalDate recordCompletedOn,
            LocalDate distributionDueBy, LocalDate distributedOn) {
        this(number, dueBy, heldOn, decisionRecordDueBy, decisionRecordCirculatedOn, disagreementWindowEnds, decisions,
                disputedBy, disputeReasons, recordDueBy, recordCompletedOn, distributionDueBy, distributedOn, List.of(),
                null, null, null);
    }

    public boolean isHeld() {
        return heldOn != null;
    }
}
