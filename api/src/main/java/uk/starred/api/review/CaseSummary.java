package uk.starred.api.review;

import java.time.LocalDate;

/**
 * A case summary of the looked-after child's plan: seed 002's "following the start of the Care Plan,
 * practitioners must complete a case summary every six months", alternating with the reviews every three
 * months. Since 1.1.
 *
 * @param number      1 for the first, six months after the child became looked after, and so on
 * @param dueBy       the last day to complete it
 * @param completedOn when it was completed, or {@code null}
 * @param completedBy the staff id of who recorded it completed, or {@code null}
 */
public record CaseSummary(int number, LocalDate dueBy, LocalDate completedOn, String completedBy) {

    public boolean isCompleted() {
        return completedOn != null;
    }
}
