package uk.starred.ui.tab;

import java.time.Instant;
import java.time.LocalDate;

import uk.starred.api.calendar.WorkingCalendar;

/**
 * A due moment's RAG, shown in words and colour together: overdue once it has passed, due soon from
 * the start of its last working day (as the deadline runner's warning), on track before.
 */
public enum Due {
    OVERDUE("Overdue", "red"),
    DUE_SOON("Due soon", "amber"),
    ON_TRACK("On track", "green");

    public final String words;
    public final String colour;

    Due(String words, String colour) {
        this.words = words;
        this.colour = colour;
    }

    public static Due of(Instant due, Instant now, WorkingCalendar calendar) {
        if (!now.isBefore(due)) {
            return OVERDUE;
        }
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate dueDay = LocalDate.ofInstant(due, calendar.zone());
        LocalDate lastWorkingDay = dueDay;
        while (!calendar.isWorkingDay(lastWorkingDay)) {
            lastWorkingDay = lastWorkingDay.minusDays(1);
        }
        return today.isBefore(lastWorkingDay) ? ON_TRACK : DUE_SOON;
    }
}
