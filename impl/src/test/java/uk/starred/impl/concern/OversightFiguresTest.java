package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.Count;
import uk.starred.api.concern.OpenConcern;
import uk.starred.api.concern.OpenConcernSummary;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The oversight screen's list and figures (seed 000 section 8, seed 001 "Performance Management",
 * seed 004's quarterly reports), on H2 and PostgreSQL, with the clock moved by hand.
 */
@RunWith(Parameterized.class)
public class OversightFiguresTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public OversightFiguresTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2026-11-02T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().childOfTeam("lac", "Children in Care", Cohort.LOOKED_AFTER)
                .childOfTeam("cp", "Safeguarding", Cohort.CHILD_PROTECTION)
                .childOfTeam("old", "Children in Care", Cohort.LOOKED_AFTER)
                .overseer("qa").staff("nobody");
        for (String child : List.of("lac", "cp", "old")) {
            engine.host().role(child.equals("cp") ? "cpc" : "iro", child.equals("cp") ? "CPC" : "IRO", child)
                    .role("tm", "TEAM_MANAGER", child).role("sm", "SERVICE_MANAGER", child)
                    .role("hos", "HEAD_OF_SERVICE", child);
        }
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theMonthsFiguresCountWhatWasRaisedAndHowItEnded() {
        engine.clock().set(london("2026-10-20T10:00"));
        Concern old = raise("iro", "old", ConcernOrigin.RED_RAG_RATING, "CHILD_NOT_SEEN");
        engine.clock().set(london("2026-11-02T10:00"));
        Concern lac = raise("iro", "lac", ConcernOrigin.STARRED_DECISION, "CHILD_NOT_SEEN");
        Concern cp = raise("cpc", "cp", ConcernOrigin.STARRED_DECISION, "CORE_GROUP_NOT_MEETING");
        // resolved 3 working days after it was raised; the October one after 15
        engine.clock().set(london("2026-11-05T11:00"));
        Concern considered = engine.host().as("iro",
                () -> engine.concerns().considerCafcassReferral(lac.id(), lac.version(), "Drift."));
        Concern referred = engine.host().as("iro", () -> engine.concerns().referToCafcass(considered.id(),
                considered.version(), ReferralMode.CONCURRENT, "Rights at risk."));
        // seed 004 resolves step 1 once the agreed solution is recorded as emailed
        engine.host().as("iro", () -> engine.concerns().resolve(lac.id(), emailed(lac, referred.version()),
                "Visits done."));
        engine.host().as("iro", () -> engine.concerns().resolve(old.id(), emailed(old, old.version()),
                "Plan agreed."));
        Concern escalated = engine.host().as("cpc", () -> engine.concerns().escalate(cp.id(), cp.version(), null, null));
        NotPermittedException law = assertThrows(NotPermittedException.class, () -> engine.host().as("cpc",
                () -> engine.concerns().considerCafcassReferral(escalated.id(), escalated.version(), "Drift.")));
        assertTrue(law.getMessage(), law.getMessage().contains("Children Act 1989 s25B(3)"));

        OversightFigures november = engine.host().as("qa",
                () -> engine.oversight().figures(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertEquals(2, november.raised());
        assertEquals(2, november.starredDecisions());
        assertEquals("both endings fall in November", 2, november.resolved());
        assertEquals(2, november.resolvedWithinTarget());
        assertEquals(0, november.resolvedAfterTarget());
        assertEquals("seed 004 sets no total limit: no target is claimed for it", 2, november.resolvedWithoutLimit());
        assertEquals(0, november.resolvedWithinLimit());
        assertEquals(0, november.resolvedBeyondLimit());
        assertEquals((3 + 12) / 2.0, november.medianWorkingDaysToResolve(), 0.001);
        assertEquals(1, november.cafcassReferrals());
        assertEquals(1, november.lookedAfter());
        assertEquals(1, november.childProtection());
        assertEquals(1, november.openAtEnd());
        assertEquals(Map.of("CHILD_NOT_SEEN", 1L, "CORE_GROUP_NOT_MEETING", 1L), counts(november.reasons()));
        assertEquals(Map.of("seed-004-alert-process/CONVERSATION", 1L, "seed-004-alert-process/INFORMAL_ALERT", 1L),
                counts(november.stageReached()));

        OversightFigures october = engine.host().as("qa",
                () -> engine.oversight().figures(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        assertEquals(1, october.raised());
        assertEquals(0, october.resolved());
        assertEquals("the October concern was still open at the end of October", 1, october.openAtEnd());
        assertEquals(-1, october.medianWorkingDaysToResolve(), 0.0);
    }

    @Test
    public void aResolvedConcernIsMeasuredByItsOwnProceduresTotalLimitNotABlanketTwentyDays() {
        Procedure seed001 = engine.seed(SeedProcedures.DISPUTE_RESOLUTION_001);
        engine.host().childOfTeam("lac-2", "Children in Care", Cohort.LOOKED_AFTER).role("iro", "IRO", "lac-2")
                .role("tm", "TEAM_MANAGER", "lac-2").role("irom", "IRO_MANAGER", "lac-2");
        // seed 001's stages are formal from the first: 20 working days from Thu 1 October end with Thu 29 October
        engine.clock().set(london("2026-10-01T10:00"));
        Concern late = raise001(seed001, "lac-2");
        assertEquals(london("2026-10-30T00:00"), late.formalDueAt());
        engine.clock().set(london("2026-11-02T10:00"));
        Concern prompt = raise001(seed001, "lac-2");
        engine.clock().set(london("2026-11-10T10:00"));
        engine.host().as("iro", () -> engine.concerns().resolve(late.id(), late.version(), "Plan agreed."));
        engine.host().as("iro", () -> engine.concerns().resolve(prompt.id(), prompt.version(), "Plan agreed."));

        OversightFigures november = november();
        assertEquals(2, november.resolved());
        assertEquals("raised 2 November, resolved 10 November", 1, november.resolvedWithinLimit());
        assertEquals("its limit passed at the end of 29 October", 1, november.resolvedBeyondLimit());
        assertEquals(0, november.resolvedWithoutLimit());
        // the same, counted again from the concerns themselves
        engine.oversight.askRecount("qa");
        engine.oversight.foldCounts();
        OversightFigures again = november();
        assertEquals(1, again.resolvedWithinLimit());
        assertEquals(1, again.resolvedBeyondLimit());
    }

    private Concern raise001(Procedure seed001, String child) {
        return engine.host().as("iro", () -> engine.concerns().raise(new RaiseConcern(child, seed001.ref(),
                ConcernOrigin.STARRED_DECISION, List.of(seed001.reasons().get(0).code()), "Drift.", "A plan.",
                LocalDate.of(2026, 12, 31), "tm", null)));
    }

    @Test
    public void theFiguresAreTheSameFoldedIntoTotalsAndCountedAgainFromTheConcerns() {
        theMonthsFiguresCountWhatWasRaisedAndHowItEnded();
        OversightFigures november = november();
        OversightFigures october = engine.host().as("qa",
                () -> engine.oversight().figures(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        int changes = engine.db.count("oversight_count");

        OversightCounts.Folded folded = engine.oversight.foldCounts();
        assertEquals("not asked to count again", -1, folded.recounted());
        assertEquals(changes, folded.folded());
        assertTrue("one total a day, measure and item", engine.db.count("oversight_count") < changes);
        assertEquals(november, november());

        // as after an upgrade: the child's legal status at raising not recorded, so the host's is used
        engine.db.execute("UPDATE concern SET child_cohorts = NULL");
        engine.oversight.askRecount("an operator");
        assertEquals(november, november());
        assertEquals(october, engine.host().as("qa",
                () -> engine.oversight().figures(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1))));
        assertEquals("nothing left to count again", 0, engine.db.count("oversight_recount"));

        // what is done after the count is counted on top of it
        engine.clock().set(london("2026-11-20T10:00"));
        raise("iro", "lac", ConcernOrigin.RED_RAG_RATING, "CHILD_NOT_SEEN");
        assertEquals(november.raised() + 1, november().raised());
        assertEquals(november.openAtEnd() + 1, november().openAtEnd());
    }

    @Test
    public void changesMadeWhileTheConcernsAreCountedAgainAreKept() {
        Concern lac = raise("iro", "lac", ConcernOrigin.STARRED_DECISION, "CHILD_NOT_SEEN");
        engine.oversight.askRecount("an operator");
        // a command that wrote a later version than the count read keeps its change
        engine.db.execute("UPDATE oversight_count SET concern_version = concern_version + 1");
        engine.oversight.foldCounts();
        assertEquals("counted once from the concern, once from the later change", 2, november().raised());
        engine.db.execute("DELETE FROM oversight_count");
        engine.oversight.askRecount("an operator");
        assertEquals(1, november().raised());
        engine.host().as("iro", () -> engine.concerns().withdraw(lac.id(), lac.version(), "Raised in error."));
        OversightFigures after = november();
        assertEquals(1, after.withdrawn());
        assertEquals(0, after.openAtEnd());
    }

    private OversightFigures november() {
        return engine.host().as("qa", () -> engine.oversight().figures(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
    }

    @Test
    public void openConcernsAreFilteredAndTheMostOverdueComeFirst() {
        Concern lac = raise("iro", "lac", ConcernOrigin.STARRED_DECISION, "CHILD_NOT_SEEN");
        engine.clock().set(london("2026-11-04T10:00"));
        raise("cpc", "cp", ConcernOrigin.RED_RAG_RATING, "CORE_GROUP_NOT_MEETING");
        // the first is 72 working hours old on 5 November: overdue by the 9th
        engine.clock().set(london("2026-11-10T10:00"));

        List<OpenConcern> all = engine.host().as("qa", () -> engine.oversight().openConcerns(OversightQuery.all(100)));
        assertEquals(2, all.size());
        assertEquals(lac.id(), all.get(0).concern().id());
        assertTrue(all.get(0).workingDaysOverdue() > 0);
        assertEquals(8, all.get(0).daysOpen());
        assertEquals("Children in Care", all.get(0).team());
        assertEquals("Child lac", all.get(0).childName());

        assertEquals(List.of("cp"), children(new OversightQuery(null, "Safeguarding", null, null, false, 100)));
        assertEquals(List.of("cp"), children(new OversightQuery(null, null, "cpc", null, false, 100)));
        assertEquals(List.of("lac"), children(new OversightQuery(null, null, null, Cohort.LOOKED_AFTER, false, 100)));
        assertEquals(List.of(), children(new OversightQuery("seed-000-starred-decisions", null, null, null, false, 100)));
        // the list stops when full, the host's filters applied to what the database gives in order
        assertEquals(List.of("lac"), children(OversightQuery.all(1)));
        assertEquals(List.of("cp"), children(new OversightQuery(null, "Safeguarding", null, null, false, 1)));
        assertEquals("both past their due moment, the earlier first", List.of("lac", "cp"),
                children(new OversightQuery(null, null, null, null, true, 100)));
    }

    @Test
    public void onlyThoseWithOversightSeeTheFiguresAndAWrongPeriodIsNamed() {
        try {
            engine.host().as("nobody", () -> engine.oversight().figures(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
            fail("figures shown without oversight");
        } catch (NotPermittedException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("oversight"));
        }
        try {
            engine.host().as("qa", () -> engine.oversight().figures(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1)));
            fail("a reversed period accepted");
        } catch (InvalidCommandException wrong) {
            assertEquals("period", wrong.violations().get(0).field());
        }
        try {
            engine.host().as("qa", () -> engine.oversight().figures(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)));
            fail("two years accepted");
        } catch (InvalidCommandException wrong) {
            assertTrue(wrong.getMessage(), wrong.getMessage().contains("at most 400 days"));
        }
    }

    /** The children of the concerns listed, the same whether listed whole or as the screen's rows. */
    private List<String> children(OversightQuery query) {
        List<OpenConcern> whole = engine.host().as("qa", () -> engine.oversight().openConcerns(query));
        List<OpenConcernSummary> rows = engine.host().as("qa", () -> engine.oversight().openConcernSummaries(query));
        assertEquals(whole.size(), rows.size());
        for (int i = 0; i < whole.size(); i++) {
            Concern c = whole.get(i).concern();
            OpenConcernSummary row = rows.get(i);
            assertEquals(c.id(), row.concernId());
            assertEquals(c.childId(), row.childId());
            assertEquals(c.procedure(), row.procedure());
            assertEquals(c.raisedBy(), row.raisedBy());
            assertEquals(c.raisedAt(), row.raisedAt());
            assertEquals(c.currentStage().map(StageRecord::dueAt).orElse(null), row.stageDueAt());
            assertEquals(whole.get(i).stageName(), row.stageName());
            assertEquals(whole.get(i).childName(), row.childName());
            assertEquals(whole.get(i).team(), row.team());
            assertEquals(whole.get(i).cohorts(), row.cohorts());
            assertEquals(whole.get(i).procedureTitle(), row.procedureTitle());
            assertEquals(whole.get(i).daysOpen(), row.daysOpen());
            assertEquals(whole.get(i).workingDaysOverdue(), row.workingDaysOverdue());
        }
        return rows.stream().map(OpenConcernSummary::childId).toList();
    }

    private static Map<String, Long> counts(List<Count> counts) {
        return counts.stream().collect(Collectors.toMap(Count::key, Count::count));
    }

    private Concern raise(String chair, String child, ConcernOrigin origin, String reason) {
        return engine.host().as(chair, () -> engine.concerns().raise(new RaiseConcern(child,
                SeedProcedures.ALERT_PROCESS_004, origin, List.of(reason), "Drift.", "A plan.",
                LocalDate.of(2026, 12, 31), "tm", null)));
    }

    /** @return the concern's version once the agreed solution is recorded as emailed, which step 1 needs to resolve */
    private long emailed(Concern c, long version) {
        return engine.host().as("iro", () -> engine.concerns().recordAction(c.id(), version, "AGREED_SOLUTION_EMAILED",
                "Emailed to all involved")).version();
    }
}
