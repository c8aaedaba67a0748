package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.alert.AlertKind;
import uk.starred.api.alert.Rag;
import uk.starred.api.concern.Concern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The "Dispute resolution" tab over the real engine on H2, as each person sees and uses it: what it
 * offers by role, that it escapes what the record holds, and that a wrong form changes nothing.
 */
public class DisputeResolutionTabTest {

    private static final String CHILD = "child-1";
    private Engine engine;
    private DisputeResolutionTab tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).withSeed(SeedProcedures.STARRED_DECISIONS_000);
        engine.host().child(CHILD, Cohort.LOOKED_AFTER).role("iro", "IRO", CHILD).role("tm", "TEAM_MANAGER", CHILD)
                .role("sm", "SERVICE_MANAGER", CHILD).role("sw", "SOCIAL_WORKER", CHILD).staff("stranger");
        tab = new DisputeResolutionTab(engine.concerns(), engine.alerts(), engine.host(), engine.host(), engine.library,
                engine.calendar, engine.goodPractice, engine.subjectAccess, engine.clock());
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void theIroStarsADecisionThroughTheTabsForm() {
        TabOutcome outcome = act("iro", raise("2026-11-20", "Drift in the plan."));
        assertTrue(outcome.message(), outcome.isDone());
        assertTrue(outcome.message(), outcome.message().startsWith("Concern raised"));
        List<Concern> concerns = engine.host().as("iro", () -> engine.concerns().concernsForChild(CHILD));
        assertEquals(1, concerns.size());
        assertEquals(concerns.get(0).id().toString(), outcome.parameters().get("concern"));
    }

    @Test
    public void aWrongDateIsNamedAndNothingIsRaised() {
        TabOutcome outcome = act("iro", raise("20/11/2026", "Drift."));
        assertEquals(400, outcome.status());
        assertTrue(outcome.message(), outcome.message().contains("remedyDueBy must be a date written as year-month-day"));
        assertTrue(engine.host().as("iro", () -> engine.concerns().concernsForChild(CHILD)).isEmpty());
    }

    @Test
    public void aRefusedFormIsDrawnAgainOpenWithWhatWasEntered() {
        Map<String, List<String>> form = raise("20/11/2026", "Drift in the plan, as discussed.");
        assertEquals(400, act("iro", form).status());
        StringBuilder out = new StringBuilder();
        engine.host().as("iro", () -> {
            try {
                tab.render(view("iro", form), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        String page = out.toString();
        assertTrue(page, page.contains("<details class=\"starred-details\" open><summary class=\"starred-summary\">"
                + "Raise a concern or star a decision"));
        assertTrue("the description is kept", page.contains(">Drift in the plan, as discussed.</textarea>"));
        assertTrue("the wrong date is shown to be corrected", page.contains("value=\"20/11/2026\""));
        assertTrue("the reason stays ticked", page.contains("value=\"DRIFT_OR_DELAY\" checked>"));
    }

    @Test
    public void aPersonWithoutTheRoleIsRefusedBy403AndNothingChanges() {
        Concern concern = raised();
        Map<String, List<String>> form = form("op", "escalate", "concern", concern.id().toString(), "version",
                Long.toString(concern.version()));
        TabOutcome outcome = act("tm", form);
        assertEquals(403, outcome.status());
        assertEquals(concern.version(), find(concern).version());
    }

    @Test
    public void aStaleFormIsRefusedBy409() {
        Concern concern = raised();
        act("tm", form("op", "respond", "concern", concern.id().toString(), "version", "0", "kind", "AGREE"));
        TabOutcome again = act("tm", form("op", "respond", "concern", concern.id().toString(), "version", "0",
                "kind", "DISAGREE", "reasons", "changed my mind"));
        assertEquals(409, again.status());
    }

    @Test
    public void theTeamManagerAgreesWithTheActionsToBeMonitored() {
        Concern concern = raised();
        Map<String, List<String>> form = form("op", "respond", "concern", concern.id().toString(), "version",
                Long.toString(concern.version()), "kind", "AGREE");
        form.put("agreedAction", List.of("Permanence meeting held", ""));
        form.put("agreedActionResponsible", List.of("sm", "tm"));
        form.put("agreedActionDueBy", List.of("2026-11-16", ""));
        TabOutcome outcome = act("tm", form);
        assertTrue(outcome.message(), outcome.isDone());
        Concern agreed = find(concern);
        assertEquals(1, agreed.agreedActions().size());
        assertEquals("Permanence meeting held", agreed.agreedActions().get(0).description());
        assertEquals("sm", agreed.agreedActions().get(0).responsible());
    }

    @Test
    public void anAgreedActionWithoutItsDateIsNamedAndNothingIsRecorded() {
        Concern concern = raised();
        Map<String, List<String>> form = form("op", "respond", "concern", concern.id().toString(), "version",
                Long.toString(concern.version()), "kind", "AGREE");
        form.put("agreedAction", List.of("Permanence meeting held"));
        form.put("agreedActionResponsible", List.of("tm"));
        TabOutcome outcome = act("tm", form);
        assertEquals(400, outcome.status());
        assertTrue(outcome.message(), outcome.message().contains("agreedActionDueBy agreed action 1: give the date"));
        assertEquals(concern.version(), find(concern).version());
    }

    @Test
    public void theRecordIsShownAsTextAndTheFormsFollowTheRoles() throws Exception {
        raised();
        String iro = render("iro");
        assertTrue(iro.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(iro.contains("<img src=x"));
        assertTrue("the IRO may raise", iro.contains("Raise a concern or star a decision"));
        assertTrue("the IRO may escalate", iro.contains("value=\"escalate\""));
        assertFalse("the IRO is not the one to respond", iro.contains("value=\"respond\""));
        assertTrue("where the process is heading", iro.contains("Projected end"));
        assertTrue(iro, iro.contains("If every stage runs to its limit, by"));

        String tm = render("tm");
        assertTrue("the Team Manager is asked", tm.contains("What is asked of you"));
        assertTrue("the Team Manager responds", tm.contains("value=\"respond\""));
        assertFalse("the Team Manager does not escalate", tm.contains("value=\"escalate\""));
        assertFalse(tm.contains("Raise a concern or star a decision"));
        assertTrue("the forms carry the host's CSRF token", tm.contains("name=\"csrf\" value=\"token-123\""));
    }

    @Test
    public void aStageDueAtTheEndOfTheDayIsDueSoonAllThatDayOnTheTabAsInTheAlertArea() {
        // raised on Monday 2 November at 09:00: 5 working days, due at the end of Monday 9 November
        raised();
        engine.clock().set(london("2026-11-09T12:00"));
        String iro = render("iro");
        assertTrue(iro, iro.contains("starred-tag-amber\">Due soon</strong>"));
        assertFalse(iro.contains(">On track</strong>"));
        assertTrue(engine.host().as("iro", () -> engine.alerts().alertsForChild(CHILD)).stream()
                .anyMatch(a -> a.kind() == AlertKind.STAGE_DUE_SOON && a.rag() == Rag.AMBER));

        engine.clock().set(london("2026-11-08T12:00"));
        assertTrue("the Sunday before, it is on track", render("iro").contains("starred-tag-green\">On track</strong>"));
    }

    @Test
    public void onceTheTeamManagerAgreesTheStageIsNeverShownOverdue() {
        Concern concern = raised();
        assertTrue(act("tm", form("op", "respond", "concern", concern.id().toString(), "version",
                Long.toString(concern.version()), "kind", "AGREE")).isDone());
        engine.clock().set(london("2026-11-12T12:00"));
        String iro = render("iro");
        assertFalse(iro, iro.contains(">Overdue</strong>"));
        assertTrue(engine.host().as("iro", () -> engine.alerts().alertsForChild(CHILD)).stream()
                .noneMatch(a -> a.rag() == Rag.RED));
    }

    @Test
    public void theTabIsHiddenFromThoseWithNoRoleForTheChild() {
        assertTrue(tab.isVisible(view("sw", Map.of())));
        assertFalse(tab.isVisible(view("stranger", Map.of())));
    }

    @Test
    public void theReferralPackListsTheChecklistAndTheChronology() throws Exception {
        Concern concern = raised();
        StringBuilder out = new StringBuilder();
        engine.host().as("iro", () -> {
            try {
                tab.render(view("iro", Map.of("view", List.of("cafcass-pack"), "concern", List.of(concern.id().toString()))),
                        out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        String pack = out.toString();
        assertTrue(pack.contains("CAFCASS referral pack"));
        assertTrue(pack.contains("Copies of any final care order"));
        assertTrue(pack.contains("Starred decision raised"));
        assertTrue(pack.contains("The IRO's report (draft)"));
    }

    private Concern raised() {
        TabOutcome outcome = act("iro", raise("2026-11-20", "Drift. <img src=x onerror=alert(1)>"));
        assertTrue(outcome.message(), outcome.isDone());
        return engine.host().as("iro", () -> engine.concerns().concernsForChild(CHILD)).get(0);
    }

    private Concern find(Concern concern) {
        return engine.host().as("iro", () -> engine.concerns().find(concern.id())).orElseThrow();
    }

    private static Map<String, List<String>> raise(String due, String description) {
        Map<String, List<String>> form = form("op", "raise", "procedure", "seed-000-starred-decisions@2.0.0", "origin",
                "STARRED_DECISION", "description", description, "remedyWanted", "A plan.", "remedyDueBy", due,
                "responsiblePerson", "tm");
        form.put("reasons", List.of("DRIFT_OR_DELAY"));
        return form;
    }

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    private TabOutcome act(String who, Map<String, List<String>> form) {
        return engine.host().as(who, () -> tab.act(view(who, form)));
    }

    private String render(String who) {
        StringBuilder out = new StringBuilder();
        engine.host().as(who, () -> {
            try {
                tab.render(view(who, Map.of()), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return out.toString();
    }

    private static CaseView view(String who, Map<String, List<String>> parameters) {
        return new CaseView(CaseScreens.CHILD, who, CHILD, parameters, "/case/" + CHILD, "csrf", "token-123",
                "/case/{childId}");
    }
}
