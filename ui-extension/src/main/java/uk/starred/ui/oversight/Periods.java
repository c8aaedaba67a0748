package uk.starred.ui.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The reporting periods the oversight screen offers: a calendar month, a quarter, a year (April to March). */
public record Periods(String kind, LocalDate from, LocalDate to, String name) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /**
     * @param kind {@code month}, {@code quarter} (of the financial year) or {@code year} (the financial year,
     *             1 April to 31 March, as councils report)
     * @param day  any day in the period
     */
    public static Periods of(String kind, LocalDate day) {
        switch (kind == null ? "month" : kind) {
            case "quarter" -> {
                int startMonth = (((day.getMonthValue() - 4 + 12) % 12) / 3 * 3 + 3) % 12 + 1;
                LocalDate from = LocalDate.of(startMonth > day.getMonthValue() ? day.getYear() - 1 : day.getYear(),
                        startMonth, 1);
                LocalDate to = from.plusMonths(3);
                int quarter = ((from.getMonthValue() - 4 + 12) % 12) / 3 + 1;
                return new Periods("quarter", from, to, "Quarter " + quarter + " of " + financialYear(from) + " ("
                        + MONTH.format(from) + " to " + MONTH.format(to.minusDays(1)) + ")");
            }
            case "year" -> {
                LocalDate from = LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
                return new Periods("year", from, from.plusYears(1), "Year " + financialYear(from)
                        + " (April to March)");
            }
            default -> {
                LocalDate from = day.withDayOfMonth(1);
                return new Periods("month", from, from.plusMonths(1), MONTH.format(from));
            }
        }
    }

    private static String financialYear(LocalDate inYear) {
        int start = inYear.getMonthValue() >= 4 ? inYear.getYear() : inYear.getYear() - 1;
        return start + " to " + (start + 1);
    }
}
