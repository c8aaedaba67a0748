package uk.starred.api.report;

import java.time.LocalDate;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;

/**
 * The year an annual report covers: the council's financial year, 1 April to 31 March, as councils report to the
 * corporate parenting board.
 *
 * @param startYear the calendar year in which it starts: 2025 for April 2025 to March 2026
 */
public record ReportYear(int startYear) {

    /** The first year a report can be asked for. */
    public static final int EARLIEST = 2000;

    public ReportYear {
        if (startYear < EARLIEST || startYear > 9998) {
            throw new InvalidCommandException("Make the annual report", java.util.List.of(new Violation("year",
                    "must be a year from " + EARLIEST + ", the year the report's April falls in, was " + startYear)));
        }
    }

    /** @return the report year that holds the day */
    public static ReportYear containing(LocalDate day) {
        return new ReportYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** @return its first day, 1 April */
    public LocalDate from() {
        return LocalDate.of(startYear, 4, 1);
    }

    /** @return the day after its last: 1 April of the next year */
    public LocalDate to() {
        return LocalDate.of(startYear + 1, 4, 1);
    }

    /** @return the year before it */
    public ReportYear previous() {
        return new ReportYear(startYear - 1);
    }

    /** @return as councils write it: "2025 to 2026" */
    public String name() {
        return startYear + " to " + (startYear + 1);
    }
}
