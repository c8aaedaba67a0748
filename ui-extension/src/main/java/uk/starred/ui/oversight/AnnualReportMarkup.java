package uk.starred.ui.oversight;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.Figure;
import uk.starred.api.report.ReportColumn;
import uk.starred.api.report.ReportRow;
import uk.starred.api.report.ReportTable;
import uk.starred.ui.tab.Out;

/**
 * The IRO annual report's dispute-resolution section as a page: the same markup on the oversight screen, where
 * each figure links to the concerns behind it, and in the PDF, where the links are text and each chart's bars are
 * boxes of a width (an SVG on screen).
 */
public final class AnnualReportMarkup {

    /** The PDF's own styles for the charts: a bar's width in twentieths. */
    public static final String PRINT_STYLE = " .starred-print-bar { height: 5pt; margin: 1pt 0; background: #1d70b8; }"
            + " .starred-print-bar.starred-before { background: #b1b4b6; }"
            + " table.starred-report td, table.starred-report th { font-size: 9pt; }"
            + " table.starred-chart { table-layout: fixed; } table.starred-chart td { font-size: 9pt; }"
            + " table.starred-chart td:first-child { width: 40%; }"
            + widths();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final ZoneId zone;

    public AnnualReportMarkup(ZoneId zone) {
        this.zone = zone;
    }

    private static String widths() {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i <= 20; i++) {
            css.append(" .starred-w-").append(i).append(" { width: ").append(i * 5).append("%; }");
        }
        return css.toString();
    }

    /**
     * @param figureLink the address of the concerns behind a figure ({@code table/row/column}), or {@code null}
     *                   for paper
     */
    public void render(DisputeResolutionReport report, Out out, Function<String, String> figureLink)
            throws IOException {
        boolean print = figureLink == null;
        out.raw("<h2 class=\"starred-heading-l\">IRO annual report: dispute resolution, ").t(report.year().name())
                .raw("</h2>");
        out.raw("<p class=\"starred-body starred-lead\">The challenges Independent Reviewing Officers and Child"
                + " Protection Chairs raised between 1 April ").t(report.year().startYear()).raw(" and 31 March ")
                .t(report.year().startYear() + 1).raw(", with the year before (").t(report.year().previous().name())
                .raw(") beside each figure; looked-after children and children on child protection plans apart. Each"
                        + " challenge is counted as it stood at the end of the year it was raised in. A child both"
                        + " looked after and on a plan is counted under each, and once among all children.</p>");
        out.raw("<p class=\"starred-body\">Made ").t(WHEN.format(report.madeAt().atZone(zone))).raw(" from ")
                .t(report.concerns().size()).raw(report.concerns().size() == 1 ? " challenge" : " challenges")
                .raw(print ? " recorded in Starred. Every figure can be traced to the challenges behind it in the"
                        + " oversight screen." : " recorded in Starred. Each figure links to the challenges behind it.")
                .raw("</p>");
        for (ReportTable table : report.tables()) {
            table(report, table, out, figureLink);
            if (table.charted() && !table.rows().isEmpty()) {
                chart(report, table, out, print);
            }
        }
    }

    private static void table(DisputeResolutionReport report, ReportTable table, Out out,
            Function<String, String> figureLink) throws IOException {
        out.raw("<h3 class=\"starred-heading-m\"").attr("id", "report-" + table.key()).raw(">").t(table.title())
                .raw("</h3><p class=\"starred-body\">").t(table.note()).raw("</p>");
        out.raw("<div class=\"starred-table-wrap\"><table class=\"starred-table starred-report\"><caption class=\""
                + "starred-visually-hidden\">").t(table.title()).raw("</caption><thead><tr><th scope=\"col\">")
                .raw("What</th>");
        for (ReportColumn column : report.columns()) {
            out.raw("<th scope=\"col\" class=\"starred-numeric\">").t(column.label()).raw("</th>");
        }
        out.raw("</tr></thead><tbody>");
        if (table.rows().isEmpty()) {
            out.raw("<tr><td").attr("colspan", report.columns().size() + 1).raw(">None in either year</td></tr>");
        }
        for (ReportRow row : table.rows()) {
            out.raw("<tr><th scope=\"row\">").t(row.label()).raw("</th>");
            for (int i = 0; i < row.figures().size(); i++) {
                Figure figure = row.figures().get(i);
                out.raw("<td class=\"starred-numeric\">");
                if (figureLink != null && !figure.concerns().isEmpty()) {
                    String key = table.key() + "/" + row.key() + "/" + report.columns().get(i).key();
                    out.raw("<a class=\"starred-link\"").attr("href", figureLink.apply(key)).raw(">").t(figure.shown())
                            .raw("<span class=\"starred-visually-hidden\">: ").t(row.label()).raw(", ")
                            .t(report.columns().get(i).label()).raw("</span></a>");
                } else {
                    out.t(figure.shown());
                }
                out.raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table></div>");
    }

    /** All children, this year against the year before: the numbers are in the table above, the bars draw them. */
    private static void chart(DisputeResolutionReport report, ReportTable table, Out out, boolean print)
            throws IOException {
        int thisYear = column(report, true);
        int before = column(report, false);
        double max = 1;
        for (ReportRow row : table.rows()) {
            max = Math.max(max, Math.max(row.figures().get(thisYear).value(), row.figures().get(before).value()));
        }
        out.raw("<table class=\"starred-table starred-chart\" aria-hidden=\"true\"><caption class=\"starred-caption\">")
                .t(table.title()).raw(": all children, ").t(report.year().name()).raw(" (dark) against ")
                .t(report.year().previous().name()).raw(" (light)</caption><tbody>");
        for (ReportRow row : table.rows()) {
            double now = row.figures().get(thisYear).value();
            double then = row.figures().get(before).value();
            out.raw("<tr><td>").t(row.label()).raw("</td><td>");
            if (print) {
                out.raw("<div").attr("class", "starred-print-bar starred-w-" + Math.round(20 * now / max)).raw("></div>")
                        .raw("<div").attr("class", "starred-print-bar starred-before starred-w-"
                                + Math.round(20 * then / max)).raw("></div>");
            } else {
                out.raw("<svg class=\"starred-bar\" width=\"200\" height=\"24\" focusable=\"false\">")
                        .raw("<rect x=\"0\" y=\"1\" height=\"10\"").attr("width", Math.max(1, Math.round(200 * now / max)))
                        .raw("></rect><rect class=\"starred-before\" x=\"0\" y=\"13\" height=\"10\"")
                        .attr("width", Math.max(1, Math.round(200 * then / max))).raw("></rect></svg>");
            }
            out.raw("</td></tr>");
        }
        out.raw("</tbody></table>");
    }

    private static int column(DisputeResolutionReport report, boolean thisYear) {
        List<ReportColumn> columns = report.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).cohort() == null && columns.get(i).thisYear() == thisYear) {
                return i;
            }
        }
        throw new IllegalStateException("the report has a column for all children each year");
    }
}
