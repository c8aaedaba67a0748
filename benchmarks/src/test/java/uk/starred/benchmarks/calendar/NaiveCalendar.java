package uk.starred.benchmarks.calendar;

import java.time.LocalDate;

/**
 * The day-by-day loop a supplier writes first: step a day at a time, counting the days that are
 * neither weekend nor bank holiday. It is the reference the answers are checked against.
 */
final class NaiveCalendar {

    private NaiveCalendar() {
    }

    /** The working day {@code n} working days after {@code day} (for 0, the day itself or the next working day). */
    static LocalDate add(LocalDate day, int n) {
        LocalDate d = day;
        if (n == 0) {
            while (!Holidays2020To2030.isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (Holidays2020To2030.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days after {@code from}, up to and including {@code to}. */
    static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (Holidays2020To2030.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
