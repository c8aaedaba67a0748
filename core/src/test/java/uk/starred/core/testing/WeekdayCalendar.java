package uk.starred.core.testing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.calendar.WorkingCalendar;

/**
 * A working calendar of weekdays less the holidays given, in London time, counting as the engine's
 * does: day nought is the day the clock starts; a timescale in days ends at the end of its last day.
 * The core's tests need no more; the real England and Wales calendar is the engine's.
 */
public final class WeekdayCalendar implements WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Set<LocalDate> holidays;

    public WeekdayCalendar(LocalDate... holidays) {
        this.holidays = Set.of(holidays);
    }

    @Override
    public ZoneId zone() {
        return LONDON;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    @Override
    public List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public LocalDate addWorkingDays(LocalDate day, int workingDays) {
        LocalDate at = day;
        int left = workingDays;
        if (left == 0) {
            while (!isWorkingDay(at)) {
                at = at.plusDays(1);
            }
            return at;
        }
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay(at)) {
                left--;
            }
        }
        return at;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Instant dueMoment(Instant start, Timescale timescale) {
        LocalDate day = LocalDate.ofInstant(start, LONDON);
        return switch (timescale.unit()) {
            case WORKING_DAYS -> endOf(addWorkingDays(day, timescale.amount()));
            case CALENDAR_DAYS -> endOf(day.plusDays(timescale.amount()));
            case HOURS -> start.plus(Duration.ofHours(timescale.amount()));
            case WORKING_HOURS -> throw new UnsupportedOperationException("working hours: the engine's calendar");
        };
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    /** @return the instant of a London wall-clock time, such as {@code 2026-11-16T10:00} */
    public static Instant london(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
