package uk.starred.core.alert;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertKind;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.testing.WeekdayCalendar;

/** A review's alerts name the role that chairs reviews as the council's timetable names it, not always the IRO. */
public class ReviewAlertsTest {

    @Test
    public void aLateReviewIsAReasonForTheCouncilsReviewChairToRaiseAConcern() {
        ReviewTimetable t = new ReviewTimetable("C1", LocalDate.of(2026, 1, 5), null, List.of(new Review(1,
                LocalDate.of(2026, 2, 2), null, null, null, null, null, null, null, null, null, null, null)), 0);
        List<Alert> alerts = new ConcernAlerts(new WeekdayCalendar()).of(t, "INDEPENDENT_REVIEWING_CHAIR",
                List.of("chair-1"), WeekdayCalendar.london("2026-02-03T09:00"));
        assertEquals(1, alerts.size());
        assertEquals(AlertKind.REVIEW_OVERDUE, alerts.get(0).kind());
        assertEquals(List.of("chair-1"), alerts.get(0).mustAct());
        assertTrue(alerts.get(0).detail(), alerts.get(0).detail().endsWith("a review late is a reason for the"
                + " Independent Reviewing Chair to raise a concern."));
    }
}
