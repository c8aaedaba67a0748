package uk.starred.api.report;

import uk.starred.api.procedure.Cohort;

/**
 * One column of the report's tables: the children it counts (looked after, on a child protection plan, or all)
 * and the year (the report's or the one before). A child both looked after and on a plan is counted in both
 * legal status columns, and once in "all".
 *
 * @param key      stable, for the CSV and links: {@code LOOKED_AFTER/this}, {@code ALL/before}
 * @param label    as a person reads it
 * @param cohort   the legal status counted, or {@code null} for all children
 * @param thisYear the report's year, else the year before
 */
public record ReportColumn(String key, String label, Cohort cohort, boolean thisYear) {
}
