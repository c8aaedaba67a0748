package uk.starred.impl.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

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

/**
 * The deadline rule of {@link uk.starred.api.calendar.WorkingCalendar#dueMoment} at the edges a
 * council notices: late starts, weekends, bank holidays, Christmas, the turn of the year and the
 * clock changes.
 */
public class DeadlineRuleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final EnglandAndWalesCalendar calendar = EnglandAndWalesCalendar.withoutSettings();

    /** A wall-clock time in London, where the time is unambiguous. */
    static ZonedDateTime london(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON);
    }

    private ZonedDateTime due(String startInLondon, Timescale timescale) {
        return calendar.dueMoment(london(startInLondon).toInstant(), timescale).atZone(LONDON);
    }

    @Test
    public void theExampleOfTheJavadoc() {
        // Friday 22 May 2026, 16:00; Monday 25 May is the spring bank holiday
        Instant due = calendar.dueMoment(Instant.parse("2026-05-22T15:00:00Z"), Timescale.workingDays(2));
        assertEquals(Instant.parse("2026-05-27T23:00:00Z"), due);
        assertEquals(london("2026-05-28T00:00"), due.atZone(LONDON));
    }

    /** The table of examples in docs/procedure-descriptors.md, each as it is written there. */
    @Test
    public void theExamplesOfTheDescriptorGuideOverTheSpringBankHoliday() {
        assertEquals(london("2026-05-28T00:00"), due("2026-05-22T16:00", Timescale.workingDays(2)));
        assertEquals(london("2026-06-02T00:00"), due("2026-05-22T09:00", Timescale.workingDays(5)));
        assertEquals(london("2026-05-27T00:00"), due("2026-05-23T10:00", Timescale.workingDays(1)));
        assertEquals(london("2026-05-28T16:00"), due("2026-05-22T16:00", Timescale.workingHours(72)));
        assertEquals(london("2026-05-26T00:00"), due("2026-05-22T16:00", Timescale.calendarDays(3)));
        assertEquals(london("2026-03-29T13:00"), due("2026-03-28T12:00", Timescale.hours(24)));
    }

    @Test
    public void theHourOfTheStartDoesNotMatterForWorkingDays() {
        // Tuesday 17 November 2026: day nought whether at its first or its last minute
        assertEquals(london("2026-11-19T00:00"), due("2026-11-17T00:00", Timescale.workingDays(1)));
        assertEquals(london("2026-11-19T00:00"), due("2026-11-17T23:59", Timescale.workingDays(1)));
        assertEquals(london("2026-11-19T00:00"), due("2026-11-17T23:59:59.999999999", Timescale.workingDays(1)));
        assertEquals(london("2026-11-25T00:00"), due("2026-11-17T00:00", Timescale.workingDays(5)));
        assertEquals(london("2026-11-25T00:00"), due("2026-11-17T23:59", Timescale.workingDays(5)));
    }

    @Test
    public void aStartAtTheWeekendCountsFromMonday() {
        // Saturday 21 and Sunday 22 November 2026 are day nought; Monday 23 is day one
        assertEquals(london("2026-11-24T00:00"), due("2026-11-21T10:00", Timescale.workingDays(1)));
        assertEquals(london("2026-11-24T00:00"), due("2026-11-22T23:30", Timescale.workingDays(1)));
        assertEquals(london("2026-11-28T00:00"), due("2026-11-21T10:00", Timescale.workingDays(5)));
    }

    @Test
    public void theFridayBeforeABankHolidayMonday() {
        // Monday 31 August 2026 is the summer bank holiday
        assertEquals(london("2026-09-02T00:00"), due("2026-08-28T15:00", Timescale.workingDays(1)));
        assertEquals(Instant.parse("2026-09-01T23:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-08-28T14:00:00Z"), Timescale.workingDays(1)));
        assertEquals(london("2026-09-08T00:00"), due("2026-08-28T15:00", Timescale.workingDays(5)));
    }

    @Test
    public void acrossChristmasAndNewYear() {
        // Wednesday 23 December 2026: Thu 24 (1), Fri 25 Christmas, Mon 28 Boxing Day substitute,
        // Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 January New Year's Day, Mon 4 January (5)
        assertEquals(LocalDate.of(2027, 1, 4), calendar.addWorkingDays(LocalDate.of(2026, 12, 23), 5));
        assertEquals(london("2027-01-05T00:00"), due("2026-12-23T11:00", Timescale.workingDays(5)));
        assertEquals(Instant.parse("2027-01-05T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-12-23T11:00:00Z"), Timescale.workingDays(5)));
        assertEquals(5, calendar.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 4)));
        // 2021: Christmas Day and Boxing Day substitutes on Monday 27 and Tuesday 28
        assertEquals(london("2021-12-30T00:00"), due("2021-12-24T09:00", Timescale.workingDays(1)));
        // 2022: Boxing Day on Monday 26 and the Christmas Day substitute on Tuesday 27
        assertEquals(london("2022-12-29T00:00"), due("2022-12-23T09:00", Timescale.workingDays(1)));
    }

    @Test
    public void theYearEnd() {
        // Thursday 31 December 2026: day one is Monday 4 January 2027
        assertEquals(london("2027-01-05T00:00"), due("2026-12-31T16:00", Timescale.workingDays(1)));
        // Wednesday 29 December 2027: Thursday 30 (1), Friday 31 (2), Monday 3 January 2028 is the
        // New Year's Day substitute, Tuesday 4 January (3)
        assertEquals(london("2028-01-05T00:00"), due("2027-12-29T09:00", Timescale.workingDays(3)));
        assertEquals(LocalDate.of(2028, 1, 4), calendar.addWorkingDays(LocalDate.of(2027, 12, 31), 1));
        // calendar days run on over New Year's Day regardless
        assertEquals(london("2028-01-02T00:00"), due("2027-12-31T09:00", Timescale.calendarDays(1)));
    }

    @Test
    public void workingDaysAcrossTheClockChanges() {
        // 2026: the clocks go forward on Sunday 29 March and back on Sunday 25 October
        assertEquals(london("2026-03-31T00:00"), due("2026-03-27T10:00", Timescale.workingDays(1)));
        assertEquals(Instant.parse("2026-03-30T23:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-03-27T10:00:00Z"), Timescale.workingDays(1)));
        assertEquals(london("2026-10-27T00:00"), due("2026-10-23T10:00", Timescale.workingDays(1)));
        assertEquals(Instant.parse("2026-10-27T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-10-23T09:00:00Z"), Timescale.workingDays(1)));
        // 2027: forward on Sunday 28 March, between Good Friday (26) and Easter Monday (29)
        assertEquals(london("2027-03-31T00:00"), due("2027-03-25T10:00", Timescale.workingDays(1)));
        assertEquals(Instant.parse("2027-03-30T23:00:00Z"),
                calendar.dueMoment(Instant.parse("2027-03-25T10:00:00Z"), Timescale.workingDays(1)));
        // 2027: back on Sunday 31 October
        assertEquals(london("2027-11-02T00:00"), due("2027-10-29T16:00", Timescale.workingDays(1)));
        assertEquals(Instant.parse("2027-11-02T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2027-10-29T15:00:00Z"), Timescale.workingDays(1)));
    }

    @Test
    public void calendarDaysAcrossTheClockChangesEndAtLocalMidnight() {
        // the end of Sunday 29 March 2026, a day of 23 hours
        assertEquals(london("2026-03-30T00:00"), due("2026-03-28T12:00", Timescale.calendarDays(1)));
        assertEquals(Instant.parse("2026-03-29T23:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-03-28T12:00:00Z"), Timescale.calendarDays(1)));
        // the end of Sunday 25 October 2026, a day of 25 hours
        assertEquals(london("2026-10-26T00:00"), due("2026-10-24T12:00", Timescale.calendarDays(1)));
        assertEquals(Instant.parse("2026-10-26T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-10-24T11:00:00Z"), Timescale.calendarDays(1)));
        // 2027
        assertEquals(london("2027-03-29T00:00"), due("2027-03-27T23:30", Timescale.calendarDays(1)));
        assertEquals(london("2027-11-01T00:00"), due("2027-10-30T00:00", Timescale.calendarDays(1)));
        assertEquals(Instant.parse("2027-11-01T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2027-10-29T23:00:00Z"), Timescale.calendarDays(1)));
    }

    @Test
    public void hoursAreElapsedTimeAcrossTheClockChanges() {
        // Saturday 28 March 2026 12:00 GMT + 24 hours is 13:00 BST on Sunday 29
        assertEquals(london("2026-03-29T13:00"), due("2026-03-28T12:00", Timescale.hours(24)));
        assertEquals(Instant.parse("2026-03-29T12:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-03-28T12:00:00Z"), Timescale.hours(24)));
        // Saturday 24 October 2026 12:00 BST + 24 hours is 11:00 GMT on Sunday 25
        assertEquals(london("2026-10-25T11:00"), due("2026-10-24T12:00", Timescale.hours(24)));
        // 2027: Saturday 27 March 12:00 GMT + 24 hours; Friday 29 October 16:00 BST + 48 hours
        assertEquals(london("2027-03-28T13:00"), due("2027-03-27T12:00", Timescale.hours(24)));
        assertEquals(Instant.parse("2027-10-31T15:00:00Z"),
                calendar.dueMoment(Instant.parse("2027-10-29T15:00:00Z"), Timescale.hours(48)));
        assertEquals(london("2027-10-31T15:00"), due("2027-10-29T16:00", Timescale.hours(48)));
        // hours ignore weekends and bank holidays
        assertEquals(london("2026-12-26T11:00"), due("2026-12-24T11:00", Timescale.hours(48)));
    }

    @Test
    public void workingHours72Then48MoreMakeFiveWorkingDaysFromAMondayMorning() {
        // Monday 16 November 2026, 09:00
        ZonedDateTime stage1 = due("2026-11-16T09:00", Timescale.workingHours(72));
        assertEquals(london("2026-11-19T09:00"), stage1);
        ZonedDateTime stage2 = calendar.dueMoment(stage1.toInstant(), Timescale.workingHours(48)).atZone(LONDON);
        assertEquals(london("2026-11-23T09:00"), stage2);
        assertEquals(stage2, due("2026-11-16T09:00", Timescale.workingHours(120)));
        assertEquals(5, calendar.workingDaysBetween(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23)));
    }

    @Test
    public void workingHoursFromMidnightEndAtMidnight() {
        // 72 working hours from the first instant of Monday 16 November 2026 end as Wednesday ends
        assertEquals(london("2026-11-19T00:00"), due("2026-11-16T00:00", Timescale.workingHours(72)));
        // ... and 48 more from there end as Friday ends
        assertEquals(london("2026-11-21T00:00"), due("2026-11-19T00:00", Timescale.workingHours(48)));
        // the remaining hours of a day, exactly
        assertEquals(london("2026-11-17T00:00"), due("2026-11-16T15:00", Timescale.workingHours(9)));
        assertEquals(london("2026-11-17T01:00"), due("2026-11-16T15:00", Timescale.workingHours(10)));
    }

    @Test
    public void workingHoursAcrossAWeekendAndABankHoliday() {
        // Thursday 19 November 2026 09:00 + 48: 15 hours of Thursday, 24 of Friday, 9 of Monday
        assertEquals(london("2026-11-23T09:00"), due("2026-11-19T09:00", Timescale.workingHours(48)));
        // Friday 28 August 2026 10:00 + 24: 14 hours of Friday, Monday 31 is the summer bank holiday, 10 of Tuesday
        assertEquals(london("2026-09-01T10:00"), due("2026-08-28T10:00", Timescale.workingHours(24)));
        assertEquals(Instant.parse("2026-09-01T09:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-08-28T09:00:00Z"), Timescale.workingHours(24)));
        // Thursday 24 December 2026 12:00 + 24: 12 hours of Thursday, then Tuesday 29 from midnight
        assertEquals(london("2026-12-29T12:00"), due("2026-12-24T12:00", Timescale.workingHours(24)));
    }

    @Test
    public void workingHoursStartingOnANonWorkingDayStartAtTheNextWorkingDay() {
        // Saturday 21 November 2026 15:00: counting starts at 00:00 on Monday 23
        assertEquals(london("2026-11-24T00:00"), due("2026-11-21T15:00", Timescale.workingHours(24)));
        assertEquals(london("2026-11-23T01:00"), due("2026-11-21T15:00", Timescale.workingHours(1)));
        // Christmas Day 2026, a Friday: counting starts on Tuesday 29
        assertEquals(london("2026-12-29T05:00"), due("2026-12-25T08:00", Timescale.workingHours(5)));
    }

    @Test
    public void workingHoursAcrossTheClockChangesAreElapsedWorkingTime() {
        // Friday 27 March 2026 12:00 GMT + 24: 12 hours of Friday, 12 of Monday 30 (BST)
        assertEquals(london("2026-03-30T12:00"), due("2026-03-27T12:00", Timescale.workingHours(24)));
        assertEquals(Instant.parse("2026-03-30T11:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-03-27T12:00:00Z"), Timescale.workingHours(24)));
        // Friday 23 October 2026 12:00 BST + 24: 12 hours of Friday, 12 of Monday 26 (GMT)
        assertEquals(london("2026-10-26T12:00"), due("2026-10-23T12:00", Timescale.workingHours(24)));
        // 2027: Thursday 25 March 18:00 GMT + 24: 6 hours of Thursday, then Tuesday 30 (BST) after Easter
        assertEquals(london("2027-03-30T18:00"), due("2027-03-25T18:00", Timescale.workingHours(24)));
        // 2027: Friday 29 October 20:00 BST + 24: 4 hours of Friday, 20 of Monday 1 November (GMT)
        assertEquals(london("2027-11-01T20:00"), due("2027-10-29T20:00", Timescale.workingHours(24)));
    }

    @Test
    public void fourteenDaysForCafcass() {
        // a referral on 1 December 2026 is due at the end of 15 December
        assertEquals(london("2026-12-16T00:00"), due("2026-12-01T10:00", Timescale.calendarDays(14)));
        assertEquals(Instant.parse("2026-12-16T00:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-12-01T10:00:00Z"), Timescale.calendarDays(14)));
        // calendar days count weekends, bank holidays and Christmas alike
        assertEquals(london("2027-01-07T00:00"), due("2026-12-23T17:00", Timescale.calendarDays(14)));
        // across the clock change: Friday 20 March 2026 + 14 days is the end of Good Friday, 3 April, in BST
        assertEquals(Instant.parse("2026-04-03T23:00:00Z"),
                calendar.dueMoment(Instant.parse("2026-03-20T16:00:00Z"), Timescale.calendarDays(14)));
    }

    @Test
    public void aStartJustBeforeLondonMidnightIsStillThatLondonDay() {
        // 23:30 UTC on Monday 1 June 2026 is 00:30 BST on Tuesday 2 June: day nought is the Tuesday
        assertEquals(london("2026-06-04T00:00"),
                calendar.dueMoment(Instant.parse("2026-06-01T23:30:00Z"), Timescale.workingDays(1)).atZone(LONDON));
    }

    @Test
    public void workingDaysAndNonWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 12, 24)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 25)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 26)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 12, 28)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 5, 4)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2020, 5, 8)));
        assertEquals(List.of(
                new NonWorkingDay(LocalDate.of(2026, 12, 25), "Christmas Day", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)", Kind.BANK_HOLIDAY),
                new NonWorkingDay(LocalDate.of(2027, 1, 1), "New Year's Day", Kind.BANK_HOLIDAY)),
                calendar.nonWorkingDays(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 3)));
        assertEquals(List.of(), calendar.nonWorkingDays(LocalDate.of(2027, 1, 3), LocalDate.of(2026, 12, 20)));
        assertEquals(ZoneId.of("Europe/London"), calendar.zone());
    }

    @Test
    public void zeroWorkingDaysIsTheFirstWorkingDayOnOrAfter() {
        assertEquals(LocalDate.of(2026, 12, 24), calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 0));
        assertEquals(LocalDate.of(2026, 12, 29), calendar.addWorkingDays(LocalDate.of(2026, 12, 25), 0));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 24)));
    }

    @Test
    public void yearsAreComputedAsTheyAreNeeded() {
        assertEquals(LocalDate.of(2100, 1, 4), calendar.addWorkingDays(LocalDate.of(2099, 12, 31), 1));
        // 28 working days a month or so: a thousand working days from 2030 end in 2033
        LocalDate far = calendar.addWorkingDays(LocalDate.of(2030, 12, 31), 1000);
        assertEquals(1000, calendar.workingDaysBetween(LocalDate.of(2030, 12, 31), far));
        assertEquals(LocalDate.of(9999, 12, 31), calendar.addWorkingDays(LocalDate.of(9999, 12, 30), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calendar.addWorkingDays(LocalDate.of(9999, 12, 30), 2));
        assertTrue(e.getMessage(), e.getMessage().contains("10000 is outside it"));
    }

    @Test
    public void refusesNegativeAndMissingArguments() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), -1));
        assertEquals("workingDays must not be negative, was -1: a timescale counts forward from its start",
                negative.getMessage());
        assertEquals("day", assertThrows(NullPointerException.class, () -> calendar.addWorkingDays(null, 1)).getMessage());
        assertEquals("date", assertThrows(NullPointerException.class, () -> calendar.isWorkingDay(null)).getMessage());
        assertEquals("from", assertThrows(NullPointerException.class,
                () -> calendar.workingDaysBetween(null, LocalDate.of(2026, 1, 5))).getMessage());
        assertEquals("to", assertThrows(NullPointerException.class,
                () -> calendar.workingDaysBetween(LocalDate.of(2026, 1, 5), null)).getMessage());
        assertEquals("from", assertThrows(NullPointerException.class,
                () -> calendar.nonWorkingDays(null, LocalDate.of(2026, 1, 5))).getMessage());
        assertEquals("to", assertThrows(NullPointerException.class,
                () -> calendar.nonWorkingDays(LocalDate.of(2026, 1, 5), null)).getMessage());
        assertEquals("start", assertThrows(NullPointerException.class,
                () -> calendar.dueMoment(null, Timescale.hours(1))).getMessage());
        assertEquals("timescale", assertThrows(NullPointerException.class,
                () -> calendar.dueMoment(Instant.EPOCH, null)).getMessage());
    }
}
