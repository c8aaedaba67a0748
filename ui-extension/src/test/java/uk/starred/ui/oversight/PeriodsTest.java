package uk.starred.ui.oversight;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;

import org.junit.Test;

/** Councils report by the financial year, April to March, and its quarters. */
public class PeriodsTest {

    @Test
    public void aMonthIsTheCalendarMonth() {
        Periods p = Periods.of("month", LocalDate.of(2026, 2, 14));
        assertEquals(LocalDate.of(2026, 2, 1), p.from());
        assertEquals(LocalDate.of(2026, 3, 1), p.to());
        assertEquals("February 2026", p.name());
    }

    @Test
    public void quartersFollowTheFinancialYear() {
        assertQuarter("2026-04-01", "2026-04-01", "2026-07-01", "Quarter 1 of 2026 to 2027");
        assertQuarter("2026-06-30", "2026-04-01", "2026-07-01", "Quarter 1 of 2026 to 2027");
        assertQuarter("2026-11-23", "2026-10-01", "2027-01-01", "Quarter 3 of 2026 to 2027");
        assertQuarter("2027-01-01", "2027-01-01", "2027-04-01", "Quarter 4 of 2026 to 2027");
        assertQuarter("2027-03-31", "2027-01-01", "2027-04-01", "Quarter 4 of 2026 to 2027");
    }

    @Test
    public void theYearRunsFromAprilToMarch() {
        Periods march = Periods.of("year", LocalDate.of(2027, 3, 31));
        assertEquals(LocalDate.of(2026, 4, 1), march.from());
        assertEquals(LocalDate.of(2027, 4, 1), march.to());
        Periods april = Periods.of("year", LocalDate.of(2027, 4, 1));
        assertEquals(LocalDate.of(2027, 4, 1), april.from());
    }

    private static void assertQuarter(String day, String from, String to, String name) {
        Periods p = Periods.of("quarter", LocalDate.parse(day));
        assertEquals(day, LocalDate.parse(from), p.from());
        assertEquals(day, LocalDate.parse(to), p.to());
        assertEquals(day, true, p.name().startsWith(name));
    }
}
