package uk.starred.api.report;

import java.util.List;

/**
 * One table of the report.
 *
 * @param key     stable, for the CSV and links ({@code raised}, {@code themes})
 * @param title   as a person reads it
 * @param note    what it counts and how, in a sentence
 * @param charted whether a chart draws it (counts of concerns; not the median)
 * @param rows    its rows, in the order they are read
 */
public record ReportTable(String key, String title, String note, boolean charted, List<ReportRow> rows) {

    public ReportTable {
        rows = List.copyOf(rows);
    }
}
