package uk.starred.core.review;

import java.time.LocalDate;
import java.util.List;

import uk.starred.api.review.CaseSummary;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;

/** A timetable as one command changes it: each a copy with the one thing changed, the rest kept. */
final class Timetables {

    private Timetables() {
    }

    static ReviewTimetable withReviews(ReviewTimetable t, List<Review> reviews, LocalDate ceasedOn) {
        return new ReviewTimetable(t.childId(), t.lookedAfterSince(), ceasedOn, reviews, t.version(),
                t.iroAppointmentDueBy(), t.iroAppointedOn(), t.caseSummaries(), t.ceasingReview(),
                t.ceasedWithoutReview());
    }

    static ReviewTimetable versioned(ReviewTimetable t, long version) {
        return new ReviewTimetable(t.childId(), t.lookedAfterSince(), t.ceasedOn(), t.reviews(), version,
                t.iroAppointmentDueBy(), t.iroAppointedOn(), t.caseSummaries(), t.ceasingReview(),
                t.ceasedWithoutReview());
    }

    static ReviewTimetable iro(ReviewTimetable t, LocalDate dueBy, LocalDate appointedOn) {
        return new ReviewTimetable(t.childId(), t.lookedAfterSince(), t.ceasedOn(), t.reviews(), t.version(), dueBy,
                appointedOn, t.caseSummaries(), t.ceasingReview(), t.ceasedWithoutReview());
    }

    static ReviewTimetable summaries(ReviewTimetable t, List<CaseSummary> summaries) {
        return new ReviewTimetable(t.childId(), t.lookedAfterSince(), t.ceasedOn(), t.reviews(), t.version(),
                t.iroAppointmentDueBy(), t.iroAppointedOn(), summaries, t.ceasingReview(), t.ceasedWithoutReview());
    }

    static ReviewTimetable ceased(ReviewTimetable t, List<Review> reviews, LocalDate on, Integer review,
            String withoutReview) {
        return new ReviewTimetable(t.childId(), t.lookedAfterSince(), on, reviews, t.version(), t.iroAppointmentDueBy(),
                t.iroAppointedOn(), t.caseSummaries(), review, withoutReview);
    }
}
