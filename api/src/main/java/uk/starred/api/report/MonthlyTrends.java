package uk.starred.api.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Twelve months of dispute resolution, month by month, for the oversight screen's trends: challenges raised,
 * resolved, stages that went past their timescale, referrals to CAFCASS; challenges raised by reason; and the
 * same by team and by IRO or Child Protection Chair. Every figure carries the concerns behind it.
 *
 * @param months   the twelve months, the oldest first
 * @param series   raised, resolved, overdue and referred, month by month
 * @param reasons  challenges raised by reason, month by month, the most given first
 * @param teams    by the child's team: for each team its raised, resolved, overdue and referred lines
 * @param chairs   by who raised them: for each IRO or chair the same lines
 * @param concerns every concern counted, in the order they were raised
 */
public record MonthlyTrends(List<YearMonth> months, List<TrendSeries> series, List<TrendSeries> reasons,
        List<TrendSeries> teams, List<TrendSeries> chairs, List<ReportedConcern> concerns) {

    public MonthlyTrends {
        months = List.copyOf(months);
        series = List.copyOf(series);
        reasons = List.copyOf(reasons);
        teams = List.copyOf(teams);
        chairs = List.copyOf(chairs);
        concerns = List.copyOf(concerns);
    }

    /** @return the line with the key, among all of them */
    public Optional<TrendSeries> line(String key) {
        return java.util.stream.Stream.of(series, reasons, teams, chairs).flatMap(List::stream)
                .filter(s -> s.key().equals(key)).findFirst();
    }
}
