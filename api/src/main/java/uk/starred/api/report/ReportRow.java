package uk.starred.api.report;

import java.util.List;

/**
 * One row of a table: what is counted, and its figure in each of the report's columns, in their order.
 *
 * @param key     stable within its table, for the CSV and links ({@code origin/STARRED_DECISION})
 * @param label   as a person reads it
 * @param figures one for each of {@link DisputeResolutionReport#columns()}
 */
public record ReportRow(String key, String label, List<Figure> figures) {

    public ReportRow {
        figures = List.copyOf(figures);
    }
}
