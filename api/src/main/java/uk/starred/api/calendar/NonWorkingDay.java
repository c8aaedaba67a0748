package uk.starred.api.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A weekday that is not a working day.
 *
 * @param date the day
 * @param name what it is, for example {@code Boxing Day (substitute day)} or {@code Council closure}
 * @param kind why it is not worked
 */
public record NonWorkingDay(LocalDate date, String name, Kind kind) {

    public enum Kind {
        /** A bank holiday in England and Wales, by rule or proclaimed. */
        BANK_HOLIDAY,
        /** A day the council closes, from its configuration. */
        COUNCIL_CLOSURE
    }

    public NonWorkingDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
