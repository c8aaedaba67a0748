package uk.starred.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import uk.starred.api.alert.Rag;
import uk.starred.api.calendar.WorkingCalendar;

/**
 * The one RAG rule for anything with a due moment, which every screen, alert and reminder asks:
 * red once the moment has passed; amber from the start of the last working day before it; green
 * before. A moment at midnight is the end of the day before, so that day is its last: a stage due at
 * the end of Tuesday is amber all Tuesday.
 */
public final class Urgency {

    /** How far back the last working day is looked for; no run of non-working days is longer. */
    private static final int LONGEST_CLOSURE = 30;

    private Urgency() {
    }

    /** @return the RAG at {@code now} of something due at {@code due} */
    public static Rag of(Instant due, Instant now, WorkingCalendar calendar) {
        if (!now.isBefore(due)) {
            return Rag.RED;
        }
        return now.isBefore(lastWorkingDayStarts(due, calendar)) ? Rag.GREEN : Rag.AMBER;
    }

    /**
     * When something due at {@code due}, begun at {@code began}, turns amber and those who must act
     * are reminded; {@code null} when that would not fall after it began and before it is due.
     */
    public static Instant dueSoon(Instant began, Instant due, WorkingCalendar calendar) {
        Instant soon = lastWorkingDayStarts(due, calendar);
        return soon.isAfter(began) && soon.isBefore(due) ? soon : null;
    }

    /** @return the moment the day ends, where a date is the last day allowed (midnight after it) */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Instant lastWorkingDayStarts(Instant due, WorkingCalendar calendar) {
        ZoneId zone = calendar.zone();
        ZonedDateTime at = due.atZone(zone);
        LocalDate last = at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().minusDays(1)
                : at.toLocalDate();
        for (int i = 0; i < LONGEST_CLOSURE && !calendar.isWorkingDay(last); i++) {
            last = last.minusDays(1);
        }
        return last.atStartOfDay(zone).toInstant();
    }
}
