package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.NonWorkingDay.Kind;

/** The bank holidays of England and Wales as gov.uk lists them, year by year. */
public class EnglandAndWalesHolidaysTest {

    private final EnglandAndWalesHolidays holidays = new EnglandAndWalesHolidays();

    /** Every bank holiday of England and Wales from 2020 to 2030: date, then name. */
    private static final String[][] BANK_HOLIDAYS_2020_2030 = {
        {"2020-01-01", "New Year's Day"},
        {"2020-04-10", "Good Friday"},
        {"2020-04-13", "Easter Monday"},
        {"2020-05-08", "Early May bank holiday (VE day)"},
        {"2020-05-25", "Spring bank holiday"},
        {"2020-08-31", "Summer bank holiday"},
        {"2020-12-25", "Christmas Day"},
        {"2020-12-28", "Boxing Day (substitute day)"},

        {"2021-01-01", "New Year's Day"},
        {"2021-04-02", "Good Friday"},
        {"2021-04-05", "Easter Monday"},
        {"2021-05-03", "Early May bank holiday"},
        {"2021-05-31", "Spring bank holiday"},
        {"2021-08-30", "Summer bank holiday"},
        {"2021-12-27", "Christmas Day (substitute day)"},
        {"2021-12-28", "Boxing Day (substitute day)"},

        {"2022-01-03", "New Year's Day (substitute day)"},
        {"2022-04-15", "Good Friday"},
        {"2022-04-18", "Easter Monday"},
        {"2022-05-02", "Early May bank holiday"},
        {"2022-06-02", "Spring bank holiday"},
        {"2022-06-03", "Platinum Jubilee bank holiday"},
        {"2022-08-29", "Summer bank holiday"},
        {"2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II"},
        {"2022-12-26", "Boxing Day"},
        {"2022-12-27", "Christmas Day (substitute day)"},

        {"2023-01-02", "New Year's Day (substitute day)"},
        {"2023-04-07", "Good Friday"},
        {"2023-04-10", "Easter Monday"},
        {"2023-05-01", "Early May bank holiday"},
        {"2023-05-08", "Bank holiday for the coronation of King Charles III"},
        {"2023-05-29", "Spring bank holiday"},
        {"2023-08-28", "Summer bank holiday"},
        {"2023-12-25", "Christmas Day"},
        {"2023-12-26", "Boxing Day"},

        {"2024-01-01", "New Year's Day"},
        {"2024-03-29", "Good Friday"},
        {"2024-04-01", "Easter Monday"},
        {"2024-05-06", "Early May bank holiday"},
        {"2024-05-27", "Spring bank holiday"},
        {"2024-08-26", "Summer bank holiday"},
        {"2024-12-25", "Christmas Day"},
        {"2024-12-26", "Boxing Day"},

        {"2025-01-01", "New Year's Day"},
        {"2025-04-18", "Good Friday"},
        {"2025-04-21", "Easter Monday"},
        {"2025-05-05", "Early May bank holiday"},
        {"2025-05-26", "Spring bank holiday"},
        {"2025-08-25", "Summer bank holiday"},
        {"2025-12-25", "Christmas Day"},
        {"2025-12-26", "Boxing Day"},

        {"2026-01-01", "New Year's Day"},
        {"2026-04-03", "Good Friday"},
        {"2026-04-06", "Easter Monday"},
        {"2026-05-04", "Early May bank holiday"},
        {"2026-05-25", "Spring bank holiday"},
        {"2026-08-31", "Summer bank holiday"},
        {"2026-12-25", "Christmas Day"},
        {"2026-12-28", "Boxing Day (substitute day)"},

        {"2027-01-01", "New Year's Day"},
        {"2027-03-26", "Good Friday"},
        {"2027-03-29", "Easter Monday"},
        {"2027-05-03", "Early May bank holiday"},
        {"2027-05-31", "Spring bank holiday"},
        {"2027-08-30", "Summer bank holiday"},
        {"2027-12-27", "Christmas Day (substitute day)"},
        {"2027-12-28", "Boxing Day (substitute day)"},

        {"2028-01-03", "New Year's Day (substitute day)"},
        {"2028-04-14", "Good Friday"},
        {"2028-04-17", "Easter Monday"},
        {"2028-05-01", "Early May bank holiday"},
        {"2028-05-29", "Spring bank holiday"},
        {"2028-08-28", "Summer bank holiday"},
        {"2028-12-25", "Christmas Day"},
        {"2028-12-26", "Boxing Day"},

        {"2029-01-01", "New Year's Day"},
        {"2029-03-30", "Good Friday"},
        {"2029-04-02", "Easter Monday"},
        {"2029-05-07", "Early May bank holiday"},
        {"2029-05-28", "Spring bank holiday"},
        {"2029-08-27", "Summer bank holiday"},
        {"2029-12-25", "Christmas Day"},
        {"2029-12-26", "Boxing Day"},

        {"2030-01-01", "New Year's Day"},
        {"2030-04-19", "Good Friday"},
        {"2030-04-22", "Easter Monday"},
        {"2030-05-06", "Early May bank holiday"},
        {"2030-05-27", "Spring bank holiday"},
        {"2030-08-26", "Summer bank holiday"},
        {"2030-12-25", "Christmas Day"},
        {"2030-12-26", "Boxing Day"},
    };

    static List<NonWorkingDay> expected(int year) {
        List<NonWorkingDay> days = new ArrayList<>();
        for (String[] row : BANK_HOLIDAYS_2020_2030) {
            LocalDate date = LocalDate.parse(row[0]);
            if (date.getYear() == year) {
                days.add(new NonWorkingDay(date, row[1], Kind.BANK_HOLIDAY));
            }
        }
        return days;
    }

    @Test
    public void everyBankHolidayFrom2020To2030IsTheOneGovUkLists() {
        for (int year = 2020; year <= 2030; year++) {
            assertEquals("bank holidays of " + year, expected(year), holidays.inYear(year));
        }
    }

    @Test
    public void theDaysMovedByProclamationAreNotHolidaysOnTheirUsualDates() {
        assertTrue(holidays.inYear(2020).stream().noneMatch(d -> d.date().equals(LocalDate.of(2020, 5, 4))));
        assertTrue(holidays.inYear(2022).stream().noneMatch(d -> d.date().equals(LocalDate.of(2022, 5, 30))));
    }

    @Test
    public void proclaimedHolidaysBefore2020() {
        assertEquals(List.of(
                new NonWorkingDay(LocalDate.of(2012, 6, 4), "Spring bank holiday", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2012, 6, 5), "Diamond Jubilee bank holiday", Kind.BANK_HOLIDAY)),
                holidays.inYear(2012).stream().filter(d -> d.date().getMonthValue() == 6).toList());
        assertTrue(holidays.inYear(2012).stream().noneMatch(d -> d.date().equals(LocalDate.of(2012, 5, 28))));
        assertTrue(holidays.inYear(2011).contains(
                new NonWorkingDay(LocalDate.of(2011, 4, 29), "Royal wedding", Kind.BANK_HOLIDAY)));
        assertEquals(List.of(
                new NonWorkingDay(LocalDate.of(2002, 6, 3), "Golden Jubilee bank holiday", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2002, 6, 4), "Spring bank holiday", Kind.BANK_HOLIDAY)),
                holidays.inYear(2002).stream().filter(d -> d.date().getMonthValue() == 6).toList());
        assertTrue(holidays.inYear(1999).contains(
                new NonWorkingDay(LocalDate.of(1999, 12, 31), "Millennium celebrations", Kind.BANK_HOLIDAY)));
        assertTrue(holidays.inYear(1995).contains(
                new NonWorkingDay(LocalDate.of(1995, 5, 8), "Early May bank holiday (VE day)", Kind.BANK_HOLIDAY)));
        assertTrue(holidays.inYear(1995).stream().noneMatch(d -> d.date().equals(LocalDate.of(1995, 5, 1))));
    }

    @Test
    public void easterSundayByTheGregorianComputus() {
        String[] easters = {"1978-03-26", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2020-04-12",
            "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
            "2028-04-16", "2029-04-01", "2030-04-21", "2038-04-25", "2285-03-22"};
        for (String easter : easters) {
            LocalDate date = LocalDate.parse(easter);
            assertEquals(date, EnglandAndWalesHolidays.easterSunday(date.getYear()));
        }
    }

    @Test
    public void everyHolidayIsAWeekdayAndEveryYearHasItsEightRuleHolidays() {
        for (int year = EnglandAndWalesHolidays.FIRST_YEAR; year <= 2200; year++) {
            List<NonWorkingDay> days = holidays.inYear(year);
            assertTrue(year + " has " + days, days.size() >= 8);
            for (NonWorkingDay day : days) {
                assertEquals(year, day.date().getYear());
                assertTrue(day + " is on a weekday", day.date().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue());
            }
        }
    }

    @Test
    public void yearsOutsideTheCalendarAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> holidays.inYear(1977));
        assertEquals("the working calendar of England and Wales covers the years 1978 to 9999; 1977 is outside it",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> holidays.inYear(10_000));
    }
}
