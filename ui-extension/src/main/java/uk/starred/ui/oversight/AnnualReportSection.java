package uk.starred.ui.oversight;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.Figure;
import uk.starred.api.report.ReportColumn;
import uk.starred.api.report.ReportRow;
import uk.starred.api.report.ReportTable;
import uk.starred.api.report.ReportYear;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.ui.tab.Out;

/**
 * The oversight screen's IRO annual report: a year chosen, its dispute-resolution section shown with each figure
 * a link to the challenges behind it, and downloaded as a PDF or its tables as CSV.
 */
final class AnnualReportSection {

    /** How many years back the choice of year goes. */
    static final int YEARS_OFFERED = 6;

    private final AnnualReportService reports;
    private final AnnualReportMarkup markup;

    AnnualReportSection(AnnualReportService reports, ZoneId zone) {
        this.reports = reports;
        this.markup = new AnnualReportMarkup(zone);
    }

    /** @param chosen the year asked for, or {@code null} when none is */
    void render(CaseView view, ReportYear chosen, String figure, LocalDate today, Out out) throws IOException {
        ReportYear latest = ReportYear.containing(today);
        ReportYear shown = chosen == null ? latest.previous() : chosen;
        out.raw("<h3 class=\"starred-heading-m\" id=\"annual-report\">IRO annual report</h3>")
                .raw("<p class=\"starred-body\">The dispute-resolution section of the IRO manager's annual report to"
                        + " the corporate parenting board, for a year April to March.</p>");
        out.raw("<form method=\"get\" class=\"starred-form starred-filters\"").attr("action", view.pageUrl())
                .raw(" aria-label=\"Choose the report's year\">").hidden(CaseTab.TAB_PARAMETER, OversightTab.KEY);
        List<String> years = new ArrayList<>();
        for (int i = 0; i < YEARS_OFFERED; i++) {
            ReportYear y = new ReportYear(latest.startYear() - i);
            years.add(Integer.toString(y.startYear()));
            years.add(y.name() + (i == 0 ? " (so far)" : ""));
        }
        if (!years.contains(Integer.toString(shown.startYear()))) {
            years.add(Integer.toString(shown.startYear()));
            years.add(shown.name());
        }
        out.select("report", "Year", null, Integer.toString(shown.startYear()), years.toArray(new String[0]));
        out.button("Show the report", true).raw("</form>");
        out.raw("<p class=\"starred-body\"><a class=\"starred-link\"").attr("href", AnnualReportDownloads.pdfPath(shown))
                .raw(" download>Download the ").t(shown.name()).raw(" report (PDF)</a> <a class=\"starred-link\"")
                .attr("href", AnnualReportDownloads.csvPath(shown)).raw(" download>Download its tables (CSV)</a></p>");
        if (chosen == null) {
            return;
        }
        DisputeResolutionReport report = reports.disputeResolution(chosen);
        if (figure != null) {
            behind(view, report, figure, out);
        }
        out.raw("<div class=\"starred-annual-report\">");
        markup.render(report, out, key -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put(CaseTab.TAB_PARAMETER, OversightTab.KEY);
            query.put("report", Integer.toString(chosen.startYear()));
            query.put("figure", key);
            return view.link(query) + "#report-figure";
        });
        out.raw("</div>");
    }

    /** The challenges behind one figure, each a link to the child's tab at the concern. */
    private static void behind(CaseView view, DisputeResolutionReport report, String figure, Out out)
            throws IOException {
        String[] parts = figure.split("/");
        Located found = locate(report, figure);
        out.raw("<div class=\"starred-panel\" id=\"report-figure\">");
        if (found == null || parts.length < 3) {
            out.raw("<p class=\"starred-body\" role=\"alert\">The report has no such figure: choose one from its tables"
                    + " below.</p></div>");
            return;
        }
        out.raw("<h4 class=\"starred-heading-s\">The challenges behind a figure</h4><p class=\"starred-body\">")
                .t(found.table().title()).raw(": ").t(found.row().label()).raw(", ").t(found.column().label())
                .raw(": ").t(found.figure().shown()).raw("</p>");
        ChallengeList.render(view, report.concerns(), Set.copyOf(found.figure().concerns()), "At the year's end",
                out);
        out.raw("</div>");
    }

    /** A figure of the report, with where it is. */
    record Located(ReportTable table, ReportRow row, ReportColumn column, Figure figure) {
    }

    /** @return the figure {@code table/row/column} names (a row's key may hold slashes), or {@code null} */
    static Located locate(DisputeResolutionReport report, String figure) {
        for (ReportTable table : report.tables()) {
            if (!figure.startsWith(table.key() + "/")) {
                continue;
            }
            for (ReportRow row : table.rows()) {
                for (int i = 0; i < report.columns().size(); i++) {
                    ReportColumn column = report.columns().get(i);
                    if (figure.equals(table.key() + "/" + row.key() + "/" + column.key())) {
                        return new Located(table, row, column, row.figures().get(i));
                    }
                }
            }
        }
        return null;
    }
}
