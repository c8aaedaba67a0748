package uk.starred.ui.oversight;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.propertytypes.ServiceRanking;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Count;
import uk.starred.api.concern.OpenConcernSummary;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.OversightService;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.ReportYear;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseTabEntry;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.TabOutcome;
import uk.starred.ui.command.Fields;
import uk.starred.ui.command.OversightFilters;
import uk.starred.ui.tab.DisputeResolutionTab;
import uk.starred.ui.tab.Out;
import uk.starred.ui.tab.Words;

/**
 * The oversight screen's "Dispute resolution" tab, for the IRO Service Manager and the Head of
 * Service: every open concern with its stage, days open and working days overdue, team and IRO,
 * filterable; the last twelve months month by month, by reason, by team and by IRO; the figures for a month,
 * quarter or year as tables and bar charts, each downloadable as CSV from the REST API; and the IRO annual
 * report's dispute-resolution section. Every figure of the months and the report links to its challenges.
 */
@Component(service = CaseTab.class)
@CaseTabEntry(screen = CaseScreens.OVERSIGHT, key = OversightTab.KEY, label = "Dispute resolution")
@ServiceRanking(100)
public class OversightTab implements CaseTab {

    public static final String KEY = "dispute-resolution-oversight";
    static final String API = "/starred/api/v1";
    /** The list's length unless the person asks for more: the most overdue hundred. */
    static final int LIST_LIMIT = 100;
    /** The longer lists offered, a link each, up to the most one list holds. */
    static final List<Integer> LONGER = List.of(500, OversightFilters.MAX);

    private final OversightService oversight;
    private final StaffDirectory staff;
    private final ProcedureLibrary procedures;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Words words;
    private final GoodPracticeService goodPractice;
    private final AnnualReportSection annualReport;
    private final TrendsSection trends;

    @Activate
    public OversightTab(@Reference OversightService oversight, @Reference StaffDirectory staff,
            @Reference ProcedureLibrary procedures, @Reference WorkingCalendar calendar,
            @Reference GoodPracticeService goodPractice, @Reference AnnualReportService reports,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.oversight = oversight;
        this.goodPractice = goodPractice;
        this.staff = staff;
        this.procedures = procedures;
        this.calendar = calendar;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.words = new Words(calendar.zone(), staff);
        this.annualReport = new AnnualReportSection(reports, calendar.zone());
        this.trends = new TrendsSection(reports);
    }

    @Override
    public boolean isVisible(CaseView view) {
        return staff.hasOversight(view.viewerId());
    }

    @Override
    public List<String> stylesheets() {
        return List.of("/starred/static/starred.css");
    }

    @Override
    public TabOutcome act(CaseView view) {
        return TabOutcome.refused(405, "The oversight screen changes nothing; its filters are links.");
    }

    @Override
    public void render(CaseView view, Appendable appendable) throws IOException {
        Out out = new Out(appendable);
        List<String> wrong = new ArrayList<>();
        List<Violation> unread = new ArrayList<>();
        Fields fields = new Fields(view.parameters());
        OversightQuery query = OversightFilters.read(fields, LIST_LIMIT, unread);
        unread.forEach(v -> wrong.add(v.field() + " " + v.message()));
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        LocalDate day = today;
        String date = fields.get("date");
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                wrong.add("date must be written year-month-day (2026-11-23), was '" + date + "'");
            }
        }
        String kind = view.parameter("period");
        if (kind != null && !List.of("month", "quarter", "year").contains(kind)) {
            wrong.add("period must be month, quarter or year, was '" + kind + "'");
            kind = "month";
        }
        Periods period = Periods.of(kind, day);
        ReportYear reportYear = null;
        String asked = fields.get("report");
        if (asked != null) {
            try {
                reportYear = new ReportYear(Integer.parseInt(asked.strip()));
            } catch (NumberFormatException | InvalidCommandException e) {
                wrong.add("report must be the year the report's April falls in (" + ReportYear.containing(today)
                        .startYear() + "), was '" + asked + "'");
            }
        }

        out.raw("<div class=\"starred\"><h2 class=\"starred-heading-l\">Dispute resolution oversight</h2>");
        if (!wrong.isEmpty()) {
            out.raw("<div class=\"starred-error-summary\" role=\"alert\"><h3 class=\"starred-heading-s\">")
                    .raw("Some filters were not understood</h3><ul class=\"starred-list\">");
            for (String w : wrong) {
                out.raw("<li>").t(w).raw("</li>");
            }
            out.raw("</ul></div>");
        }
        // the unfiltered list gives the filters' choices; a filtered one is asked for only when filtered
        List<OpenConcernSummary> all = oversight.openConcernSummaries(OversightQuery.all(query.limit()));
        List<OpenConcernSummary> rows = OversightFilters.isEverything(query) ? all
                : oversight.openConcernSummaries(query);
        openConcerns(view, query, all, rows, out);
        trends.render(view, java.time.YearMonth.from(today), fields.get("trend"), out);
        figures(view, period, oversight.figures(period.from(), period.to()), out);
        goodPractice(period, goodPractice.recognised(period.from(), period.to()), out);
        annualReport.render(view, reportYear, fields.get("figure"), today, out);
        out.raw("</div>");
    }

    private void openConcerns(CaseView view, OversightQuery query, List<OpenConcernSummary> all,
            List<OpenConcernSummary> rows, Out out) throws IOException {
        out.raw("<h3 class=\"starred-heading-m\" id=\"open-concerns\">Open concerns</h3>");
        out.raw("<form method=\"get\" class=\"starred-form starred-filters\"").attr("action", view.pageUrl())
                .raw(" aria-label=\"Filter open concerns\">").hidden(TAB_PARAMETER, KEY);
        if (query.limit() != LIST_LIMIT) {
            out.hidden("limit", Integer.toString(query.limit()));
        }
        List<String> procedureOptions = new ArrayList<>(List.of("", "All procedures"));
        Map<String, String> titles = new java.util.TreeMap<>();
        procedures.installed().forEach(p -> titles.putIfAbsent(p.id(), p.title()));
        titles.forEach((id, title) -> {
            procedureOptions.add(id);
            procedureOptions.add(title);
        });
        out.select("procedure", "Procedure", null, query.procedureId() == null ? "" : query.procedureId(),
                procedureOptions.toArray(new String[0]));
        List<String> teams = new ArrayList<>(List.of("", "All teams"));
        // the choices are those of the concerns listed, and the one chosen, listed or not
        TreeSet<String> teamChoices = new TreeSet<>(all.stream().map(OpenConcernSummary::team)
                .filter(t -> !t.isEmpty()).toList());
        if (query.team() != null) {
            teamChoices.add(query.team());
        }
        teamChoices.forEach(t -> {
            teams.add(t);
            teams.add(t);
        });
        out.select("team", "Team", null, query.team() == null ? "" : query.team(), teams.toArray(new String[0]));
        List<String> iros = new ArrayList<>(List.of("", "All IROs and chairs"));
        TreeSet<String> iroChoices = new TreeSet<>(all.stream().map(OpenConcernSummary::raisedBy).toList());
        if (query.raisedBy() != null) {
            iroChoices.add(query.raisedBy());
        }
        iroChoices.forEach(id -> {
            iros.add(id);
            iros.add(words.person(id));
        });
        out.select("iro", "IRO or chair", null, query.raisedBy() == null ? "" : query.raisedBy(),
                iros.toArray(new String[0]));
        out.select("cohort", "Legal status", null, query.cohort() == null ? "" : query.cohort().name(), "",
                "Looked after and child protection", "LOOKED_AFTER", "Looked after", "CHILD_PROTECTION",
                "Child protection plan");
        out.choices("checkbox", "overdue", "Due moments", query.overdueOnly() ? "yes" : "", "yes", "Overdue only");
        out.button("Apply filters", true).raw("</form>");

        Map<String, String> csvQuery = new LinkedHashMap<>();
        csvQuery.put("procedure", query.procedureId());
        csvQuery.put("team", query.team());
        csvQuery.put("iro", query.raisedBy());
        csvQuery.put("cohort", query.cohort() == null ? null : query.cohort().name());
        csvQuery.put("overdue", query.overdueOnly() ? "yes" : null);
        long open = OversightFilters.isEverything(query)
                ? oversight.openConcernCounts().values().stream().mapToLong(Long::longValue).sum() : -1;
        out.raw("<p class=\"starred-body\">");
        if (open > rows.size()) {
            out.raw("The most overdue ").t(rows.size()).raw(" of ").t(open).raw(" open concerns");
        } else {
            out.t(rows.size()).raw(rows.size() == 1 ? " open concern" : " open concerns")
                    .raw(rows.size() == query.limit() && open < 0 ? " (the first " + query.limit() + ")" : "");
        }
        out.raw(". <a class=\"starred-link\"").attr("href", link(API + "/oversight/open-concerns.csv", csvQuery))
                .raw(" download>Download this list (CSV)</a>");
        if (rows.size() == query.limit() && (open < 0 || open > rows.size())) {
            for (int longer : LONGER) {
                if (longer > query.limit()) {
                    Map<String, String> more = new LinkedHashMap<>();
                    csvQuery.forEach((k, v) -> {
                        if (v != null) {
                            more.put(k, v);
                        }
                    });
                    more.put(TAB_PARAMETER, KEY);
                    more.put("limit", Integer.toString(longer));
                    for (String kept : List.of("period", "date")) {
                        if (view.parameter(kept) != null) {
                            more.put(kept, view.parameter(kept));
                        }
                    }
                    out.raw(" <a class=\"starred-link\"").attr("href", view.link(more) + "#open-concerns")
                            .raw(">Show the first ").t(longer).raw("</a>");
                }
            }
        }
        out.raw("</p>");
        if (rows.isEmpty()) {
            return;
        }
        out.raw("<div class=\"starred-table-wrap\"><table class=\"starred-table\"><caption class=\"starred-visually-hidden\">")
                .raw("Open concerns, the most overdue first</caption><thead><tr><th scope=\"col\">Child</th>")
                .raw("<th scope=\"col\">Team</th><th scope=\"col\">IRO or chair</th><th scope=\"col\">Procedure</th>")
                .raw("<th scope=\"col\">Stage</th><th scope=\"col\" class=\"starred-numeric\">Days open</th>")
                .raw("<th scope=\"col\" class=\"starred-numeric\">Working days overdue</th></tr></thead><tbody>");
        for (OpenConcernSummary row : rows) {
            out.raw("<tr><td><a class=\"starred-link\"").attr("href", view.childLink(row.childId(),
                    Map.of(TAB_PARAMETER, DisputeResolutionTab.KEY, "concern", row.concernId().toString()))
                    + "#concern-" + row.concernId()).raw(">").t(row.childName()).raw("</a></td><td>").t(row.team())
                    .raw("</td><td>").t(words.person(row.raisedBy())).raw("</td><td>").t(row.procedureTitle())
                    .raw("</td><td>").t(row.stageName() == null ? "" : row.stageName())
                    .raw("</td><td class=\"starred-numeric\">").t(row.daysOpen()).raw("</td><td class=\"starred-numeric\">");
            if (row.workingDaysOverdue() > 0) {
                out.tag(row.workingDaysOverdue() + " overdue", "red");
            } else {
                out.t("0");
            }
            out.raw("</td></tr>");
        }
        out.raw("</tbody></table></div>");
    }

    private void figures(CaseView view, Periods period, OversightFigures f, Out out) throws IOException {
        out.raw("<h3 class=\"starred-heading-m\" id=\"figures\">Figures: ").t(period.name()).raw("</h3>");
        out.raw("<form method=\"get\" class=\"starred-form starred-filters\"").attr("action", view.pageUrl())
                .raw(" aria-label=\"Choose the period\">").hidden(TAB_PARAMETER, KEY);
        out.select("period", "Period", null, period.kind(), "month", "Month", "quarter", "Quarter (financial year)",
                "year", "Year (April to March)");
        out.date("date", "Containing the day", null, period.from().toString());
        out.button("Show figures", true).raw("</form>");
        Map<String, String> csvQuery = new LinkedHashMap<>();
        csvQuery.put("from", f.from().toString());
        csvQuery.put("to", f.to().toString());
        out.raw("<p class=\"starred-body\"><a class=\"starred-link\"").attr("href", link(API + "/oversight/figures.csv",
                csvQuery)).raw(" download>Download these figures (CSV)</a></p>");

        out.raw("<table class=\"starred-table starred-figures\"><caption class=\"starred-caption\">Summary</caption><tbody>");
        figure(out, "Concerns raised", Long.toString(f.raised()));
        figure(out, "of which from starred review decisions", Long.toString(f.starredDecisions()));
        figure(out, "Concerns resolved", Long.toString(f.resolved()));
        figure(out, "resolved within their procedure's total limit", Long.toString(f.resolvedWithinLimit()));
        figure(out, "resolved after their procedure's total limit", Long.toString(f.resolvedBeyondLimit()));
        figure(out, "resolved under a procedure that sets no total limit", Long.toString(f.resolvedWithoutLimit()));
        figure(out, "Median working days to resolve", f.medianWorkingDaysToResolve() < 0 ? "none resolved"
                : String.format(java.util.Locale.UK, "%.1f", f.medianWorkingDaysToResolve()));
        figure(out, "Withdrawn", Long.toString(f.withdrawn()));
        figure(out, "Closed (the child left care or the plan)", Long.toString(f.closed()));
        figure(out, "Ended as their stage provides (such as internal decision only)", Long.toString(f.endedAtStage()));
        figure(out, "Referrals to CAFCASS", Long.toString(f.cafcassReferrals()));
        figure(out, "Raised for looked-after children", Long.toString(f.lookedAfter()));
        figure(out, "Raised for children on child protection plans", Long.toString(f.childProtection()));
        figure(out, "Open at the end of the period", Long.toString(f.openAtEnd()));
        out.raw("</tbody></table>");
        chart(out, "Themes: concerns raised by reason", f.reasons());
        chart(out, "Furthest stage reached by the concerns raised", f.stageReached());
        chart(out, "How the concerns arose", f.origins());
    }

    /** Good practice recognised in the period, by team and by person ("report on good practice by individuals or teams"). */
    private void goodPractice(Periods period, List<GoodPractice> recognised, Out out) throws IOException {
        out.raw("<h3 class=\"starred-heading-m\" id=\"good-practice\">Good practice recognised: ").t(period.name())
                .raw("</h3>");
        Map<String, String> csvQuery = new LinkedHashMap<>();
        csvQuery.put("from", period.from().toString());
        csvQuery.put("to", period.to().toString());
        out.raw("<p class=\"starred-body\">").t(recognised.size() == 1 ? "1 recognition" : recognised.size()
                + " recognitions").raw(". <a class=\"starred-link\"").attr("href", link(API
                        + "/oversight/good-practice.csv", csvQuery)).raw(" download>Download them (CSV)</a></p>");
        chart(out, "By team", counted(recognised, g -> g.team() == null ? "No team named" : g.team()));
        chart(out, "By person", counted(recognised, g -> words.person(g.staffId())));
    }

    private static List<Count> counted(List<GoodPractice> recognised, java.util.function.Function<GoodPractice, String> by) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        recognised.forEach(g -> counts.merge(by.apply(g), 1L, Long::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Count(e.getKey(), e.getKey(), e.getValue())).toList();
    }

    private static void figure(Out out, String label, String value) throws IOException {
        out.raw("<tr><th scope=\"row\">").t(label).raw("</th><td class=\"starred-numeric\">").t(value).raw("</td></tr>");
    }

    /** A bar chart as a table: the numbers are in the table, the bars only draw them. */
    private static void chart(Out out, String title, List<Count> counts) throws IOException {
        out.raw("<table class=\"starred-table starred-chart\"><caption class=\"starred-caption\">").t(title)
                .raw("</caption><thead><tr><th scope=\"col\">What</th><th scope=\"col\" class=\"starred-numeric\">")
                .raw("Number</th><th scope=\"col\"><span class=\"starred-visually-hidden\">Bar</span></th></tr></thead><tbody>");
        if (counts.isEmpty()) {
            out.raw("<tr><td colspan=\"3\">None in this period</td></tr>");
        }
        long max = counts.stream().mapToLong(Count::count).max().orElse(1);
        for (Count c : counts) {
            long width = Math.max(1, Math.round(200.0 * c.count() / max));
            out.raw("<tr><td>").t(c.label()).raw("</td><td class=\"starred-numeric\">").t(c.count())
                    .raw("</td><td><svg class=\"starred-bar\" width=\"200\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">")
                    .raw("<rect x=\"0\" y=\"2\" height=\"12\"").attr("width", width).raw("></rect></svg></td></tr>");
        }
        out.raw("</tbody></table>");
    }

    private static String link(String path, Map<String, String> query) {
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (var e : query.entrySet()) {
            if (e.getValue() != null) {
                out.append(sep).append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return out.toString();
    }
}
