package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.ui.tab.TabAtHand.form;

import java.time.LocalDate;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.practice.GoodPractice;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/** The tab's good practice alerts over the real engine on H2: the IRO recognises, the others see it. */
public class GoodPracticeSectionTest {

    private Engine engine;
    private TabAtHand tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().childOfTeam("eli", "Looked After Children Team 2", Cohort.LOOKED_AFTER).role("iro", "IRO", "eli")
                .role("sw", "SOCIAL_WORKER", "eli").role("tm", "TEAM_MANAGER", "eli").role("therapist", "THERAPIST", "eli")
                .overseer("qa");
        tab = new TabAtHand(engine);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theIroRecognisesTheSocialWorkersPracticeThroughTheTabAndTheTeamManagerSeesIt() {
        assertFalse("the Team Manager may not recognise", tab.render("tm", "eli").contains("Recognise good practice"));
        String page = tab.render("iro", "eli");
        assertTrue(page, page.contains("Recognise good practice"));
        assertTrue("the child's people are offered", page.contains("<option value=\"sw\">Staff sw</option>"));
        assertFalse("not the IRO themself", page.contains("<option value=\"iro\">"));

        TabOutcome nothing = tab.act("iro", "eli", form("op", "recognise-good-practice", "staffId", "sw", "practice",
                ""));
        assertEquals(400, nothing.status());
        assertTrue(nothing.message(), nothing.message().contains("practice is required"));

        TabOutcome done = tab.act("iro", "eli", form("op", "recognise-good-practice", "staffId", "sw", "practice",
                "Kept <Eli>'s life story work going through the move"));
        assertTrue(done.message(), done.isDone());
        assertTrue(done.message(), done.message().contains("Staff sw has been told"));
        assertTrue("shown as text", tab.render("tm", "eli").contains("Kept &lt;Eli&gt;&#39;s life story work"));
        List<GoodPractice> all = engine.host().as("qa",
                () -> engine.goodPractice.recognised(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertEquals(1, all.size());
        assertEquals("Looked After Children Team 2", all.get(0).team());
        String therapist = tab.render("therapist", "eli");
        assertFalse("a role no procedure serving the child names sees none of it",
                therapist.contains("Good practice recognised"));
    }
}
