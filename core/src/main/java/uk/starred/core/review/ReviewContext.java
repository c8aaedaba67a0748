package uk.starred.core.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.core.concern.People;

/**
 * What a review timetable command is applied in.
 *
 * @param actor      the staff id of who acts, or the engine's own name for a due moment
 * @param now        the moment it happens
 * @param people     the people around the child
 * @param calendar   the working calendar
 * @param timescales when reviews and records fall due, and who acts on them
 */
public record ReviewContext(String actor, Instant now, People people, WorkingCalendar calendar,
        ReviewTimescales timescales) {

    public ReviewContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(timescales, "timescales");
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, calendar.zone());
    }
}
