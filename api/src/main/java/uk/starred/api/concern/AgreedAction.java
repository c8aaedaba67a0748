package uk.starred.api.concern;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action agreed in response to a concern, monitored to its due date.
 *
 * @param number      its number within the concern, from 1
 * @param description what is to be done
 * @param responsible the staff id of who is to do it
 * @param dueBy       the day it is due by (the end of that day, London time)
 * @param completedAt when it was recorded as done, or {@code null}
 * @param completedBy who recorded it, or {@code null}
 * @param note        what was done, or {@code null}
 */
public record AgreedAction(int number, String description, String responsible, LocalDate dueBy,
        Instant completedAt, String completedBy, String note) {

    public boolean isCompleted() {
        return completedAt != null;
    }
}
