package uk.starred.testkit.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;
import static uk.starred.testkit.seeds.SeedProcedures.DIRECTOR_OF_CHILDRENS_SERVICES;
import static uk.starred.testkit.seeds.SeedProcedures.DISPUTE_RESOLUTION;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.IRO_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.S002_INFORMAL;
import static uk.starred.testkit.seeds.SeedProcedures.S002_LEVEL_1;
import static uk.starred.testkit.seeds.SeedProcedures.S002_LEVEL_2;
import static uk.starred.testkit.seeds.SeedProcedures.S002_LEVEL_3;
import static uk.starred.testkit.seeds.SeedProcedures.S002_REVIEW_DECISIONS;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_DELIVERY_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.SOCIAL_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Seed 002, the Looked After Reviews procedure's Local Dispute Resolution Process, walked for Cara, a
 * looked-after child: a concern the IRO takes straight to the Heads of Service at level 2, resolved
 * there inside the 20 working days; and a review decision the Service Delivery Manager disagrees
 * with inside the five working days, through informal resolution and the three levels to the
 * Director of Children's Services.
 */
public abstract class Seed002LookedAfterReviewsScenarios extends SeedScenarios {

    protected String cara;
    protected String dan;

    @Before
    public void setUp() {
        begin(london("2026-10-01T09:00"), SeedProcedures.LOOKED_AFTER_REVIEWS_002);
        cara = engine.childId("cara");
        dan = engine.childId("dan");
        engine.host().child(cara, Cohort.LOOKED_AFTER).child(dan, Cohort.CHILD_PROTECTION)
                .role("iro-ivy", IRO, cara).role("iro-ivy", IRO, dan)
                .role("sw-sol", SOCIAL_WORKER, cara)
                .role("tm-tia", TEAM_MANAGER, cara).role("tm-tia", TEAM_MANAGER, dan)
                .role("sdm-dan", SERVICE_DELIVERY_MANAGER, cara)
                .role("irom-ian", IRO_MANAGER, cara)
                // the respective Heads of Service: of the IRO Service, and of Cara's area team
                .role("hos-hana", HEAD_OF_SERVICE, cara)
                .role("hos-hugh", HEAD_OF_SERVICE, cara)
                .role("dcs-dora", DIRECTOR_OF_CHILDRENS_SERVICES, cara)
                .overseer("qa-lead");
        engine.host().signIn("iro-ivy");
    }

    @Test
    public void theIroEntersAtLevelTwoAndTheHeadsOfServiceResolveItWithinTwentyWorkingDays() {
        // "they can enter this three stage process at any level"
        s.at("2026-10-05T10:00");
        Concern c = engine.concerns().raise(new RaiseConcern(cara, procedure.ref(),
                ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("DRIFT_IN_PLAN", "NO_PERMANENCE_PLAN"),
                "Eleven months looked after with no permanence plan; family finding has not started",
                "Permanence plan with a parallel plan recorded, and family finding started", LocalDate.of(2026, 10, 30),
                "hos-hugh", S002_LEVEL_2));
        assertEquals(List.of("LEVEL_2 ACTIVE"), stages(c));
        assertEquals("Entered directly at raising", current(c).note());
        assertNull("the levels have no timescale of their own", current(c).dueAt());
        // 20 working days from Mon 5 October: Tue 6 is day 1, Fri 30 October day 19, Mon 2 November day 20;
        // the clocks go back on Sun 25 October -> due 00:00 Tue 3 November (GMT) = 2026-11-03T00:00:00Z
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), c.formalDueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("concern raised", "stage 'Level 2: the respective Heads of Service'"), d.to("hos-hugh"));
        assertEquals(List.of("stage 'Level 2: the respective Heads of Service'"), d.to("hos-hana"));
        assertEquals(List.of("hos-hana", "hos-hugh"), d.recipients());

        s.at("2026-10-14T14:00");
        c = engine.concerns().recordCommunication(c.id(), c.version(), "Heads of Service", "meeting",
                "Both Heads of Service agree the plan has drifted");
        s.at("2026-10-15T11:00");
        Concern met = c;
        c = s.as("hos-hugh", () -> engine.concerns().respond(met.id(), met.version(), ResponseKind.AGREE, null, List.of(
                new NewAgreedAction("Permanence planning meeting held and parallel plan recorded", "tm-tia",
                        LocalDate.of(2026, 10, 30)),
                new NewAgreedAction("Family finding referral made", "sw-sol", LocalDate.of(2026, 10, 28)))));
        assertEquals(2, c.agreedActions().size());
        assertEquals(List.of("response recorded"), s.delivered().to("iro-ivy"));

        // each person responsible records their own action as done
        s.at("2026-10-27T16:00");
        Concern agreed = c;
        c = s.as("sw-sol", () -> engine.concerns().completeAgreedAction(agreed.id(), agreed.version(), 2,
                "Referral to family finding made"));
        s.at("2026-10-29T12:00");
        Concern halfDone = c;
        c = s.as("tm-tia", () -> engine.concerns().completeAgreedAction(halfDone.id(), halfDone.version(), 1,
                "Meeting held 28 October; parallel plan for adoption recorded"));
        assertTrue(c.agreedActions().stream().allMatch(a -> a.isCompleted()));
        assertEquals("sw-sol", c.agreedActions().get(1).completedBy());
        assertEquals(List.of("agreed action done", "agreed action done"), s.delivered().to("iro-ivy"));

        s.at("2026-10-29T15:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Resolved at level 2: permanence plan recorded, family"
                + " finding started");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertTrue("resolved inside the 20 working days", c.endedAt().isBefore(c.formalDueAt()));
        assertEquals(List.of("LEVEL_2 COMPLETED"), stages(c));
        d = s.delivered();
        assertEquals(List.of("hos-hana", "hos-hugh", "irom-ian"), d.recipients());
        assertEquals(List.of("resolved"), d.to("irom-ian"));
        assertEquals(Collections.nCopies(7, DISPUTE_RESOLUTION), s.noteTypesOnFile());
        assertEquals(List.of("raise by iro-ivy", "recordCommunication by iro-ivy", "respond by hos-hugh",
                "completeAgreedAction by sw-sol", "completeAgreedAction by tm-tia", "resolve by iro-ivy"),
                s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void aServiceDeliveryManagerWhoDisagreesWithReviewDecisionsStartsTheDisputeThatTheDirectorResolves() {
        // the decision record of Cara's review on Thu 15 October is circulated on Wed 21 October
        s.at("2026-10-21T09:00");
        Concern c = engine.concerns().raise(new RaiseConcern(cara, procedure.ref(), ConcernOrigin.STARRED_DECISION,
                List.of("SDM_DISAGREES_WITH_DECISIONS"), "Decision 3: Cara moves to a residential school in January",
                "Decision 3 agreed and implemented", LocalDate.of(2026, 11, 30), "sdm-dan", null));
        assertEquals(S002_REVIEW_DECISIONS, current(c).stageId());
        // SDMs "have five working days": Wed 21 October 09:00 + 5: Thu 22, Fri 23, Mon 26, Tue 27, Wed 28;
        // the clocks go back on Sun 25 October -> due 00:00 Thu 29 October (GMT) = 2026-10-29T00:00:00Z
        assertEquals(Instant.parse("2026-10-29T00:00:00Z"), current(c).dueAt());
        assertNull("the 20 working days start with the formal process", c.formalDueAt());
        Delivered d = s.delivered();
        assertEquals(List.of("sdm-dan", "sw-sol", "tm-tia"), d.recipients());
        assertEquals(List.of("concern raised", "stage 'Review decisions considered by the Service Delivery Manager'"),
                d.to("sdm-dan"));

        // the SDM disagrees in writing within the five working days
        s.at("2026-10-26T10:00");
        Concern circulated = c;
        c = s.as("sdm-dan", () -> engine.concerns().respond(circulated.id(), circulated.version(),
                ResponseKind.DISAGREE, "Unable to agree decision 3: a residential school is not funded", null));
        assertEquals(List.of("response recorded"), s.delivered().to("iro-ivy"));

        // "in the first instance the IRO should attempt to resolve the issue informally"
        s.at("2026-10-27T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), S002_INFORMAL, "The SDM disagrees with decision 3");
        assertEquals(S002_INFORMAL, current(c).stageId());
        assertNull(current(c).dueAt());
        assertEquals(List.of("sw-sol", "tm-tia"), s.delivered().recipients());
        s.at("2026-10-30T10:00");
        Concern informal = c;
        c = s.as("tm-tia", () -> engine.concerns().respond(informal.id(), informal.version(), ResponseKind.DISAGREE,
                "The Team Manager cannot commit the funding", null));

        // level 1: the IRO and the managers of the IRO Service and the area team
        s.at("2026-11-02T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved informally");
        assertEquals(S002_LEVEL_1, current(c).stageId());
        // the 20 working days from Mon 2 November: Tue 3 is day 1, Mon 30 November day 20
        // -> due 00:00 Tue 1 December = 2026-12-01T00:00:00Z
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), c.formalDueAt());
        d = s.delivered();
        assertEquals(List.of("iro-ivy", "irom-ian", "sdm-dan"), d.recipients());
        assertEquals(List.of("stage 'Level 1: the IRO and the respective managers of the IRO Service and the area"
                + " team'"), d.to("irom-ian"));
        s.at("2026-11-05T10:00");
        Concern levelOne = c;
        c = s.as("sdm-dan", () -> engine.concerns().respond(levelOne.id(), levelOne.version(), ResponseKind.DISAGREE,
                "Not resolved at level 1", null));

        // level 2: the Heads of Service
        s.at("2026-11-09T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at level 1");
        assertEquals(S002_LEVEL_2, current(c).stageId());
        assertEquals("the total runs from the first formal level, not from each level",
                Instant.parse("2026-12-01T00:00:00Z"), c.formalDueAt());
        s.at("2026-11-12T10:00");
        Concern levelTwo = c;
        c = s.as("hos-hugh", () -> engine.concerns().respond(levelTwo.id(), levelTwo.version(), ResponseKind.DISAGREE,
                "Not within the Heads of Service's budgets", null));

        // level 3: "and ultimately the Director of Children's Services"
        s.at("2026-11-16T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at level 2");
        assertEquals(S002_LEVEL_3, current(c).stageId());
        d = s.delivered();
        assertEquals(List.of("stage 'Level 3: the Director of Children's Services'"), d.to("dcs-dora"));
        s.at("2026-11-19T10:00");
        Concern levelThree = c;
        c = s.as("dcs-dora", () -> engine.concerns().respond(levelThree.id(), levelThree.version(), ResponseKind.AGREE,
                null, List.of(new NewAgreedAction("Residential school place funded from January", "sdm-dan",
                        LocalDate.of(2026, 11, 30)))));
        s.at("2026-11-30T15:00");
        Concern agreed = c;
        c = s.as("sdm-dan", () -> engine.concerns().completeAgreedAction(agreed.id(), agreed.version(), 1,
                "Funding agreed at panel"));
        s.at("2026-11-30T16:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Resolved by the Director of Children's Services");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertTrue("within the 20 working days", c.endedAt().isBefore(c.formalDueAt()));
        assertEquals(List.of("REVIEW_DECISIONS COMPLETED", "INFORMAL COMPLETED", "LEVEL_1 COMPLETED",
                "LEVEL_2 COMPLETED", "LEVEL_3 COMPLETED"), stages(c));
        assertEquals(List.of("raise by iro-ivy", "respond by sdm-dan", "escalate by iro-ivy", "respond by tm-tia",
                "escalate by iro-ivy", "respond by sdm-dan", "escalate by iro-ivy", "respond by hos-hugh",
                "escalate by iro-ivy", "respond by dcs-dora", "completeAgreedAction by sdm-dan", "resolve by iro-ivy"),
                s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void theSocialWorkerOrTheTeamManagerAnswersTheInformalStage() {
        // "the IRO will seek to resolve the issues informally with the Social Worker or the Social Work Team Manager"
        s.at("2026-11-02T10:00");
        Concern c = engine.concerns().raise(new RaiseConcern(cara, procedure.ref(), ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                List.of("PLANS_NOT_UP_TO_DATE"), "Cara's Personal Education Plan was not reviewed this term",
                "PEP review held", LocalDate.of(2026, 11, 20), "tm-tia", S002_INFORMAL));
        Delivered d = s.delivered();
        assertEquals(List.of("stage 'Informal resolution with the Social Worker or the Social Work Team Manager'"),
                d.to("sw-sol"));
        assertTrue(d.bodyTo("sw-sol", "Team Manager'").contains("A response is asked of the Social Worker or Team"
                + " Manager."));
        s.at("2026-11-03T10:00");
        Concern raised = c;
        c = s.as("sw-sol", () -> engine.concerns().respond(raised.id(), raised.version(), ResponseKind.AGREE, null,
                List.of(new NewAgreedAction("PEP review held with the virtual school", "sw-sol",
                        LocalDate.of(2026, 11, 13)))));
        assertEquals("sw-sol", current(c).response().by());
        Concern answered = c;
        InvalidCommandException twice = Expect.thrown(InvalidCommandException.class, () -> s.as("tm-tia",
                () -> engine.concerns().respond(answered.id(), answered.version(), ResponseKind.DISAGREE, "No", null)));
        assertTrue(twice.getMessage(), twice.getMessage().contains("already has a response"));
        assertNull("the informal stage is not the formal process: no 20 working days run yet", c.formalDueAt());
    }

    @Test
    public void theProcedureServesLookedAfterChildrenOnly() {
        s.at("2026-10-05T10:00");
        UnknownProcedureException refused = Expect.thrown(UnknownProcedureException.class,
                () -> engine.concerns().raise(new RaiseConcern(dan, procedure.ref(), ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                        List.of("DRIFT_IN_PLAN"), "Drift", "A plan", LocalDate.of(2026, 10, 30), "tm-tia", null)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("serves children [LOOKED_AFTER]"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("child " + dan + " is on a child protection plan"));
        assertEquals("nothing was stored for Dan", List.of(), s.as("qa-lead", () -> engine.concerns().concernsForChild(dan)));
        Scenario.Delivered nothing = s.delivered();
        assertEquals("nobody was told anything", List.of(), nothing.recipients());
        assertEquals("nothing went on the file", List.of(), nothing.noteTypes());
    }

    @Test
    public void aServiceDeliveryManagerSilentForFiveWorkingDaysIsTakenToAgreeTheReviewDecisions() {
        s.at("2026-10-21T09:00");
        Concern c = engine.concerns().raise(new RaiseConcern(cara, procedure.ref(), ConcernOrigin.STARRED_DECISION,
                List.of("SDM_DISAGREES_WITH_DECISIONS"), "Decision 2: Cara's contact with her brother becomes weekly",
                "Weekly contact in place", LocalDate.of(2026, 11, 30), "sdm-dan", null));
        s.delivered();
        String stage = "stage 'Review decisions considered by the Service Delivery Manager'";
        // due 00:00 Thu 29 October (GMT); the fifth working day, Wed 28 October, is amber from its start
        Delivered d = s.firedAt("2026-10-28T00:00", cara);
        assertEquals(List.of(stage + " due soon"), d.to("sdm-dan"));
        // "If no response is received the decisions should be considered agreed by the local authority"
        assertEquals(List.of(), s.firedAt("2026-10-28T23:59", cara).messages());
        d = s.firedAt("2026-10-29T00:00", cara);
        assertEquals(List.of("agreement deemed", stage + " overdue"), d.to("iro-ivy"));
        Concern deemed = engine.concerns().find(c.id()).orElseThrow();
        assertEquals(ResponseKind.DEEMED_AGREEMENT, current(deemed).response().kind());
        assertEquals("the decisions are to be implemented within their timescales", "Weekly contact in place",
                deemed.agreedActions().get(0).description());
        assertEquals(LocalDate.of(2026, 11, 30), deemed.agreedActions().get(0).dueBy());
        assertEquals("deadline STAGE_DUE by starred", s.trail(c.id(), "qa-lead").get(1));
        // the agreed decision still outstanding after its date is chased the next morning
        d = s.firedAt("2026-12-01T00:00", cara);
        assertEquals(List.of("agreed action 1 overdue"), d.to("sdm-dan"));
        assertTrue(s.alerts(cara).contains("RED AGREED_ACTION_OVERDUE"));
    }
}
