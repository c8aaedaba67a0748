package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.BeforeClass;
import org.junit.Test;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import uk.starred.api.calendar.NonWorkingDay;

/**
 * Our bank holidays against an independent source, the Jollyday library's data for England
 * ({@code gb}, subdivision {@code eng}), which is kept from gov.uk by other people.
 */
public class JollydayCrossCheckTest {

    private static HolidayManager jollyday;

    @BeforeClass
    public static void loadJollyday() {
        jollyday = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    }

    private static Map<LocalDate, String> jollyday(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : jollyday.getHolidays(year, "eng")) {
            days.put(holiday.getDate(), holiday.getPropertiesKey());
        }
        return days;
    }

    private static Map<LocalDate, String> ours(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (NonWorkingDay day : new EnglandAndWalesHolidays().inYear(year)) {
            days.put(day.date(), day.name());
        }
        return days;
    }

    @Test
    public void everyBankHolidayOfEnglandAndWalesFrom2020To2030AgreesWithJollyday() {
        for (int year = 2020; year <= 2030; year++) {
            assertEquals("bank holidays of " + year, jollyday(year).keySet(), ours(year).keySet());
        }
    }

    /**
     * From 1978 to 2200 the two agree but for three proclaimed holidays that Jollyday's data does not
     * have, all three listed by gov.uk and the proclamations of their time: Wednesday 29 July 1981 for
     * the wedding of the Prince of Wales; Friday 31 December 1999 for the Millennium; and in 2002 the
     * Golden Jubilee, for which the spring bank holiday was moved from Monday 27 May to Tuesday 4 June
     * and Monday 3 June was added.
     */
    @Test
    public void from1978To2200OnlyThreeProclaimedHolidaysDiffer() {
        Map<Integer, String> differences = new TreeMap<>();
        for (int year = EnglandAndWalesHolidays.FIRST_YEAR; year <= 2200; year++) {
            Set<LocalDate> onlyJollyday = new TreeSet<>(jollyday(year).keySet());
            onlyJollyday.removeAll(ours(year).keySet());
            Set<LocalDate> onlyOurs = new TreeSet<>(ours(year).keySet());
            onlyOurs.removeAll(jollyday(year).keySet());
            if (!onlyJollyday.isEmpty() || !onlyOurs.isEmpty()) {
                differences.put(year, "Jollyday only " + onlyJollyday + ", ours only " + onlyOurs);
            }
        }
        assertEquals(Map.of(
                1981, "Jollyday only [], ours only [1981-07-29]",
                1999, "Jollyday only [], ours only [1999-12-31]",
                2002, "Jollyday only [2002-05-27], ours only [2002-06-03, 2002-06-04]"), differences);
    }

    @Test
    public void walesHasTheSameBankHolidaysAsEngland() {
        for (int year = 2020; year <= 2030; year++) {
            Map<LocalDate, String> wales = new TreeMap<>();
            for (Holiday holiday : jollyday.getHolidays(year, "wls")) {
                wales.put(holiday.getDate(), holiday.getPropertiesKey());
            }
            assertEquals("bank holidays of " + year + " in Wales", wales.keySet(), ours(year).keySet());
        }
    }
}
