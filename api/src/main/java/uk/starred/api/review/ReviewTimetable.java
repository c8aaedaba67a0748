package uk.starred.api.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A looked-after child's reviews: those held and the one next due.
 *
 * @param childId           the child's id in the host
 * @param lookedAfterSince  the day the child became looked after
 * @param ceasedOn          the day they ceased to be looked after, or {@code null}
 * @param reviews           every review, the next one due last
 * @param version           for optimistic locking: the version the caller read
 */
public record ReviewTimetable(String childId, LocalDate lookedAfterSince, LocalDate ceasedOn, List<Review> reviews,
        long version) {

    public ReviewTimetable {
        reviews = List.copyOf(reviews);
    }

    /** @return the review not yet held, while the child is looked after */
    public Optional<Review> nextReview() {
        return ceasedOn != null ? Optional.empty() : reviews.stream().filter(r -> !r.isHeld()).findFirst();
    }

    /** @return the review with the number */
    public Optional<Review> review(int number) {
        return reviews.stream().filter(r -> r.number() == number).findFirst();
    }
}
