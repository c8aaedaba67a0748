package uk.starred.benchmarks.calendar;

import java.time.LocalDate;

import net.objectlab.kit.datecalc.common.DateCalculator;
import net.objectlab.kit.datecalc.common.DefaultHolidayCalendar;
import net.objectlab.kit.datecalc.common.HolidayHandlerType;
import net.objectlab.kit.datecalc.jdk8.LocalDateKitCalculatorsFactory;

/**
 * ObjectLab Kit, loaded with the same bank holidays, bounded to the period they cover as its
 * holiday calendars are. ObjectLab moves a start that is not a working day forward first, so it
 * is compared only from starts that are working days, where the two conventions agree.
 */
final class ObjectLabCalendar {

    static final String NAME = "ENGLAND_AND_WALES";

    private final DateCalculator<LocalDate> calculator;

    ObjectLabCalendar() {
        LocalDateKitCalculatorsFactory factory = new LocalDateKitCalculatorsFactory();
        factory.registerHolidays(NAME, new DefaultHolidayCalendar<>(Holidays2020To2030.BANK_HOLIDAYS,
                Holidays2020To2030.FIRST, Holidays2020To2030.LAST));
        calculator = factory.getDateCalculator(NAME, HolidayHandlerType.FORWARD);
    }

    LocalDate add(LocalDate day, int n) {
        return calculator.setStartDate(day).moveByBusinessDays(n).getCurrentBusinessDate();
    }

    /** ObjectLab has no count of working days between two dates: its own working-day test, day by day. */
    int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (!calculator.isNonWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
