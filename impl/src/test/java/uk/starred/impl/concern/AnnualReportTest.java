package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.Figure;
import uk.starred.api.report.ReportRow;
import uk.starred.api.report.ReportYear;
import uk.starred.api.report.ReportedConcern;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The IRO annual report's dispute-resolution section (IRO Handbook 7.11) over two years of concerns made through
 * the engine with the clock moved by hand: each figure as the concerns stood at the end of their year, with the
 * concerns behind it.
 */
@RunWith(Parameterized.class)
public class AnnualReportTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private static final int LAC_THIS = 0;
    private static final int LAC_BEFORE = 1;
    private static final int CP_THIS = 2;
    private static final int ALL_THIS = 4;
    private static final int ALL_BEFORE = 5;

    private final TestDatabase.Kind kind;
    private Engine engine;

    public AnnualReportTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2024-06-10T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().childOfTeam("lac", "Children in Care North", Cohort.LOOKED_AFTER)
                .childOfTeam("cp", "Safeguarding East", Cohort.CHILD_PROTECTION)
                .childOfTeam("both", "Children in Care North", Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION)
                .childOfTeam("old", "Children in Care North", Cohort.LOOKED_AFTER)
                .overseer("qa").staff("tm");
        for (String child : List.of("lac", "cp", "both", "old")) {
            engine.host().role(child.equals("cp") ? "cpc" : "iro", child.equals("cp") ? "CPC" : "IRO", child)
                    .role("tm", "TEAM_MANAGER", child).role("sm", "SERVICE_MANAGER", child)
                    .role("hos", "HEAD_OF_SERVICE", child);
        }
    }

    @After
    public void tearDown() {
        engine.close();
    }

    /** Two years: one challenge the year before, three in the year, one the year after. */
    private Concern[] history() {
        Concern old = raise("iro", "old", ConcernOrigin.RED_RAG_RATING, "CHILD_NOT_SEEN");
        engine.clock().set(london("2024-06-20T10:00"));
        resolve(old);

        engine.clock().set(london("2025-05-01T10:00"));
        Concern lac = raise("iro", "lac", ConcernOrigin.STARRED_DECISION, "CHILD_NOT_SEEN");
        Concern cp = raise("cpc", "cp", ConcernOrigin.STARRED_DECISION, "CORE_GROUP_NOT_MEETING");
        engine.clock().set(london("2025-05-06T11:00"));
        Concern considered = engine.host().as("iro",
                () -> engine.concerns().considerCafcassReferral(lac.id(), lac.version(), "Drift."));
        Concern referred = engine.host().as("iro", () -> engine.concerns().referToCafcass(considered.id(),
                considered.version(), ReferralMode.CONCURRENT, "Rights at risk."));
        engine.clock().set(london("2025-05-08T11:00"));
        resolve(referred);
        engine.host().as("cpc", () -> engine.concerns().escalate(cp.id(), cp.version(), null, null));

        engine.clock().set(london("2026-03-20T10:00"));
        Concern both = raise("iro", "both", ConcernOrigin.MISSED_STATUTORY_TIMETABLE, "CHILD_NOT_SEEN");
        engine.clock().set(london("2026-04-10T10:00"));
        resolve(both);
        raise("iro", "lac", ConcernOrigin.RED_RAG_RATING, "CHILD_NOT_SEEN");
        return new Concern[] {old, lac, cp, both};
    }

    @Test
    public void theYearsChallengesAreCountedAsTheyStoodAtItsEndTheYearBeforeBesideThem() {
        Concern[] c = history();
        DisputeResolutionReport report = engine.host().as("qa",
                () -> engine.annualReport.disputeResolution(new ReportYear(2025)));

        ReportRow all = row(report, "raised", "all");
        assertEquals("three raised in the year, one the year before; the April one is next year's", List.of(3.0, 1.0),
                List.of(all.figures().get(ALL_THIS).value(), all.figures().get(ALL_BEFORE).value()));
        assertEquals("a child both looked after and on a plan counts under each", 2,
                (int) all.figures().get(LAC_THIS).value());
        assertEquals(2, (int) all.figures().get(CP_THIS).value());
        assertEquals(1, (int) all.figures().get(LAC_BEFORE).value());
        assertEquals(1, (int) row(report, "raised", "origin/STARRED_DECISION").figures().get(LAC_THIS).value());

        Figure resolved = row(report, "outcomes", ConcernStatus.RESOLVED.name()).figures().get(ALL_THIS);
        assertEquals("resolved in April, after the year's end: open in this year's report", List.of(c[1].id()),
                resolved.concerns());
        assertEquals(List.of(c[2].id(), c[3].id()),
                row(report, "outcomes", ConcernStatus.OPEN.name()).figures().get(ALL_THIS).concerns());
        assertEquals(List.of(c[0].id()),
                row(report, "outcomes", ConcernStatus.RESOLVED.name()).figures().get(ALL_BEFORE).concerns());

        assertEquals(List.of(c[1].id()), row(report, "cafcass", "referred").figures().get(ALL_THIS).concerns());
        assertEquals(1, (int) row(report, "cafcass", "awaited").figures().get(LAC_THIS).value());
        assertEquals("no child on a plan alone was referred: the law allows none", 0,
                (int) row(report, "cafcass", "referred").figures().get(CP_THIS).value());

        // raised Thursday 1 May 2025, resolved Thursday 8 May: Monday 5 May a bank holiday
        Figure median = row(report, "time-to-resolve", "resolved/median-working-days").figures().get(ALL_THIS);
        assertEquals(4.0, median.value(), 0.001);
        assertEquals("4", median.shown());
        assertEquals(List.of(c[1].id()), median.concerns());
        assertEquals("seed 004 sets no total limit", 1,
                (int) row(report, "time-to-resolve", "resolved/no-limit").figures().get(ALL_THIS).value());

        ReportRow theme = report.table("themes").orElseThrow().rows().get(0);
        assertEquals("the theme most given this year first", "reason/CHILD_NOT_SEEN", theme.key());
        assertTrue(theme.label(), !theme.label().equals("CHILD_NOT_SEEN"));
        assertEquals(List.of(c[1].id(), c[3].id()), row(report, "teams", "team/Children in Care North").figures()
                .get(ALL_THIS).concerns());
        ReportRow cpc = row(report, "iros", "iro/cpc");
        assertEquals(List.of(c[2].id()), cpc.figures().get(ALL_THIS).concerns());
        assertEquals("stage reached: the child protection challenge escalated to the informal alert", List.of(
                c[2].id()), row(report, "stage-reached", "seed-004-alert-process/INFORMAL_ALERT").figures()
                        .get(ALL_THIS).concerns());

        assertEquals("every concern counted is listed once, both years", 4, report.concerns().size());
        ReportedConcern listed = report.concerns().stream().filter(r -> r.id().equals(c[3].id())).findFirst()
                .orElseThrow();
        assertEquals(ConcernStatus.OPEN, listed.status());
        assertEquals(null, listed.endedOn());
        assertEquals("Child both", listed.childName());
        assertEquals(LocalDate.of(2026, 3, 20), listed.raisedOn());
    }

    @Test
    public void theTwelveMonthsCountEachChallengeInTheMonthSomethingHappenedToIt() {
        Concern[] c = history();
        uk.starred.api.report.MonthlyTrends trends = engine.host().as("qa",
                () -> engine.annualReport.trends(java.time.YearMonth.of(2026, 4)));
        assertEquals(12, trends.months().size());
        assertEquals(java.time.YearMonth.of(2025, 5), trends.months().get(0));
        uk.starred.api.report.TrendSeries raised = trends.line("raised").orElseThrow();
        assertEquals("May 2025: the looked-after and the child protection challenges, raised at one moment",
                java.util.Set.of(c[1].id(), c[2].id()), java.util.Set.copyOf(raised.figures().get(0).concerns()));
        assertEquals(1, (int) raised.figures().get(10).value());
        assertEquals("the one raised the year before is not in the twelve months", 4, raised.total());
        assertEquals(List.of(c[1].id()), trends.line("resolved").orElseThrow().figures().get(0).concerns());
        assertEquals("resolved in April 2026", List.of(c[3].id()),
                trends.line("resolved").orElseThrow().figures().get(11).concerns());
        assertEquals(1, trends.line("referred").orElseThrow().total());
        assertEquals(3, trends.line("team/Children in Care North/raised").orElseThrow().total());
        assertEquals(List.of(c[2].id()), trends.line("iro/cpc/raised").orElseThrow().whole().concerns());
        assertEquals("reason/CHILD_NOT_SEEN", trends.reasons().get(0).key());
        assertThrows(NotPermittedException.class, () -> engine.host().as("tm",
                () -> engine.annualReport.trends(java.time.YearMonth.of(2026, 4))));
    }

    @Test
    public void theYearUnderWayIsCountedAsItStandsNowNotAsItWillAtItsEnd() {
        engine.clock().set(london("2026-11-16T10:00"));
        Concern lac = raise("iro", "lac", ConcernOrigin.STARRED_DECISION, "CHILD_NOT_SEEN");
        DisputeResolutionReport today = engine.host().as("qa",
                () -> engine.annualReport.disputeResolution(new ReportYear(2026)));
        assertEquals("its stage is not yet due", 0,
                (int) row(today, "time-to-resolve", "stages/open-late").figures().get(ALL_THIS).value());
        Instant due = lac.currentStage().orElseThrow().dueAt();
        engine.clock().set(due);
        DisputeResolutionReport later = engine.host().as("qa",
                () -> engine.annualReport.disputeResolution(new ReportYear(2026)));
        assertEquals("at its due moment it is overdue", List.of(lac.id()),
                row(later, "time-to-resolve", "stages/open-late").figures().get(ALL_THIS).concerns());
    }

    @Test
    public void onlyThoseWithOversightHaveTheReportAndAYearMustBeOne() {
        history();
        NotPermittedException refused = assertThrows(NotPermittedException.class, () -> engine.host().as("tm",
                () -> engine.annualReport.disputeResolution(new ReportYear(2025))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("annual report"));
        InvalidCommandException wrong = assertThrows(InvalidCommandException.class, () -> new ReportYear(1999));
        assertEquals("year", wrong.violations().get(0).field());
        assertEquals(new ReportYear(2025), ReportYear.containing(LocalDate.of(2026, 3, 31)));
        assertEquals(new ReportYear(2026), ReportYear.containing(LocalDate.of(2026, 4, 1)));
        assertEquals("2025 to 2026", new ReportYear(2025).name());
    }

    private static ReportRow row(DisputeResolutionReport report, String table, String key) {
        return report.table(table).orElseThrow().rows().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

    private Concern raise(String chair, String child, ConcernOrigin origin, String reason) {
        LocalDate today = LocalDate.ofInstant(engine.clock().instant(), java.time.ZoneId.of("Europe/London"));
        return engine.host().as(chair, () -> engine.concerns().raise(new RaiseConcern(child,
                SeedProcedures.ALERT_PROCESS_004, origin, List.of(reason), "Drift.", "A plan.", today.plusDays(14),
                "tm", null)));
    }

    /** Seed 004 resolves step 1 once the agreed solution is recorded as emailed. */
    private Concern resolve(Concern c) {
        long emailed = engine.host().as("iro", () -> engine.concerns().recordAction(c.id(), c.version(),
                "AGREED_SOLUTION_EMAILED", "Emailed to all involved")).version();
        return engine.host().as("iro", () -> engine.concerns().resolve(c.id(), emailed, "Plan agreed."));
    }
}
