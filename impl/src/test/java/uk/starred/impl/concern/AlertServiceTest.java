package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertKind;
import uk.starred.api.alert.Rag;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;
import uk.starred.testkit.Expect;

/**
 * A child's alerts as the people on the case see them: what is open, how urgent (green, amber from
 * the start of the last working day, red from the due moment), who must act, and only for those who
 * may see the child's concerns.
 */
@RunWith(Parameterized.class)
public class AlertServiceTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public AlertServiceTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1").role("sm-1", "SERVICE_MANAGER", "C1")
                .role("hos-1", "HEAD_OF_SERVICE", "C1").overseer("qa-1").staff("sw-other");
        engine.host.signIn("iro-1");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private Concern starred() {
        return engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.STARRED_DECISION, List.of("PLAN_DRIFT"), "Contact reduced without the IRO's agreement",
                "Contact restored", LocalDate.of(2026, 12, 4), "tm-1", null));
    }

    private List<String> seen(String staffId, String at) {
        engine.clock.set(Instant.parse(at));
        return engine.host.as(staffId, () -> engine.alerts.alertsForChild("C1")).stream()
                .map(a -> a.rag() + " " + a.kind() + " " + a.title() + " -> " + a.mustAct()).toList();
    }

    @Test
    public void aStarredDecisionIsGreenThenAmberOnItsLastWorkingDayThenRedAtItsDueMoment() {
        Concern c = starred();
        // Ratification: 2 working days from Mon 16 -> due 00:00 Thu 19 November, amber from 00:00 Wed 18
        assertEquals(List.of("GREEN STARRED_DECISION Ratification -> [tm-1]"), seen("iro-1", "2026-11-17T23:59:59Z"));
        assertEquals(List.of("AMBER STARRED_DECISION Ratification -> [tm-1]",
                "AMBER STAGE_DUE_SOON Ratification -> [tm-1]"), seen("iro-1", "2026-11-18T00:00:00Z"));
        assertEquals(List.of("RED STARRED_DECISION Ratification -> [tm-1]", "RED STAGE_OVERDUE Ratification -> [tm-1]"),
                seen("tm-1", "2026-11-19T00:00:00Z"));
        Alert alert = engine.host.as("tm-1", () -> engine.alerts.alertsForChild("C1")).get(0);
        assertEquals(c.id(), alert.concernId());
        assertEquals(Instant.parse("2026-11-19T00:00:00Z"), alert.dueAt());
        assertTrue(alert.detail(), alert.detail().startsWith("A response is asked of the Team Manager"));
    }

    @Test
    public void onceAnsweredTheIroMustActAndAFormalStageIsAFormalAlert() {
        Concern c = starred();
        engine.host.signIn("tm-1");
        c = engine.concerns.respond(c.id(), c.version(), ResponseKind.DISAGREE, "Contact is safe as it is", null);
        assertEquals(List.of("GREEN STARRED_DECISION Ratification -> [iro-1]"), seen("sw-1", "2026-11-16T11:00:00Z"));
        engine.host.signIn("iro-1");
        c = engine.concerns.escalate(c.id(), c.version(), null, "Disagreement");
        c = engine.concerns.escalate(c.id(), c.version(), null, "No meeting");
        assertEquals(List.of("GREEN FORMAL_ALERT Formal resolution -> [iro-1]"), seen("iro-1", "2026-11-16T12:00:00Z"));
    }

    @Test
    public void agreedActionsOverdueAndCafcassAwaitedStandAfterTheProcedureEnds() {
        Concern c = starred();
        engine.host.signIn("tm-1");
        c = engine.concerns.respond(c.id(), c.version(), ResponseKind.AGREE, null,
                List.of(new NewAgreedAction("Contact restored to weekly", "sw-1", LocalDate.of(2026, 11, 20))));
        engine.host.signIn("iro-1");
        c = engine.concerns.resolve(c.id(), c.version(), "Agreed");
        assertEquals("nothing while the action is within its date", List.of(), seen("iro-1", "2026-11-20T23:59:59Z"));
        assertEquals(List.of("RED AGREED_ACTION_OVERDUE Contact restored to weekly -> [sw-1]"),
                seen("iro-1", "2026-11-21T00:00:00Z"));

        Concern other = starred();
        other = engine.concerns.considerCafcassReferral(other.id(), other.version(), "Drift");
        other = engine.concerns.referToCafcass(other.id(), other.version(), ReferralMode.CURTAILED, "Urgent");
        // referred Sat 21 November + 14 calendar days -> due 00:00 Sun 6 December
        assertEquals(List.of("RED AGREED_ACTION_OVERDUE Contact restored to weekly -> [sw-1]",
                "AMBER CAFCASS_REFERRAL Referred to CAFCASS -> [iro-1]"), seen("iro-1", "2026-12-05T23:59:59Z"));
        assertTrue(seen("iro-1", "2026-12-06T00:00:00Z").contains("RED CAFCASS_REFERRAL Referred to CAFCASS -> [iro-1]"));
        engine.concerns.recordCafcassDecision(other.id(), other.version(), CafcassDecision.NO_PROCEEDINGS, "No");
        assertEquals(List.of("RED AGREED_ACTION_OVERDUE Contact restored to weekly -> [sw-1]"),
                seen("iro-1", "2026-12-06T00:00:00Z"));
    }

    @Test
    public void onlyThoseWhoMaySeeTheChildsConcernsSeeItsAlertsAndAWithdrawnConcernHasNone() {
        Concern c = starred();
        assertEquals(List.of(), seen("sw-other", "2026-11-16T11:00:00Z"));
        assertEquals(1, seen("qa-1", "2026-11-16T11:00:00Z").size());
        assertEquals(1, seen("sw-1", "2026-11-16T11:00:00Z").size());
        engine.concerns.withdraw(c.id(), c.version(), "Raised in error");
        assertEquals(List.of(), seen("iro-1", "2026-11-16T11:00:00Z"));
        InvalidCommandException blank = Expect.thrown(InvalidCommandException.class,
                () -> engine.alerts.alertsForChild(" "));
        assertTrue(blank.getMessage(), blank.getMessage().contains("childId: is required"));
    }
}
