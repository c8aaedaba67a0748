package uk.starred.api.report;

import java.util.List;

/**
 * One line of the monthly trends: what is counted, and its figure in each month, in order.
 *
 * @param key     stable, for links ({@code raised}, {@code reason/CHILD_NOT_SEEN}, {@code team/Team North/resolved})
 * @param label   as a person reads it
 * @param figures one for each of {@link MonthlyTrends#months()}, with the concerns behind it
 */
public record TrendSeries(String key, String label, List<Figure> figures) {

    public TrendSeries {
        figures = List.copyOf(figures);
    }

    /** @return the months' figures added up */
    public long total() {
        return Math.round(figures.stream().mapToDouble(Figure::value).sum());
    }

    /** @return the twelve months as one figure: the months added up, the concerns behind them each once */
    public Figure whole() {
        java.util.LinkedHashSet<uk.starred.api.concern.ConcernId> all = new java.util.LinkedHashSet<>();
        figures.forEach(f -> all.addAll(f.concerns()));
        return new Figure(total(), List.copyOf(all));
    }
}
