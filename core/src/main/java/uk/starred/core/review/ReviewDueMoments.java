package uk.starred.core.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.Urgency;

/** The due moments a review timetable has as it stands: each at the end of its last day. */
public final class ReviewDueMoments {

    private ReviewDueMoments() {
    }

    public static Map<DueKey, Instant> of(ReviewTimetable t, WorkingCalendar calendar) {
        Map<DueKey, Instant> due = new LinkedHashMap<>();
        if (t.ceasedOn() == null && t.iroAppointedOn() == null && t.iroAppointmentDueBy() != null) {
            put(due, calendar, DeadlineKind.IRO_APPOINTMENT_DUE, 0, t.iroAppointmentDueBy());
        }
        t.nextCaseSummary().ifPresent(c -> put(due, calendar, DeadlineKind.CASE_SUMMARY_DUE, c.number(), c.dueBy()));
        for (Review r : t.reviews()) {
            if (!r.isHeld()) {
                if (t.ceasedOn() == null) {
                    put(due, calendar, DeadlineKind.REVIEW_DUE, r.number(), r.dueBy());
                }
                continue;
            }
            if (r.decisionRecordCirculatedOn() == null) {
                put(due, calendar, DeadlineKind.DECISION_RECORD_DUE, r.number(), r.decisionRecordDueBy());
            } else if (r.decisions() == DecisionsStatus.AWAITED) {
                put(due, calendar, DeadlineKind.DECISIONS_WINDOW_ENDS, r.number(), r.disagreementWindowEnds());
            }
            if (r.recordCompletedOn() == null) {
                put(due, calendar, DeadlineKind.REVIEW_RECORD_DUE, r.number(), r.recordDueBy());
            }
            if (r.distributedOn() == null) {
                put(due, calendar, DeadlineKind.RECORD_DISTRIBUTION_DUE, r.number(), r.distributionDueBy());
            }
        }
        return due;
    }

    private static void put(Map<DueKey, Instant> due, WorkingCalendar calendar, DeadlineKind kind, int n,
            LocalDate last) {
        due.put(new DueKey(kind, n), Urgency.endOf(last, calendar.zone()));
    }
}
