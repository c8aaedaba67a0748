package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.WorkingCalendar;

/**
 * The fast counting of working days agrees, for every start day from December 2019 to January 2031
 * and every count up to 30, with counting one day at a time: the way a person checks a deadline
 * with a paper calendar.
 */
public class WorkingDayCountingTest {

    private static final LocalDate FIRST = LocalDate.of(2019, 12, 1);
    private static final LocalDate LAST = LocalDate.of(2031, 1, 31);
    private static final int MAX_DAYS = 30;

    @Test
    public void withTheBankHolidaysAlone() {
        check(EnglandAndWalesCalendar.withoutSettings());
    }

    @Test
    public void withCouncilClosuresAndAMovedBankHoliday() {
        EnglandAndWalesHolidays holidays = new EnglandAndWalesHolidays();
        CalendarSettings settings = CalendarSettings.parse(holidays,
                new String[] {"2019-12-31 Council closure", "2026-12-29, 2026-12-30, 2026-12-31", "2030-01-02"},
                new String[] {"2027-05-07 Early May bank holiday (moved)"},
                new String[] {"2027-05-03"});
        check(new EnglandAndWalesCalendar(holidays, settings));
    }

    @Test
    public void isWorkingDayIsMondayToFridayLessTheListedNonWorkingDays() {
        EnglandAndWalesCalendar calendar = EnglandAndWalesCalendar.withoutSettings();
        Set<LocalDate> listed = new HashSet<>();
        List<NonWorkingDay> days = calendar.nonWorkingDays(FIRST, LAST);
        for (NonWorkingDay day : days) {
            listed.add(day.date());
        }
        assertEquals("one bank holiday a date", days.size(), listed.size());
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            assertEquals(day.toString(), weekday && !listed.contains(day), calendar.isWorkingDay(day));
        }
    }

    private static void check(WorkingCalendar calendar) {
        for (LocalDate start = FIRST; !start.isAfter(LAST); start = start.plusDays(1)) {
            for (int n = 0; n <= MAX_DAYS; n++) {
                LocalDate expected = naiveAdd(calendar, start, n);
                LocalDate actual = calendar.addWorkingDays(start, n);
                assertEquals(n + " working days from " + start, expected, actual);
                int between = calendar.workingDaysBetween(start, actual);
                int expectedBetween = n > 0 || !start.equals(actual) ? Math.max(n, 1) : 0;
                assertEquals("working days from " + start + " to " + actual, expectedBetween, between);
                assertEquals(naiveBetween(calendar, start, start.plusDays(n)),
                        calendar.workingDaysBetween(start, start.plusDays(n)));
                assertEquals(0, calendar.workingDaysBetween(start.plusDays(n), start));
            }
        }
    }

    private static LocalDate naiveAdd(WorkingCalendar calendar, LocalDate start, int n) {
        if (n == 0) {
            LocalDate day = start;
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static int naiveBetween(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
