package uk.starred.ui.tab;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.ui.tab.TabAtHand.form;

import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The readable subject access document on the child's screen: everything held about the child, for those who
 * oversee the service and no one else, with what people wrote shown as text.
 */
public class SubjectAccessDocumentTest {

    private static final Map<String, List<String>> DOCUMENT = Map.of("tab", List.of(DisputeResolutionTab.KEY),
            "view", List.of("subject-access"));

    private Engine engine;
    private TabAtHand tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).withSeed(SeedProcedures.ALERT_PROCESS_004);
        engine.host().childOfTeam("eli", "Looked After Children Team 2", Cohort.LOOKED_AFTER).role("iro", "IRO", "eli")
                .role("sw", "SOCIAL_WORKER", "eli").role("tm", "TEAM_MANAGER", "eli").overseer("qa");
        tab = new TabAtHand(engine);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theOverseerReadsEverythingHeldAboutTheChildAndOthersAreRefused() {
        TabOutcome done = tab.act("iro", "eli", form("op", "recognise-good-practice", "staffId", "sw", "practice",
                "Kept <Eli>'s life story work going"));
        assertTrue(done.message(), done.isDone());
        tab.render("sw", "eli");

        assertFalse("no link for the IRO", tab.render("iro", "eli").contains("subject access request"));
        assertTrue("a link for the overseer", tab.render("qa", "eli").contains("for a subject access request</a>"));
        String refused = tab.render("iro", "eli", DOCUMENT);
        assertTrue(refused, refused.contains("Only those who oversee the service"));
        assertFalse(refused.contains("Kept &lt;Eli&gt;"));

        String document = tab.render("qa", "eli", DOCUMENT);
        assertTrue(document, document.contains("Everything held about"));
        assertTrue("good practice, as text", document.contains("Kept &lt;Eli&gt;&#39;s life story work going"));
        assertFalse("nothing made markup", document.contains("<Eli>"));
        for (String section : List.of("Concerns", "Audit trail", "Looked-after reviews", "Good practice recognised",
                "Notes and messages written about the child", "Who has seen these records")) {
            assertTrue(section, document.contains(">" + section + "</h3>"));
        }
        assertTrue("the social worker's look is on record", document.contains("GOOD_PRACTICE"));
        assertTrue("and this export", document.contains("SUBJECT_ACCESS_EXPORT"));
        assertTrue("the JSON beside it", document.contains("/starred/api/v1/children/eli/subject-access"));
    }
}
