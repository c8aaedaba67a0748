package uk.starred.benchmarks.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.impl.calendar.EnglandAndWalesCalendar;

/**
 * What every calendar in the comparison is given: the England and Wales bank holidays of 2020 to
 * 2030 (with the one-off changes: VE Day moved in 2020, the Platinum Jubilee and the State Funeral
 * in 2022, the Coronation in 2023), and the start dates and working-day counts the benchmarks use.
 */
final class Holidays2020To2030 {

    static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    static final LocalDate LAST = LocalDate.of(2030, 12, 31);

    /** The bank holidays of the period, as Starred's own calendar lists them. */
    static final Set<LocalDate> BANK_HOLIDAYS = bankHolidays();

    private Holidays2020To2030() {
    }

    private static Set<LocalDate> bankHolidays() {
        Set<LocalDate> days = new HashSet<>();
        for (NonWorkingDay day : EnglandAndWalesCalendar.withoutSettings().nonWorkingDays(FIRST, LAST)) {
            days.add(day.date());
        }
        return Set.copyOf(days);
    }

    static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !BANK_HOLIDAYS.contains(day);
    }

    /** Start dates spread over the period, weekends and holidays among them, the same on every run. */
    static LocalDate[] startDates(int count, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // the last 90 days are left out so that a start plus 40 working days stays in the period
        int span = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) - 90;
        LocalDate[] dates = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            dates[i] = FIRST.plusDays(random.nextInt(span));
        }
        return dates;
    }

    /** Working-day counts from 1 to 40, as the procedures' timescales are. */
    static int[] counts(int count, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[count];
        for (int i = 0; i < count; i++) {
            counts[i] = 1 + random.nextInt(40);
        }
        return counts;
    }
}
