package uk.starred.ui.oversight;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The oversight screen's list over the real engine on H2: the most overdue first, as many as asked
 * for, saying how many are open in all and offering the longer lists.
 */
public class OversightTabTest {

    private Engine engine;
    private OversightTab tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().overseer("qa");
        for (int i = 1; i <= 3; i++) {
            String child = "child-" + i;
            engine.host().childOfTeam(child, "Children in Care", Cohort.LOOKED_AFTER).role("iro", "IRO", child)
                    .role("tm", "TEAM_MANAGER", child);
            engine.host().as("iro", () -> engine.concerns().raise(new RaiseConcern(child,
                    SeedProcedures.ALERT_PROCESS_004, ConcernOrigin.RED_RAG_RATING, List.of("CHILD_NOT_SEEN"),
                    "Drift.", "A plan.", LocalDate.of(2026, 12, 31), "tm", null)));
        }
        tab = new OversightTab(engine.oversight(), engine.host(), engine.library, engine.calendar, engine.goodPractice,
                engine.annualReport, engine.clock());
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void goodPracticeRecognisedInThePeriodIsReportedByTeamAndByPerson() {
        engine.host().team("tm", "Children in Care Team 2");
        engine.host().as("iro", () -> engine.goodPractice.recognise("child-1", "tm", "Found a new placement in a day"));
        engine.host().as("iro", () -> engine.goodPractice.recognise("child-2", "tm", "Kept the child's school place"));
        String page = render(Map.of());
        assertTrue(page, page.contains("Good practice recognised: "));
        assertTrue(page, page.contains("2 recognitions"));
        assertTrue("by team", page.contains("<td>Children in Care Team 2</td><td class=\"starred-numeric\">2</td>"));
        assertTrue("by person", page.contains("<td>Staff tm</td><td class=\"starred-numeric\">2</td>"));
        assertTrue("the CSV for the same period", page.contains("/oversight/good-practice.csv?from=2026-11-01&amp;to="
                + "2026-12-01") || page.contains("/oversight/good-practice.csv?from=2026-11-01&to=2026-12-01"));
    }

    @Test
    public void theListIsAsLongAsAskedAndSaysHowManyAreOpenInAll() {
        String page = render(Map.of("limit", List.of("2")));
        assertEquals(2, rows(page));
        assertTrue(page, page.contains("The most overdue 2 of 3 open concerns"));
        assertTrue("a longer list is offered, keeping the tab", page.contains("limit=500")
                && page.contains(CaseTab.TAB_PARAMETER + "=" + OversightTab.KEY));
        assertTrue("the limit asked for stays when filtering", page.contains("name=\"limit\" value=\"2\""));
    }

    @Test
    public void aLimitOutOfRangeIsNamedAndTheUsualListShown() {
        String page = render(Map.of("limit", List.of("5000")));
        assertTrue(page, page.contains("limit must be a whole number from 1 to 1000, was &#39;5000&#39;"));
        assertEquals(3, rows(page));
    }

    @Test
    public void exactlyAsManyAsOpenAreShownWithNothingMoreOffered() {
        String page = render(Map.of("limit", List.of("3")));
        assertEquals(3, rows(page));
        assertTrue(page, page.contains("3 open concerns."));
        assertFalse(page, page.contains("Show the first"));
    }

    @Test
    public void aShortListIsShownWholeWithNothingMoreOffered() {
        String page = render(Map.of());
        assertEquals(3, rows(page));
        assertTrue(page, page.contains("3 open concerns"));
        assertFalse(page, page.contains("Show the first"));
    }

    private static int rows(String page) {
        return page.split("#concern-", -1).length - 1;
    }

    private String render(Map<String, List<String>> parameters) {
        CaseView view = new CaseView(CaseScreens.OVERSIGHT, "qa", null, parameters, "/oversight", "csrf", "token",
                "/case/{childId}");
        StringBuilder out = new StringBuilder();
        engine.host().as("qa", () -> {
            try {
                tab.render(view, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return out.toString();
    }

    @Test
    public void theAnnualReportShowsEachFigureAsALinkToTheChallengesBehindIt() {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(render(Map.of("report", List.of("2026"))));
        assertEquals("IRO annual report: dispute resolution, 2026 to 2027",
                page.select(".starred-annual-report h2").text());
        org.jsoup.nodes.Element all = page.select("#report-raised + p + div table tbody tr").first();
        assertEquals("All challenges raised", all.select("th").text());
        // looked after this year, the year before; child protection both; all children both
        assertEquals(List.of("3", "0", "0", "0", "3", "0"), all.select("td").stream()
                .map(td -> td.ownText().isEmpty() ? td.select("a").first().ownText() : td.ownText()).toList());
        String link = all.select("td a").first().attr("href");
        assertTrue(link, link.contains("figure=raised%2Fall%2FLOOKED_AFTER%2Fthis") || link.contains(
                "figure=raised/all/LOOKED_AFTER/this"));
        assertEquals("the PDF and the CSV of the year chosen", List.of("/starred/reports/2026/dispute-resolution.pdf",
                "/starred/reports/2026/dispute-resolution.csv"), page.select("#annual-report + p + form + p a")
                        .eachAttr("href"));

        org.jsoup.nodes.Document behind = org.jsoup.Jsoup.parse(render(Map.of("report", List.of("2026"), "figure",
                List.of("raised/all/LOOKED_AFTER/this"))));
        assertEquals("Challenges raised: All challenges raised, Looked after: this year: 3",
                behind.select("#report-figure p").first().text());
        assertEquals("raised at the same moment: in no order that matters", List.of("Child child-1", "Child child-2",
                "Child child-3"), behind.select("#report-figure tbody tr td:first-child a").eachText().stream().sorted()
                        .toList());

        org.jsoup.nodes.Document nonsense = org.jsoup.Jsoup.parse(render(Map.of("report", List.of("2026"), "figure",
                List.of("raised/everything/ALL/this"))));
        assertTrue(nonsense.select("#report-figure").text().contains("no such figure"));
        org.jsoup.nodes.Document wrongYear = org.jsoup.Jsoup.parse(render(Map.of("report", List.of("last year"))));
        assertTrue(wrongYear.select(".starred-error-summary").text(),
                wrongYear.select(".starred-error-summary").text().contains("report must be the year"));
    }

    @Test
    public void theAnnualReportIsATaggedPdfAndItsTablesACsvThatNamesTheChallengesBehindEachFigure() throws Exception {
        uk.starred.api.report.DisputeResolutionReport report = engine.host().as("qa",
                () -> engine.annualReport.disputeResolution(new uk.starred.api.report.ReportYear(2026)));
        String csv = AnnualReportDownloads.csv(report);
        String[] lines = csv.split("\r\n");
        assertEquals("year,table,table_title,row,row_label,column,column_label,value,concern_ids", lines[0]);
        String raised = java.util.Arrays.stream(lines).filter(l -> l.contains(",raised,") && l.contains(",all,")
                && l.contains(",ALL/this,")).findFirst().orElseThrow();
        assertTrue(raised, raised.contains(",3,"));
        for (uk.starred.api.report.ReportedConcern c : report.concerns()) {
            assertTrue("the challenge " + c.id() + " is named behind the figure", raised.contains(c.id().toString()));
        }
        StringBuilder body = new StringBuilder();
        new AnnualReportMarkup(engine.calendar.zone()).render(report, new uk.starred.ui.tab.Out(body), null);
        byte[] pdf = uk.starred.ui.tab.PdfDocuments.pdf("IRO annual report", body.toString(),
                AnnualReportMarkup.PRINT_STYLE);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertTrue("tagged", document.getDocumentCatalog().getMarkInfo().isMarked());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text, text.contains("IRO annual report: dispute resolution, 2026 to 2027"));
            assertTrue(text, text.contains("All challenges raised"));
            assertTrue(text, text.contains("By IRO or Child Protection Chair"));
        }
    }

    @Test
    public void theTwelveMonthsShowEachMonthsChallengesLinkedToThemAndEachTeamsAndChairs() {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(render(Map.of()));
        org.jsoup.nodes.Element months = page.select("table.starred-trends").first();
        assertEquals("Dec 2025", months.select("thead th").get(1).text());
        assertEquals("Nov 2026", months.select("thead th").get(12).text());
        org.jsoup.nodes.Element raised = months.select("tbody tr").first();
        assertTrue(raised.select("th").text(), raised.select("th").text().startsWith("Challenges raised"));
        assertEquals("3", raised.select("td").get(11).select("a").first().ownText());
        assertEquals("nothing the month before", "0", raised.select("td").get(10).text());
        org.jsoup.nodes.Element team = page.select("caption:contains(By team) + thead + tbody tr").first();
        assertEquals("Children in Care", team.select("th").text());
        assertEquals("3", team.select("td").first().select("a").first().ownText());

        String link = raised.select("td").get(11).select("a").attr("href");
        String trend = java.net.URLDecoder.decode(link.substring(link.indexOf("trend=") + 6, link.indexOf('#')),
                java.nio.charset.StandardCharsets.UTF_8);
        org.jsoup.nodes.Document behind = org.jsoup.Jsoup.parse(render(Map.of("trend", List.of(trend))));
        assertEquals("Challenges raised, November 2026: 3", behind.select("#trend-figure p").first().text());
        assertEquals(3, behind.select("#trend-figure tbody tr").size());
        org.jsoup.nodes.Document wrong = org.jsoup.Jsoup.parse(render(Map.of("trend", List.of("raised/12"))));
        assertTrue(wrong.select("#trend-figure").text().contains("no such figure"));
    }
}
