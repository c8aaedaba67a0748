package uk.starred.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispute-resolution section of the IRO annual report for one year, the year before beside it.
 *
 * @param year     the report's year
 * @param madeAt   when it was worked out
 * @param columns  the columns of every table: each legal status and all children, this year and the year before
 * @param tables   the tables, in the order the report reads
 * @param concerns every concern the figures count, both years, in the order they were raised
 */
public record DisputeResolutionReport(ReportYear year, Instant madeAt, List<ReportColumn> columns,
        List<ReportTable> tables, List<ReportedConcern> concerns) {

    public DisputeResolutionReport {
        columns = List.copyOf(columns);
        tables = List.copyOf(tables);
        concerns = List.copyOf(concerns);
    }

    /** @return the table with the key, if the report has it */
    public Optional<ReportTable> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
