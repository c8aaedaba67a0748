package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;

/**
 * What the tab offers follows the procedure's separate rights and the law: the Child Protection Chair
 * of a child only on a plan is never offered a CAFCASS referral; those whose satisfaction resolves a
 * stage are asked for it, and the answer that completes it resolves the concern.
 */
public class TabRightsTest {

    private static final Procedure PROCEDURE = new Procedure("rights", "1.0.0", "Rights Procedure",
            Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION),
            List.of("IRO", "CPC", "TEAM_MANAGER", "HEAD_OF_QUALITY_ASSURANCE"),
            new Permissions(List.of("IRO", "CPC"), List.of("IRO", "CPC"), List.of("IRO", "CPC"), List.of("IRO")),
            List.of(Stage.builder("ALERT", "Alert").participants("IRO", "CPC", "TEAM_MANAGER").responders("TEAM_MANAGER")
                    .satisfiedBy(true, "IRO", "HEAD_OF_QUALITY_ASSURANCE").build(),
                    Stage.builder("LATER", "Later").participants("IRO", "CPC").build()),
            List.of(), null, null, Map.of());

    private Engine engine;
    private TabAtHand tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).with(PROCEDURE);
        engine.host().child("lac", Cohort.LOOKED_AFTER).child("cp", Cohort.CHILD_PROTECTION)
                .role("iro", "IRO", "lac").role("cpc", "CPC", "cp");
        for (String child : List.of("lac", "cp")) {
            engine.host().role("tm", "TEAM_MANAGER", child).role("qa", "HEAD_OF_QUALITY_ASSURANCE", child);
        }
        tab = new TabAtHand(engine);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private Concern raise(String who, String child) {
        return engine.host().as(who, () -> engine.concerns().raise(new RaiseConcern(child, PROCEDURE.ref(),
                ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of(Reason.OTHER.code()), "No plan.", "A plan",
                LocalDate.of(2026, 11, 30), "tm", null)));
    }

    @Test
    public void theChairOfAChildOnlyOnAPlanIsOfferedNoReferralButTheIroOfALookedAfterChildIs() throws Exception {
        raise("cpc", "cp");
        raise("iro", "lac");
        String chair = render("cpc", "cp");
        assertTrue("the chair escalates", chair.contains("value=\"escalate\""));
        assertFalse("the law: no referral of a child only on a plan", chair.contains("value=\"consider-cafcass\""));
        assertFalse(chair.contains("CAFCASS referral pack"));
        String iro = render("iro", "lac");
        assertTrue(iro.contains("value=\"consider-cafcass\""));
    }

    @Test
    public void thoseWhoseSatisfactionCountsAreAskedForItAndTheLastAnswerResolves() throws Exception {
        Concern c = raise("iro", "lac");
        String qa = render("qa", "lac");
        assertTrue(qa.contains("Resolved when the IRO and the Head of Quality Assurance are satisfied."));
        assertTrue(qa.contains("value=\"record-satisfaction\""));
        assertFalse("the Team Manager's satisfaction does not count", render("tm", "lac")
                .contains("value=\"record-satisfaction\""));

        TabOutcome iro = act("iro", "lac", Map.of("op", List.of("resolve"), "concern", List.of(c.id().toString()),
                "version", List.of("0"), "how", List.of("The plan is set.")));
        assertTrue(iro.message(), iro.isDone());
        TabOutcome noReasons = act("qa", "lac", Map.of("op", List.of("record-satisfaction"), "concern",
                List.of(c.id().toString()), "version", List.of("1"), "satisfied", List.of("false")));
        assertFalse(noReasons.isDone());
        assertTrue(noReasons.message(), noReasons.message().contains("reasons"));
        TabOutcome yes = act("qa", "lac", Map.of("op", List.of("record-satisfaction"), "concern",
                List.of(c.id().toString()), "version", List.of("1"), "satisfied", List.of("true")));
        assertTrue(yes.message(), yes.isDone());
        assertEquals(ConcernStatus.RESOLVED, engine.host().as("iro", () -> engine.concerns().find(c.id()))
                .orElseThrow().status());
        assertTrue(render("iro", "lac").contains("Satisfied"));
    }

    private TabOutcome act(String who, String child, Map<String, List<String>> form) {
        return tab.act(who, child, form);
    }

    private String render(String who, String child) {
        return tab.render(who, child);
    }
}
