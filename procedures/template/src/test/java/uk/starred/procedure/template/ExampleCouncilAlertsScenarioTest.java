package uk.starred.procedure.template;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;

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
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * The procedure walked through the routes its document describes, on Starred's engine over a real
 * database, from the descriptor exactly as the bundle ships it. For a new procedure, write one test
 * per route the council's document describes, in its words, and assert what each person would see:
 * the stage and when it is due, who is told, what goes on the child's file, and what is refused.
 */
@RunWith(Parameterized.class)
public class ExampleCouncilAlertsScenarioTest {

    static final String DESCRIPTOR = "OSGI-INF/starred/example-council-alerts.yaml";
    static final ProcedureRef PROCEDURE = new ProcedureRef("example-council-alerts", "2.0.0");

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;
    private Scenario s;

    public ExampleCouncilAlertsScenarioTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, london("2026-11-02T09:00")).withDescriptor(DESCRIPTOR);
        s = new Scenario(engine);
        // The people of the scenario: who holds which role for which child. The staff ids are the host's.
        // Amy is looked after, Ben on a child protection plan, Cal both.
        engine.host().child("amy", Cohort.LOOKED_AFTER).child("ben", Cohort.CHILD_PROTECTION)
                .child("cal", Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION)
                .role("iro-ira", "IRO", "amy").role("cpc-cat", "CPC", "ben")
                .role("iro-ira", "IRO", "cal").role("cpc-cat", "CPC", "cal")
                .overseer("iro-manager");
        for (String child : List.of("amy", "ben", "cal")) {
            engine.host().role("sw-sam", "SOCIAL_WORKER", child).role("tm-ted", "TEAM_MANAGER", child)
                    .role("atm-ava", "ASSISTANT_TEAM_MANAGER", child).role("sm-sal", "SERVICE_MANAGER", child)
                    .role("hos-hen", "HEAD_OF_SERVICE", child);
        }
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private RaiseConcern alert(String child, String reason, String startAt) {
        return new RaiseConcern(child, PROCEDURE, ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of(reason),
                "No permanence plan at the second review", "Permanence planning meeting held",
                LocalDate.of(2026, 11, 30), "tm-ted", startAt);
    }

    @Test
    public void eitherManagerRespondsInFiveWorkingDaysThenTheServiceManagerMeetsTheIroBeforeItIsResolved() {
        // "The IRO ... raises an alert with the Team Manager or the Assistant Team Manager"
        s.at("2026-11-02T10:00");
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert("amy", "PLAN_DRIFT", null)));
        assertEquals("ALERT", current(c).stageId());
        // day one is Tue 3 November; the fifth working day, Mon 9, ends at midnight (GMT)
        assertEquals(Instant.parse("2026-11-10T00:00:00Z"), current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of("IRO Alert"), d.noteTypes());
        assertEquals(List.of("concern raised", "stage 'Alert to the Team Manager'"), d.to("tm-ted"));
        assertEquals(List.of("stage 'Alert to the Team Manager'"), d.to("atm-ava"));
        // "copying in the Social Worker": the same news, marked as a copy
        assertEquals(List.of("stage 'Alert to the Team Manager'"), d.to("sw-sam"));
        assertTrue(d.bodyTo("atm-ava", "stage 'Alert to the Team Manager'").contains(
                "A response is asked of the Team Manager or Assistant Team Manager"));
        assertTrue(d.bodyTo("sw-sam", "stage 'Alert to the Team Manager'").startsWith(
                "For your information (you are copied in)"));

        // "either of whom responds": here the Assistant Team Manager
        s.at("2026-11-06T15:00");
        c = s.by("atm-ava", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.DISAGREE,
                "The plan will be set at the next review", null));
        assertEquals("atm-ava", current(c).response().by());

        // "if unresolved, the Service Manager meets the IRO within 5 working days"
        s.at("2026-11-09T09:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().escalate(id, v, null, "The manager disagrees"));
        assertEquals("SERVICE_MANAGER_MEETING", current(c).stageId());
        assertEquals(Instant.parse("2026-11-17T00:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of("stage 'Meeting with the Service Manager'"), d.to("sm-sal"));

        // "the meeting is held before the concern is resolved or goes further"
        Concern unmet = c;
        StageNotAllowedException noMeeting = Expect.thrown(StageNotAllowedException.class, () -> s.as("iro-ira",
                () -> engine.concerns().resolve(unmet.id(), unmet.version(), "Agreed on the phone")));
        assertTrue(noMeeting.getMessage(), noMeeting.getMessage().contains(
                "Meeting held between the IRO and the Service Manager (not yet recorded)"));
        Expect.thrown(StageNotAllowedException.class, () -> s.as("iro-ira",
                () -> engine.concerns().escalate(unmet.id(), unmet.version(), null, null)));
        assertEquals(unmet.version(), s.as("iro-ira", () -> engine.concerns().find(unmet.id()).orElseThrow()).version());

        s.at("2026-11-12T14:00");
        c = s.by("sm-sal", c, (id, v) -> engine.concerns().recordAction(id, v, "MEETING_HELD", "Met the IRO"));
        c = s.by("sm-sal", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.AGREE, null, List.of(
                new NewAgreedAction("Permanence planning meeting held", "tm-ted", LocalDate.of(2026, 11, 20)))));
        s.at("2026-11-20T16:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().resolve(id, v, "Permanence planning meeting held"));

        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals(List.of("ALERT COMPLETED", "SERVICE_MANAGER_MEETING COMPLETED"), stages(c));
        // the descriptor puts only the alert and its resolution on the child's file
        assertEquals(List.of("IRO Alert", "IRO Alert"), s.noteTypesOnFile());
        assertEquals(List.of("raise by iro-ira", "respond by atm-ava", "escalate by iro-ira", "recordAction by sm-sal",
                "respond by sm-sal", "resolve by iro-ira"), s.trail(c.id(), "iro-manager"));
        assertTrue(s.trailIntact(c.id(), "iro-manager"));
    }

    @Test
    public void whenNeitherManagerRespondsTheIroIsPromptedAtTheDeadline() {
        s.at("2026-11-02T10:00");
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert("amy", "PLAN_DRIFT", null)));
        s.delivered();
        // amber on the last working day, Monday 9 November, from its first moment
        assertEquals(List.of(), s.firedAt("2026-11-08T23:59", "amy").messages());
        Delivered soon = s.firedAt("2026-11-09T00:00", "amy");
        assertEquals(List.of("stage 'Alert to the Team Manager' due soon"), soon.to("tm-ted"));
        assertEquals(List.of("stage 'Alert to the Team Manager' due soon"), soon.to("atm-ava"));
        // "if neither responds, the IRO decides what happens next": at midnight ending Monday
        assertEquals(List.of(), s.firedAt("2026-11-09T23:59", "amy").messages());
        Delivered due = s.firedAt("2026-11-10T00:00", "amy");
        assertEquals(List.of("decision needed", "stage 'Alert to the Team Manager' overdue"), due.to("iro-ira"));
        assertEquals(List.of("stage 'Alert to the Team Manager' overdue"), due.to("atm-ava"));
        assertEquals(List.of(), due.to("sw-sam"));
        assertEquals(List.of("RED INFORMAL_ALERT", "RED STAGE_OVERDUE"), s.as("iro-ira", () -> s.alerts("amy")));
        // prompting moves nothing: the concern waits at the alert for the IRO
        assertEquals("ALERT", current(s.as("iro-ira", () -> engine.concerns().find(c.id()).orElseThrow())).stageId());
    }

    @Test
    public void aChairGoesStraightToTheHeadOfServiceButOnlyTheIroOfALookedAfterChildRefersToCafcass() {
        s.at("2026-11-02T10:00");
        // "in serious cases the IRO may go straight to the Head of Service"
        Concern ben = s.as("cpc-cat", () -> engine.concerns().raise(alert("ben", "CORE_GROUP_NOT_MEETING",
                "HEAD_OF_SERVICE")));
        assertEquals(List.of("HEAD_OF_SERVICE ACTIVE"), stages(ben));
        s.delivered();
        // the law: Ben is only on a child protection plan, so nobody may refer him to CAFCASS
        NotPermittedException law = Expect.thrown(NotPermittedException.class, () -> s.as("cpc-cat",
                () -> engine.concerns().considerCafcassReferral(ben.id(), ben.version(), "No core group for a month")));
        assertTrue(law.getMessage(), law.getMessage().contains("Children Act 1989 s25B(3)"));

        // Cal is looked after and on a plan: the IRO may refer, "telling the Head of Service first"
        Concern c = s.as("iro-ira", () -> engine.concerns().raise(alert("cal", "CORE_GROUP_NOT_MEETING", null)));
        s.delivered();
        Concern untold = c;
        StageNotAllowedException notTold = Expect.thrown(StageNotAllowedException.class, () -> s.as("iro-ira",
                () -> engine.concerns().referToCafcass(untold.id(), untold.version(), ReferralMode.CONCURRENT, "Drift")));
        assertTrue(notTold.getMessage(), notTold.getMessage().contains("HEAD_OF_SERVICE"));
        Expect.thrown(NotPermittedException.class, () -> s.as("cpc-cat",
                () -> engine.concerns().considerCafcassReferral(untold.id(), untold.version(), "Drift")));
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().considerCafcassReferral(id, v, "No core group for a month"));
        assertEquals(List.of("CAFCASS referral being considered"), s.delivered().to("hos-hen"));
        s.at("2026-11-03T10:00");
        c = s.by("iro-ira", c, (id, v) -> engine.concerns().referToCafcass(id, v, ReferralMode.CONCURRENT,
                "No core group for a month"));
        // 14 calendar days from Tue 3 November: day 14 is Tue 17, ending at midnight
        assertEquals(Instant.parse("2026-11-18T00:00:00Z"), c.cafcass().decisionDueAt());
    }

    @Test
    public void aReasonIsAcceptedOnlyForTheChildrenItAppliesTo() {
        s.at("2026-11-02T10:00");
        InvalidCommandException refused = Expect.thrown(InvalidCommandException.class,
                () -> s.as("iro-ira", () -> engine.concerns().raise(alert("amy", "CORE_GROUP_NOT_MEETING", null))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("'CORE_GROUP_NOT_MEETING' applies to children"));
        assertEquals(List.of(), s.as("iro-manager", () -> engine.concerns().concernsForChild("amy")));
    }
}
