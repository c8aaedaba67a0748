package uk.starred.impl.practice;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

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
import uk.starred.api.UnknownChildException;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Good practice alerts (seed 002: "recognise and report on good practice by individuals or teams") on H2
 * and PostgreSQL: who may recognise whom, the person told, and the report by team and by person.
 */
@RunWith(Parameterized.class)
public class GoodPracticeServiceTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public GoodPracticeServiceTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2026-11-02T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().childOfTeam("lac", "Children in Care", Cohort.LOOKED_AFTER)
                .childOfTeam("cp", "Safeguarding", Cohort.CHILD_PROTECTION)
                .role("iro", "IRO", "lac").role("cpc", "CPC", "cp").role("sw", "SOCIAL_WORKER", "lac")
                .role("sw", "SOCIAL_WORKER", "cp").role("tm", "TEAM_MANAGER", "lac").role("hos", "HEAD_OF_SERVICE", "lac")
                .role("therapist", "THERAPIST", "lac").team("hos", "Service Leadership").overseer("qa")
                .staff("stranger");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theIroRecognisesAWorkersPracticeWhoIsToldAndItIsReportedByTeamAndPerson() {
        GoodPractice sw = engine.host().as("iro", () -> engine.goodPractice.recognise("lac", "sw",
                "Visited every week through the placement move and kept the child's life story book going"));
        assertEquals("the team holding the child's case, the host naming none of the worker's own", "Children in Care",
                sw.team());
        assertEquals("iro", sw.recognisedBy());
        assertEquals(List.of("sw: good practice recognised"), engine.told());

        engine.clock.set(london("2026-11-20T10:00"));
        GoodPractice hos = engine.host().as("iro", () -> engine.goodPractice.recognise("lac", "hos",
                "Found a specialist placement within a day"));
        assertEquals("the person's own team, as the host names it", "Service Leadership", hos.team());
        engine.clock.set(london("2026-11-20T10:05"));
        GoodPractice cp = engine.host().as("cpc", () -> engine.goodPractice.recognise("cp", "sw",
                "Prepared the family well for conference"));
        assertEquals("Safeguarding", cp.team());

        assertEquals(List.of(hos, sw), engine.host().as("tm", () -> engine.goodPractice.forChild("lac")));
        List<GoodPractice> november = engine.host().as("qa",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertEquals(List.of(sw, hos, cp), november);
        assertEquals(List.of(), engine.host().as("qa",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))));
    }

    @Test
    public void onlyThoseWhoMayRaiseAConcernRecogniseAndOnlySomeoneElseInTheCase() {
        NotPermittedException worker = assertThrows(NotPermittedException.class, () -> engine.host().as("sw",
                () -> engine.goodPractice.recognise("lac", "tm", "Good supervision")));
        assertTrue(worker.getMessage(), worker.getMessage().contains("only the child's IRO or CPC may recognise good"
                + " practice in the case of child lac (sw holds SOCIAL_WORKER)"));
        InvalidCommandException self = assertThrows(InvalidCommandException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognise("lac", "iro", "Good chairing")));
        assertTrue(self.getMessage(), self.getMessage().contains("staffId: is you"));
        InvalidCommandException noRole = assertThrows(InvalidCommandException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognise("lac", "therapist", "Good therapy")));
        assertTrue(noRole.getMessage(), noRole.getMessage().contains("therapist holds no role for child lac"));
        InvalidCommandException unknown = assertThrows(InvalidCommandException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognise("lac", "nobody-known", "Good")));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("knows no member of staff 'nobody-known'"));
        InvalidCommandException blank = assertThrows(InvalidCommandException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognise("lac", " ", "")));
        assertTrue(blank.getMessage(), blank.getMessage().contains("staffId") && blank.getMessage().contains("practice"));
        assertThrows(UnknownChildException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognise("nobody", "sw", "Good")));

        assertEquals("nothing refused was kept", List.of(), engine.host().as("qa",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))));
        assertEquals("nobody was told anything", List.of(), engine.told());
    }

    @Test
    public void theCaseShowsItOnlyToThoseInItAndTheReportOnlyToThoseWhoOverseeTheService() {
        engine.host().as("iro", () -> engine.goodPractice.recognise("lac", "sw", "Kept the child's voice central"));
        assertThrows(NotPermittedException.class, () -> engine.host().as("stranger",
                () -> engine.goodPractice.forChild("lac")));
        assertThrows(NotPermittedException.class, () -> engine.host().as("therapist",
                () -> engine.goodPractice.forChild("lac")));
        assertEquals(1, engine.host().as("qa", () -> engine.goodPractice.forChild("lac")).size());
        NotPermittedException report = assertThrows(NotPermittedException.class, () -> engine.host().as("iro",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))));
        assertTrue(report.getMessage(), report.getMessage().contains("only those with oversight of the service"));
        InvalidCommandException backwards = assertThrows(InvalidCommandException.class, () -> engine.host().as("qa",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1))));
        assertTrue(backwards.getMessage(), backwards.getMessage().contains("to: must be after from"));
    }
}
