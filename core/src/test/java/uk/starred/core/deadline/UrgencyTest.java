package uk.starred.core.deadline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static uk.starred.core.testing.WeekdayCalendar.london;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.Test;

import uk.starred.api.alert.Rag;
import uk.starred.core.testing.WeekdayCalendar;

public class UrgencyTest {

    private final WeekdayCalendar calendar = new WeekdayCalendar(LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28));

    /** Due at the end of Tuesday 24 November 2026: midnight starting Wednesday. */
    private final Instant endOfTuesday = london("2026-11-25T00:00");

    @Test
    public void somethingDueAtTheEndOfTuesdayIsAmberAllTuesdayAndRedFromMidnight() {
        assertEquals(Rag.GREEN, Urgency.of(endOfTuesday, london("2026-11-23T12:00"), calendar));
        assertEquals(Rag.GREEN, Urgency.of(endOfTuesday, london("2026-11-23T23:59:59"), calendar));
        assertEquals("seen at noon on its last day", Rag.AMBER,
                Urgency.of(endOfTuesday, london("2026-11-24T12:00"), calendar));
        assertEquals(Rag.AMBER, Urgency.of(endOfTuesday, london("2026-11-24T00:00"), calendar));
        assertEquals(Rag.RED, Urgency.of(endOfTuesday, london("2026-11-25T00:00"), calendar));
    }

    @Test
    public void theRemindersMomentIsWhereTheRuleTurnsAmber() {
        Instant soon = Urgency.dueSoon(london("2026-11-20T10:00"), endOfTuesday, calendar);
        assertEquals(london("2026-11-24T00:00"), soon);
        assertEquals(Rag.GREEN, Urgency.of(endOfTuesday, soon.minusSeconds(1), calendar));
        assertEquals(Rag.AMBER, Urgency.of(endOfTuesday, soon, calendar));
    }

    @Test
    public void overAWeekendAndABankHolidayTheLastWorkingDayIsBeforeThem() {
        // due at the end of Monday 28 December 2026: Christmas Day is Friday 25, Boxing Day's substitute Monday 28,
        // so Thursday 24 is the last working day
        Instant due = london("2026-12-29T00:00");
        assertEquals(Rag.GREEN, Urgency.of(due, london("2026-12-23T17:00"), calendar));
        assertEquals(Rag.AMBER, Urgency.of(due, london("2026-12-24T09:00"), calendar));
        assertEquals(Rag.AMBER, Urgency.of(due, london("2026-12-27T09:00"), calendar));
        assertEquals(london("2026-12-24T00:00"), Urgency.dueSoon(london("2026-12-21T10:00"), due, calendar));
    }

    @Test
    public void aMomentDueDuringTheDayHasThatDayAsItsLast() {
        Instant fivePm = london("2026-11-24T17:00");
        assertEquals(Rag.GREEN, Urgency.of(fivePm, london("2026-11-23T17:00"), calendar));
        assertEquals(Rag.AMBER, Urgency.of(fivePm, london("2026-11-24T09:00"), calendar));
        assertEquals(Rag.RED, Urgency.of(fivePm, london("2026-11-24T17:00"), calendar));
    }

    @Test
    public void noReminderWhenTheLastWorkingDayStartsBeforeItBegan() {
        assertNull(Urgency.dueSoon(london("2026-11-24T10:00"), endOfTuesday, calendar));
    }
}
