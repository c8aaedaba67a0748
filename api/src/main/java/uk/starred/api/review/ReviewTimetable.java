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
 * @param iroAppointmentDueBy the last day to appoint the child's IRO: five working days from becoming looked
 *                          after (since 1.1)
 * @param iroAppointedOn    when the IRO was appointed, or {@code null} (since 1.1)
 * @param caseSummaries     every case summary, the next one due last, while the child is looked after
 *                          (since 1.1)
 * @param ceasingReview     the review that considered ceasing to look after the child, once ceased, or
 *                          {@code null} (since 1.1)
 * @param ceasedWithoutReview why no review considered it, where none did, or {@code null} (since 1.1)
 */
public record ReviewTimetable(String childId, LocalDate lookedAfterSince, LocalDate ceasedOn, List<Review> reviews,
        long version, LocalDate iroAppointmentDueBy, LocalDate iroAppointedOn, List<CaseSummary> caseSummaries,
        Integer ceasingReview, String ceasedWithoutReview) {

    public ReviewTimetable {
        reviews = List.copyOf(reviews);
        caseSummaries = caseSummaries == null ? List.of() : List.copyOf(caseSummaries);
    }

    /** A timetable as version 1.0 of this package had it. */
    public ReviewTimetable(String childId, LocalDate lookedAfterSince, LocalDate ceasedOn, List<Review> reviews,
            long version) {
        this(childId, lookedAfterSince, ceasedOn, reviews, version, null, null, List.of(), null, null);
    }

    /** @return the case summary not yet completed, while the child is looked after */
    public Optional<CaseSummary> nextCaseSummary() {
        return ceasedOn != null ? Optional.empty()
                : caseSummaries.stream().filter(c -> !c.isCompleted()).findFirst();
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
