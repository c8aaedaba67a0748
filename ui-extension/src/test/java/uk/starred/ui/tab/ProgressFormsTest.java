package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.ui.tab.TabAtHand.form;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The tab's forms for more time (seed 004's Team Manager explains, the IRO decides), for the update to the
 * child and family (seed 003), and for the IRO's timescale set anew on escalating, over the real engine on H2.
 */
public class ProgressFormsTest {

    private static final String ELI = "eli";
    private static final String DEV = "dev";
    private Engine engine;
    private TabAtHand tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-03-09T10:00"))
                .withSeed(SeedProcedures.ALERT_PROCESS_004).withSeed(SeedProcedures.DISPUTE_RESOLUTION_FLOW_CHART_003);
        engine.host().child(ELI, Cohort.LOOKED_AFTER).child(DEV, Cohort.LOOKED_AFTER)
                .role("iro", "IRO", ELI).role("iro", "IRO", DEV).role("tm", "TEAM_MANAGER", ELI)
                .role("tm", "TEAM_MANAGER", DEV).role("sw", "SOCIAL_WORKER", ELI);
        tab = new TabAtHand(engine);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theTeamManagerAsksForMoreTimeAndTheIroGrantsItThroughTheTab() {
        Concern c = engine.host().as("iro", () -> engine.concerns().raise(new RaiseConcern(ELI,
                SeedProcedures.ALERT_PROCESS_004, ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("KEY_MEETINGS_NOT_HELD"),
                "No stability meeting", "Stability meeting held", LocalDate.of(2026, 3, 31), "tm", null)));
        Concern atStepOne = c;
        c = engine.host().as("iro", () -> engine.concerns().escalate(atStepOne.id(), atStepOne.version(), null,
                "Not resolved within 72 hours"));
        assertFalse("no more time is offered to the Social Worker", render("sw", ELI).contains("Ask for more time"));
        assertTrue(render("tm", ELI).contains("Ask for more time"));

        // a day that is not a date is named, and nothing is asked
        TabOutcome wrong = act("tm", ELI, form("op", "request-more-time", "concern", c.id().toString(), "version",
                Long.toString(c.version()), "explanation", "The carers start next week", "until", "next week"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.message(), wrong.message().contains("until must be a date"));
        assertTrue(find(c).moreTime().isEmpty());

        TabOutcome asked = act("tm", ELI, form("op", "request-more-time", "concern", c.id().toString(), "version",
                Long.toString(c.version()), "explanation", "The carers start on 18 March <b>", "until", "2026-03-20"));
        assertTrue(asked.message(), asked.isDone());
        String page = render("iro", ELI);
        assertTrue(page, page.contains("Decide the request for more time"));
        assertTrue("the explanation is shown as text", page.contains("The carers start on 18 March &lt;b&gt;"));
        assertTrue(page.contains("Waiting for a decision"));

        Concern waiting = find(c);
        TabOutcome granted = act("iro", ELI, form("op", "decide-more-time", "concern", c.id().toString(), "version",
                Long.toString(waiting.version()), "granted", "true", "reasons", "The carers must be at the meeting"));
        assertTrue(granted.message(), granted.isDone());
        Concern decided = find(c);
        assertEquals(Boolean.TRUE, decided.moreTime().get(0).granted());
        // the end of Fri 20 March, London (GMT)
        assertEquals(Instant.parse("2026-03-21T00:00:00Z"), decided.currentStage().orElseThrow().dueAt());
        assertTrue(render("tm", ELI).contains(">Granted<"));
    }

    @Test
    public void theIroUpdatesTheChildAndFamilyFromTheDraftAndSetsANewTimescaleOnEscalating() {
        Concern c = engine.host().as("iro", () -> engine.concerns().raise(new RaiseConcern(DEV,
                SeedProcedures.DISPUTE_RESOLUTION_FLOW_CHART_003, ConcernOrigin.RED_RAG_RATING,
                List.of("RED_RAG_RATING"), "Therapy not started", "Therapy in place", LocalDate.of(2026, 4, 24), "tm",
                "STAGE_1")));
        String page = render("iro", DEV);
        assertTrue(page, page.contains("Update the child and family (due at this stage)"));
        assertTrue("the draft is in the form to adapt", page.contains("Where it is now: Stage 1: IRO alert"));
        assertFalse("the Team Manager is offered no update to send",
                render("tm", DEV).contains("Update the child and family"));

        TabOutcome sent = act("iro", DEV, form("op", "record-family-update", "concern", c.id().toString(), "version",
                Long.toString(c.version()), "sentTo", "Dev and his foster carers", "channel", "visit", "text",
                "Dev, I have asked your team to start the therapy by the end of the month."));
        assertTrue(sent.message(), sent.isDone());
        page = render("iro", DEV);
        assertTrue(page, page.contains("update to the child and family sent to Dev and his foster carers"));
        assertTrue(page, page.contains("Send another update to the child and family"));

        Concern updated = find(c);
        TabOutcome escalated = act("iro", DEV, form("op", "escalate", "concern", c.id().toString(), "version",
                Long.toString(updated.version()), "note", "No response", "remedyDueBy", "2026-05-08"));
        assertTrue(escalated.message(), escalated.isDone());
        assertEquals(LocalDate.of(2026, 5, 8), find(c).remedyDueBy());
    }

    private Concern find(Concern concern) {
        return engine.host().as("iro", () -> engine.concerns().find(concern.id())).orElseThrow();
    }

    private TabOutcome act(String who, String child, Map<String, List<String>> form) {
        return tab.act(who, child, form);
    }

    private String render(String who, String child) {
        return tab.render(who, child);
    }
}
