package uk.starred.ui.oversight;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.Figure;
import uk.starred.api.report.MonthlyTrends;
import uk.starred.api.report.TrendSeries;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.ui.tab.Out;

/**
 * The oversight screen's twelve months: challenges raised, resolved, stages overdue and referrals to CAFCASS month
 * by month, with a chart of each; those raised by reason; and the twelve months by team and by IRO or chair. Every
 * figure is a link to the challenges behind it.
 */
final class TrendsSection {

    /** How many reasons are shown: the most given. */
    static final int REASONS_SHOWN = 8;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final AnnualReportService reports;

    TrendsSection(AnnualReportService reports) {
        this.reports = reports;
    }

    /** @param figure the figure whose challenges are asked for ({@code line key/month index or "all"}), or null */
    void render(CaseView view, YearMonth last, String figure, Out out) throws IOException {
        MonthlyTrends trends = reports.trends(last);
        out.raw("<h3 class=\"starred-heading-m\" id=\"trends\">The last twelve months</h3>")
                .raw("<p class=\"starred-body\">Month by month from ").t(LONG_MONTH.format(trends.months().get(0)))
                .raw(" to ").t(LONG_MONTH.format(last)).raw(" (so far). A challenge counts in the month it was raised,"
                        + " resolved or referred; a stage in the month its timescale passed before it ended. Each"
                        + " figure links to the challenges behind it.</p>");
        if (figure != null) {
            behind(view, trends, figure, out);
        }
        months(view, trends, "Challenges month by month", trends.series(), out);
        List<TrendSeries> reasons = trends.reasons().stream().filter(s -> s.total() > 0).limit(REASONS_SHOWN)
                .toList();
        months(view, trends, "Challenges raised by reason, the most given first", reasons, out);
        totals(view, "By team: the twelve months", "Team", trends.teams(), out);
        totals(view, "By IRO or Child Protection Chair: the twelve months", "IRO or chair", trends.chairs(), out);
    }

    private void months(CaseView view, MonthlyTrends trends, String title, List<TrendSeries> lines, Out out)
            throws IOException {
        out.raw("<div class=\"starred-table-wrap\"><table class=\"starred-table starred-trends\"><caption class=\""
                + "starred-caption\">").t(title).raw("</caption><thead><tr><th scope=\"col\">What</th>");
        for (YearMonth m : trends.months()) {
            out.raw("<th scope=\"col\" class=\"starred-numeric\">").t(MONTH.format(m)).raw("</th>");
        }
        out.raw("<th scope=\"col\"><span class=\"starred-visually-hidden\">Chart</span></th></tr></thead><tbody>");
        if (lines.isEmpty()) {
            out.raw("<tr><td").attr("colspan", trends.months().size() + 2).raw(">None in these months</td></tr>");
        }
        for (TrendSeries line : lines) {
            out.raw("<tr><th scope=\"row\">").t(line.label()).raw("</th>");
            for (int i = 0; i < line.figures().size(); i++) {
                out.raw("<td class=\"starred-numeric\">");
                link(view, line.key() + "/" + i, line.figures().get(i), line.label() + ", "
                        + MONTH.format(trends.months().get(i)), out);
                out.raw("</td>");
            }
            out.raw("<td>");
            sparkline(line, out);
            out.raw("</td></tr>");
        }
        out.raw("</tbody></table></div>");
    }

    /** Twelve bars, one a month: the numbers are in the row, the bars only draw them. */
    private static void sparkline(TrendSeries line, Out out) throws IOException {
        double max = Math.max(1, line.figures().stream().mapToDouble(Figure::value).max().orElse(1));
        out.raw("<svg class=\"starred-bar starred-sparkline\" width=\"120\" height=\"24\" aria-hidden=\"true\""
                + " focusable=\"false\">");
        for (int i = 0; i < line.figures().size(); i++) {
            long h = Math.round(22 * line.figures().get(i).value() / max);
            out.raw("<rect").attr("x", i * 10).attr("y", 23 - h).attr("width", 8).attr("height", Math.max(h, 1))
                    .raw("></rect>");
        }
        out.raw("</svg>");
    }

    /** A team's or a chair's four lines as one row of twelve-month totals. */
    private void totals(CaseView view, String title, String who, List<TrendSeries> lines, Out out) throws IOException {
        Map<String, List<TrendSeries>> rows = new LinkedHashMap<>();
        for (TrendSeries line : lines) {
            String row = line.key().substring(0, line.key().lastIndexOf('/'));
            rows.computeIfAbsent(row, k -> new ArrayList<>()).add(line);
        }
        out.raw("<div class=\"starred-table-wrap\"><table class=\"starred-table\"><caption class=\"starred-caption\">")
                .t(title).raw("</caption><thead><tr><th scope=\"col\">").t(who).raw("</th>")
                .raw("<th scope=\"col\" class=\"starred-numeric\">Raised</th>")
                .raw("<th scope=\"col\" class=\"starred-numeric\">Resolved</th>")
                .raw("<th scope=\"col\" class=\"starred-numeric\">Stages overdue</th>")
                .raw("<th scope=\"col\" class=\"starred-numeric\">Referred to CAFCASS</th></tr></thead><tbody>");
        if (rows.isEmpty()) {
            out.raw("<tr><td colspan=\"5\">None in these months</td></tr>");
        }
        List<Map.Entry<String, List<TrendSeries>>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, List<TrendSeries>> row : sorted) {
            String name = row.getValue().get(0).label();
            name = name.substring(0, name.lastIndexOf(": "));
            out.raw("<tr><th scope=\"row\">").t(name).raw("</th>");
            for (String measure : List.of("raised", "resolved", "overdue", "referred")) {
                out.raw("<td class=\"starred-numeric\">");
                for (TrendSeries line : row.getValue()) {
                    if (line.key().endsWith("/" + measure)) {
                        link(view, line.key() + "/all", line.whole(), line.label(), out);
                    }
                }
                out.raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table></div>");
    }

    private static void link(CaseView view, String key, Figure figure, String what, Out out) throws IOException {
        if (figure.concerns().isEmpty()) {
            out.t(figure.shown());
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put(CaseTab.TAB_PARAMETER, OversightTab.KEY);
        query.put("trend", key);
        out.raw("<a class=\"starred-link\"").attr("href", view.link(query) + "#trend-figure").raw(">")
                .t(figure.shown()).raw("<span class=\"starred-visually-hidden\">: ").t(what).raw("</span></a>");
    }

    /** The challenges behind the figure {@code line/month} or {@code line/all}. */
    private static void behind(CaseView view, MonthlyTrends trends, String figure, Out out) throws IOException {
        int slash = figure.lastIndexOf('/');
        TrendSeries line = slash < 0 ? null : trends.line(figure.substring(0, slash)).orElse(null);
        Figure found = null;
        String when = null;
        if (line != null) {
            String which = figure.substring(slash + 1);
            if (which.equals("all")) {
                found = line.whole();
                when = "the twelve months";
            } else if (which.matches("\\d{1,2}") && Integer.parseInt(which) < line.figures().size()) {
                found = line.figures().get(Integer.parseInt(which));
                when = LONG_MONTH.format(trends.months().get(Integer.parseInt(which)));
            }
        }
        out.raw("<div class=\"starred-panel\" id=\"trend-figure\">");
        if (found == null) {
            out.raw("<p class=\"starred-body\" role=\"alert\">There is no such figure in the twelve months: choose one"
                    + " from the tables below.</p></div>");
            return;
        }
        out.raw("<h4 class=\"starred-heading-s\">The challenges behind a figure</h4><p class=\"starred-body\">")
                .t(line.label()).raw(", ").t(when).raw(": ").t(found.shown()).raw("</p>");
        ChallengeList.render(view, trends.concerns(), Set.copyOf(found.concerns()), "Now", out);
        out.raw("</div>");
    }
}
