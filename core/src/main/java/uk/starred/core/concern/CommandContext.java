package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.procedure.Procedure;

/**
 * What a command is applied in: who acts and when, the procedure version the concern is pinned to,
 * the people around the child and the working calendar.
 *
 * @param actor     the staff id of who acts, or {@link ConcernLifecycle#DEADLINE_ACTOR} for a due moment
 * @param now       the moment it happens
 * @param procedure the procedure the concern runs under, as stored with it
 * @param people    the people around the child
 * @param calendar  the working calendar that counts timescales
 */
public record CommandContext(String actor, Instant now, Procedure procedure, People people,
        WorkingCalendar calendar) {

    public CommandContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** @return the day it is where the council works */
    public LocalDate today() {
        return LocalDate.ofInstant(now, calendar.zone());
    }
}
