package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.Test;

import uk.starred.api.calendar.NonWorkingDay;
import uk.starred.api.calendar.NonWorkingDay.Kind;
import uk.starred.api.calendar.Timescale;

/** The council's closure days and proclaimed bank holidays, from configuration. */
public class CouncilConfigurationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] NONE = {};

    private final EnglandAndWalesHolidays holidays = new EnglandAndWalesHolidays();

    public static CalendarConfiguration configuration(String[] closureDays, String[] bankHolidays, String[] cancelled) {
        return new CalendarConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CalendarConfiguration.class;
            }

            @Override
            public String[] closureDays() {
                return closureDays;
            }

            @Override
            public String[] bankHolidays() {
                return bankHolidays;
            }

            @Override
            public String[] cancelledBankHolidays() {
                return cancelled;
            }
        };
    }

    private static ZonedDateTime london(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON);
    }

    private static String refusal(String[] closureDays, String[] bankHolidays, String[] cancelled) {
        return assertThrows(IllegalArgumentException.class,
                () -> CalendarSettings.parse(new EnglandAndWalesHolidays(), closureDays, bankHolidays, cancelled))
                .getMessage();
    }

    @Test
    public void closureDaysAreNotWorkingDaysAndMoveDueMoments() {
        WorkingCalendarComponent component = new WorkingCalendarComponent(configuration(
                new String[] {"2026-12-29 Council closure", "2026-12-30", "2026-12-31 Council closure (Christmas)"},
                NONE, NONE));
        assertFalse(component.isWorkingDay(LocalDate.of(2026, 12, 29)));
        assertFalse(component.isWorkingDay(LocalDate.of(2026, 12, 31)));
        assertTrue(component.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertEquals(List.of(
                new NonWorkingDay(LocalDate.of(2026, 12, 25), "Christmas Day", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2026, 12, 29), "Council closure", Kind.COUNCIL_CLOSURE),
                new NonWorkingDay(LocalDate.of(2026, 12, 30), "Council closure", Kind.COUNCIL_CLOSURE),
                new NonWorkingDay(LocalDate.of(2026, 12, 31), "Council closure (Christmas)", Kind.COUNCIL_CLOSURE),
                new NonWorkingDay(LocalDate.of(2027, 1, 1), "New Year's Day", Kind.BANK_HOLIDAY)),
                component.nonWorkingDays(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 4)));
        // Wednesday 23 December 2026 + 5 working days: Thu 24, then Mon 4 to Thu 7 January 2027
        assertEquals(london("2027-01-08T00:00"),
                component.dueMoment(london("2026-12-23T10:00").toInstant(), Timescale.workingDays(5)).atZone(LONDON));
        // without the closure days it would have been the end of Monday 4 January
        assertEquals(london("2027-01-05T00:00"), EnglandAndWalesCalendar.withoutSettings()
                .dueMoment(london("2026-12-23T10:00").toInstant(), Timescale.workingDays(5)).atZone(LONDON));
        assertEquals(2, component.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 4)));
    }

    @Test
    public void aCfgFileListWithCommasIsReadAsSeveralEntries() {
        CalendarSettings settings = CalendarSettings.from(configuration(
                new String[] {"2026-12-29 Council closure, 2026-12-30 Council closure,2026-12-31"}, NONE, NONE), holidays);
        assertEquals(List.of(LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31)),
                settings.closureDays().stream().map(NonWorkingDay::date).toList());
    }

    @Test
    public void aProclaimedBankHolidayCanBeAddedAndARuleHolidayMoved() {
        // as in 2020, a future early May bank holiday moved from Monday to Friday by proclamation
        WorkingCalendarComponent component = new WorkingCalendarComponent(configuration(NONE,
                new String[] {"2031-05-09 Early May bank holiday (moved)"}, new String[] {"2031-05-05 moved to 9 May"}));
        assertTrue(component.isWorkingDay(LocalDate.of(2031, 5, 5)));
        assertFalse(component.isWorkingDay(LocalDate.of(2031, 5, 9)));
        assertEquals(List.of(new NonWorkingDay(LocalDate.of(2031, 5, 9), "Early May bank holiday (moved)", Kind.BANK_HOLIDAY)),
                component.nonWorkingDays(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 20)));
        // Friday 2 May 2031: Monday 5 is now worked, Friday 9 is not
        assertEquals(london("2031-05-06T00:00"),
                component.dueMoment(london("2031-05-02T10:00").toInstant(), Timescale.workingDays(1)).atZone(LONDON));
        assertEquals(london("2031-05-14T00:00"),
                component.dueMoment(london("2031-05-02T10:00").toInstant(), Timescale.workingDays(6)).atZone(LONDON));
        assertEquals(List.of(new NonWorkingDay(LocalDate.of(2031, 5, 9), "Early May bank holiday (moved)", Kind.BANK_HOLIDAY)),
                component.current().settings().bankHolidays());
    }

    @Test
    public void anEntryThatIsNotADateIsRefusedNamingPropertyEntryAndForm() {
        assertEquals("1 entry of the working calendar configuration (PID uk.starred.calendar) refused:"
                + " closureDays entry \"29/12/2026 Council closure\" is refused: it does not start with a date;"
                + " expected \"YYYY-MM-DD Name\", the name optional, for example \"2026-12-29 Council closure\"",
                refusal(new String[] {"2026-12-30 Council closure", "29/12/2026 Council closure"}, NONE, NONE));
        assertEquals("1 entry of the working calendar configuration (PID uk.starred.calendar) refused:"
                + " bankHolidays entry \"2030-02-30 Jubilee\" is refused: 2030-02-30 is not a date in the calendar;"
                + " expected \"YYYY-MM-DD Name\", the name optional, for example \"2026-12-29 Council closure\"",
                refusal(NONE, new String[] {"2030-02-30 Jubilee"}, NONE));
    }

    @Test
    public void everyRefusedEntryIsNamedAtOnce() {
        String message = refusal(
                new String[] {"2026-12-26 Council closure", "2026-12-29", "2026-12-29 again", "Christmas closure"},
                new String[] {"2026-12-25 Christmas"},
                new String[] {"2027-05-04"});
        assertTrue(message, message.startsWith("5 entries of the working calendar configuration (PID uk.starred.calendar) refused: "));
        assertTrue(message, message.contains("closureDays entry \"2026-12-26 Council closure\" is refused:"
                + " 2026-12-26 is a Saturday, never a working day; expected a weekday"));
        assertTrue(message, message.contains("closureDays entry \"2026-12-29 again\" is refused:"
                + " 2026-12-29 is given more than once; expected each date once"));
        assertTrue(message, message.contains("closureDays entry \"Christmas closure\" is refused: it does not start with a date"));
        assertTrue(message, message.contains("bankHolidays entry \"2026-12-25 Christmas\" is refused:"
                + " 2026-12-25 is already a bank holiday by rule (Christmas Day)"));
        assertTrue(message, message.contains("cancelledBankHolidays entry \"2027-05-04\" is refused:"
                + " 2027-05-04 is not a bank holiday of England and Wales by rule; expected the date of one, as it is listed"
                + " for 2027: 2027-01-01 New Year's Day, 2027-03-26 Good Friday, 2027-03-29 Easter Monday,"
                + " 2027-05-03 Early May bank holiday,"));
    }

    @Test
    public void datesOutsideTheCalendarAreRefused() {
        String message = refusal(new String[] {"1970-01-02 Closure"}, NONE, NONE);
        assertTrue(message, message.endsWith("closureDays entry \"1970-01-02 Closure\" is refused:"
                + " the working calendar covers the years 1978 to 9999; expected a date in them"));
    }

    @Test
    public void aMalformedConfigurationAtStartFailsActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkingCalendarComponent(configuration(new String[] {"2026-13-01 Closure"}, NONE, NONE)));
        assertTrue(e.getMessage(), e.getMessage().contains("closureDays entry \"2026-13-01 Closure\" is refused"));
    }

    @Test
    public void aMalformedChangeKeepsTheLastGoodConfiguration() {
        WorkingCalendarComponent component = new WorkingCalendarComponent(
                configuration(new String[] {"2026-12-29 Council closure"}, NONE, NONE));
        EnglandAndWalesCalendar good = component.current();
        component.modified(configuration(new String[] {"2026-12-29 Council closure", "2026-12-3O typo"}, NONE, NONE));
        assertSame(good, component.current());
        assertFalse(component.isWorkingDay(LocalDate.of(2026, 12, 29)));
        assertTrue(component.isWorkingDay(LocalDate.of(2026, 12, 30)));
    }

    @Test
    public void aGoodChangeReplacesTheCalendarWhole() {
        WorkingCalendarComponent component = new WorkingCalendarComponent(configuration(NONE, NONE, NONE));
        EnglandAndWalesCalendar before = component.current();
        assertEquals(EnglandAndWalesCalendar.withoutSettings(), before);
        Instant wednesday = london("2026-12-23T10:00").toInstant();
        assertEquals(london("2027-01-05T00:00"), component.dueMoment(wednesday, Timescale.workingDays(5)).atZone(LONDON));

        component.modified(configuration(new String[] {"2027-01-04 Council closure"}, NONE, NONE));
        EnglandAndWalesCalendar after = component.current();
        assertNotEquals(before, after);
        assertFalse(component.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertEquals(london("2027-01-06T00:00"), component.dueMoment(wednesday, Timescale.workingDays(5)).atZone(LONDON));
        // the calendar in service before is unchanged: whoever kept it still gets its answers
        assertTrue(before.isWorkingDay(LocalDate.of(2027, 1, 4)));

        // the same closure days, written otherwise, make an equal calendar, so nothing needs recomputing
        component.modified(configuration(new String[] {" 2027-01-04   Council closure ", ""}, NONE, NONE));
        assertSame(after, component.current());
    }

    @Test
    public void calendarsCompareByTheirWorkingDays() {
        EnglandAndWalesCalendar a = new EnglandAndWalesCalendar(holidays,
                CalendarSettings.parse(holidays, new String[] {"2026-12-30", "2026-12-29"}, NONE, NONE));
        EnglandAndWalesCalendar b = new EnglandAndWalesCalendar(new EnglandAndWalesHolidays(),
                CalendarSettings.parse(holidays, new String[] {"2026-12-29 Council closure, 2026-12-30 Council closure"}, null, null));
        EnglandAndWalesCalendar renamed = new EnglandAndWalesCalendar(holidays,
                CalendarSettings.parse(holidays, new String[] {"2026-12-29 Staff training", "2026-12-30"}, NONE, NONE));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, renamed);
        assertNotEquals(a, EnglandAndWalesCalendar.withoutSettings());
        assertSame(CalendarSettings.none(), CalendarSettings.parse(holidays, null, new String[] {" "}, NONE));
    }

    @Test
    public void aClosureOnABankHolidayListsTheBankHoliday() {
        CalendarSettings settings = CalendarSettings.parse(holidays, new String[] {"2026-12-28 Council closure"}, NONE, NONE);
        EnglandAndWalesCalendar calendar = new EnglandAndWalesCalendar(holidays, settings);
        assertEquals(List.of(new NonWorkingDay(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)", Kind.BANK_HOLIDAY)),
                calendar.nonWorkingDays(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 28)));
    }
}
