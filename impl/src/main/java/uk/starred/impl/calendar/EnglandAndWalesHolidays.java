package uk.starred.impl.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.NonWorkingDay.Kind;

/**
 * The bank holidays of England and Wales, by rule, for any year the working calendar covers
 * ({@value #FIRST_YEAR} to {@value #LAST_YEAR}), with the one-off changes proclaimed in that time.
 *
 * <p>By rule, under the Banking and Financial Dealings Act 1971 and the yearly proclamations that
 * have followed the same pattern since 1978 (the first year with the early May bank holiday):
 * <ul>
 * <li>New Year's Day, 1 January, or the Monday after it when it falls at a weekend;</li>
 * <li>Good Friday and Easter Monday, from Easter Sunday by the Gregorian computus;</li>
 * <li>the early May bank holiday, the first Monday of May;</li>
 * <li>the spring bank holiday, the last Monday of May;</li>
 * <li>the summer bank holiday, the last Monday of August;</li>
 * <li>Christmas Day and Boxing Day, each with a substitute weekday when it falls at a weekend: when
 * 25 December is a Saturday, Monday 27 is the Christmas Day substitute and Tuesday 28 the Boxing Day
 * substitute; when it is a Sunday, Monday 26 is Boxing Day and Tuesday 27 the Christmas Day
 * substitute; when 26 December is a Saturday, Monday 28 is the Boxing Day substitute.</li>
 * </ul>
 * Proclaimed: the early May bank holiday moved to 8 May for VE Day in 1995 and 2020; the spring bank
 * holiday moved into June for the jubilees of 2002, 2012 and 2022; and the extra days for the royal
 * weddings of 1981 and 2011, the Millennium (31 December 1999), the Golden, Diamond and Platinum
 * Jubilees, the State Funeral of Queen Elizabeth II (19 September 2022) and the Coronation of King
 * Charles III (8 May 2023). A holiday proclaimed after this release is added by the council's
 * configuration (see {@link CalendarSettings}), not here.
 *
 * <p>Only weekdays are listed: a holiday that falls at a weekend is replaced by its substitute day,
 * which is the day nobody works. Stateless and thread-safe.
 */
public final class EnglandAndWalesHolidays {

    /** The first year the calendar covers: the first year with all of today's bank holidays. */
    public static final int FIRST_YEAR = 1978;
    /** The last year the calendar covers: the last year of four digits. */
    public static final int LAST_YEAR = 9999;

    static final String NEW_YEAR = "New Year's Day";
    static final String GOOD_FRIDAY = "Good Friday";
    static final String EASTER_MONDAY = "Easter Monday";
    static final String EARLY_MAY = "Early May bank holiday";
    static final String EARLY_MAY_VE_DAY = "Early May bank holiday (VE day)";
    static final String SPRING = "Spring bank holiday";
    static final String SUMMER = "Summer bank holiday";
    static final String CHRISTMAS = "Christmas Day";
    static final String BOXING_DAY = "Boxing Day";
    static final String SUBSTITUTE = " (substitute day)";

    /** @return the bank holidays of England and Wales that fall on weekdays of {@code year}, in date order */
    public List<NonWorkingDay> inYear(int year) {
        checkYear(year);
        List<NonWorkingDay> days = new ArrayList<>(12);
        newYear(days, year);
        LocalDate easter = easterSunday(year);
        add(days, easter.minusDays(2), GOOD_FRIDAY);
        add(days, easter.plusDays(1), EASTER_MONDAY);
        earlyMay(days, year);
        spring(days, year);
        add(days, LocalDate.of(year, Month.AUGUST, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), SUMMER);
        christmas(days, year);
        proclaimedExtras(days, year);
        days.sort(Comparator.comparing(NonWorkingDay::date));
        return List.copyOf(days);
    }

    /**
     * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus, Jones,
     * Butcher): Good Friday and Easter Monday hang from it.
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }

    /** @throws IllegalArgumentException when the year is outside {@value #FIRST_YEAR} to {@value #LAST_YEAR} */
    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the working calendar of England and Wales covers the years "
                    + FIRST_YEAR + " to " + LAST_YEAR + "; " + year + " is outside it");
        }
    }

    private static void newYear(List<NonWorkingDay> days, int year) {
        LocalDate first = LocalDate.of(year, Month.JANUARY, 1);
        switch (first.getDayOfWeek()) {
            case SATURDAY -> add(days, first.plusDays(2), NEW_YEAR + SUBSTITUTE);
            case SUNDAY -> add(days, first.plusDays(1), NEW_YEAR + SUBSTITUTE);
            default -> add(days, first, NEW_YEAR);
        }
    }

    private static void earlyMay(List<NonWorkingDay> days, int year) {
        if (year == 1995 || year == 2020) {
            // moved from the first Monday of May to 8 May, for the 50th and 75th anniversaries of VE Day
            add(days, LocalDate.of(year, Month.MAY, 8), EARLY_MAY_VE_DAY);
        } else {
            add(days, LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), EARLY_MAY);
        }
    }

    private static void spring(List<NonWorkingDay> days, int year) {
        switch (year) {
            // moved from the last Monday of May next to the jubilee day
            case 2002 -> add(days, LocalDate.of(2002, Month.JUNE, 4), SPRING);
            case 2012 -> add(days, LocalDate.of(2012, Month.JUNE, 4), SPRING);
            case 2022 -> add(days, LocalDate.of(2022, Month.JUNE, 2), SPRING);
            default -> add(days, LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), SPRING);
        }
    }

    private static void christmas(List<NonWorkingDay> days, int year) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        switch (christmas.getDayOfWeek()) {
            case SATURDAY -> {
                add(days, christmas.plusDays(2), CHRISTMAS + SUBSTITUTE);
                add(days, christmas.plusDays(3), BOXING_DAY + SUBSTITUTE);
            }
            case SUNDAY -> {
                add(days, christmas.plusDays(1), BOXING_DAY);
                add(days, christmas.plusDays(2), CHRISTMAS + SUBSTITUTE);
            }
            case FRIDAY -> {
                add(days, christmas, CHRISTMAS);
                add(days, christmas.plusDays(3), BOXING_DAY + SUBSTITUTE);
            }
            default -> {
                add(days, christmas, CHRISTMAS);
                add(days, christmas.plusDays(1), BOXING_DAY);
            }
        }
    }

    private static void proclaimedExtras(List<NonWorkingDay> days, int year) {
        switch (year) {
            case 1981 -> add(days, LocalDate.of(1981, Month.JULY, 29), "Royal wedding");
            case 1999 -> add(days, LocalDate.of(1999, Month.DECEMBER, 31), "Millennium celebrations");
            case 2002 -> add(days, LocalDate.of(2002, Month.JUNE, 3), "Golden Jubilee bank holiday");
            case 2011 -> add(days, LocalDate.of(2011, Month.APRIL, 29), "Royal wedding");
            case 2012 -> add(days, LocalDate.of(2012, Month.JUNE, 5), "Diamond Jubilee bank holiday");
            case 2022 -> {
                add(days, LocalDate.of(2022, Month.JUNE, 3), "Platinum Jubilee bank holiday");
                add(days, LocalDate.of(2022, Month.SEPTEMBER, 19), "Bank holiday for the State Funeral of Queen Elizabeth II");
            }
            case 2023 -> add(days, LocalDate.of(2023, Month.MAY, 8), "Bank holiday for the coronation of King Charles III");
            default -> {
                // no one-off bank holiday proclaimed for this year
            }
        }
    }

    private static void add(List<NonWorkingDay> days, LocalDate date, String name) {
        days.add(new NonWorkingDay(date, name, Kind.BANK_HOLIDAY));
    }

    /** All instances follow the same rules, so any two are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EnglandAndWalesHolidays;
    }

    @Override
    public int hashCode() {
        return "England and Wales".hashCode();
    }

    @Override
    public String toString() {
        return "bank holidays of England and Wales";
    }
}
