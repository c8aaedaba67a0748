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
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.ReviewTimetable;
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

    /** Cara's first review, held on Thu 15 October with the professionals, its decision record circulated Wed 21. */
    private ReviewTimetable reviewCirculated() {
        engine.select(Cohort.LOOKED_AFTER, procedure.ref());
        s.at("2026-09-21T09:00");
        ReviewTimetable t = engine.reviews().lookedAfterFrom(cara, LocalDate.of(2026, 9, 21));
        s.at("2026-10-15T16:00");
        long started = t.version();
        t = engine.reviews().reviewHeld(cara, started, LocalDate.of(2026, 10, 15), List.of("sw-sol", "tm-tia",
                "sdm-dan"));
        assertEquals(List.of("sw-sol", "tm-tia", "sdm-dan"), t.reviews().get(0).attendees());
        s.at("2026-10-21T09:00");
        t = engine.reviews().decisionRecordCirculated(cara, t.version(), 1, LocalDate.of(2026, 10, 21));
        // "five working days to consider the decisions": Thu 22, Fri 23, Mon 26, Tue 27, Wed 28 October
        assertEquals(LocalDate.of(2026, 10, 28), t.reviews().get(0).disagreementWindowEnds());
        assertEquals(List.of("review 1 decisions to consider"), s.delivered().to("sdm-dan"));
        return t;
    }

    @Test
    public void aServiceDeliveryManagerWhoDisagreesWithReviewDecisionsOpensTheDisputeThatTheDirectorResolves() {
        ReviewTimetable circulated = reviewCirculated();

        // "If the SDM disagrees with any of the decisions within that initial five day period, this should be
        // notified in writing to the IRO, in the first instance the IRO should attempt to resolve the issue
        // informally": the disagreement, recorded on the review timetable, opens the concern by itself
        s.at("2026-10-26T10:00");
        ReviewTimetable disputed = s.as("sdm-dan", () -> engine.reviews().disagree(cara, circulated.version(), 1,
                "Unable to agree decision 3: a residential school is not funded"));
        assertEquals(DecisionsStatus.DISPUTED, disputed.reviews().get(0).decisions());
        List<Concern> opened = engine.concerns().concernsForChild(cara);
        assertEquals(1, opened.size());
        Concern c = opened.get(0);
        assertEquals(c.id().toString(), disputed.reviews().get(0).concernOpened());
        assertEquals(ConcernOrigin.REVIEW_DECISIONS_DISPUTED, c.origin());
        assertEquals(List.of("SDM_DISAGREES_WITH_DECISIONS"), c.reasonCodes());
        assertEquals("opened in the name of the child's IRO, who drives it", "iro-ivy", c.raisedBy());
        assertEquals("the Social Worker is asked first of the informal stage's two", "sw-sol", c.responsiblePerson());
        assertEquals(LocalDate.of(2026, 10, 15), c.reviewDate());
        assertTrue(c.description(), c.description().contains("a residential school is not funded"));
        // the IRO's timescale: the procedure's 20 working days from Mon 26 October, to Mon 23 November
        assertEquals(LocalDate.of(2026, 11, 23), c.remedyDueBy());
        assertEquals(List.of("INFORMAL ACTIVE"), stages(c));
        assertNull("the 20 working days start with the formal process", c.formalDueAt());
        Delivered d = s.delivered();
        // "advise the IRO and all those who attended the review": the IRO, the Social Worker, the Team Manager
        assertEquals(List.of("concern opened: review decisions disputed", "review 1 decisions disputed"),
                d.to("iro-ivy"));
        assertEquals(List.of("concern opened: review decisions disputed", "review 1 decisions disputed",
                "stage 'Informal resolution with the Social Worker or the Social Work Team Manager'"), d.to("sw-sol"));
        assertEquals(List.of("review 1 decisions disputed",
                "stage 'Informal resolution with the Social Worker or the Social Work Team Manager'"), d.to("tm-tia"));
        assertEquals("the manager who disagreed is not told of it", List.of(), d.to("sdm-dan"));
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("openedByReviewDispute by sdm-dan"), s.trail(c.id(), "qa-lead"));
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
        assertEquals(List.of("INFORMAL COMPLETED", "LEVEL_1 COMPLETED", "LEVEL_2 COMPLETED", "LEVEL_3 COMPLETED"),
                stages(c));
        assertEquals(List.of("openedByReviewDispute by sdm-dan", "respond by tm-tia", "escalate by iro-ivy",
                "respond by sdm-dan", "escalate by iro-ivy", "respond by hos-hugh", "escalate by iro-ivy",
                "respond by dcs-dora", "completeAgreedAction by sdm-dan", "resolve by iro-ivy"),
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
    public void aServiceDeliveryManagerSilentForFiveWorkingDaysHasAgreedTheDecisionsAndOpensNothingAfter() {
        ReviewTimetable circulated = reviewCirculated();
        // "If no response is received the decisions should be considered agreed by the local authority"
        s.at("2026-10-29T09:00");
        InvalidCommandException late = Expect.thrown(InvalidCommandException.class, () -> s.as("sdm-dan",
                () -> engine.reviews().disagree(cara, circulated.version(), 1, "Unable to agree decision 2")));
        assertTrue(late.getMessage(), late.getMessage().contains("the window to disagree with review 1's decisions"
                + " ended on 2026-10-28: they are agreed"));
        assertEquals("no concern was opened", List.of(), engine.concerns().concernsForChild(cara));
        assertEquals(DecisionsStatus.AWAITED, engine.reviews().timetable(cara).orElseThrow().reviews().get(0)
                .decisions());
        assertEquals("nobody was told anything", List.of(), s.delivered().recipients());
    }

    @Test
    public void aDisagreementOpensNothingWhereTheChildsProcedureDoesNotSaySo() {
        ReviewTimetable circulated = reviewCirculated();
        engine.select(Cohort.LOOKED_AFTER, SeedProcedures.DISPUTE_RESOLUTION_001);
        engine.seed(SeedProcedures.DISPUTE_RESOLUTION_001);
        s.at("2026-10-26T10:00");
        ReviewTimetable disputed = s.as("sdm-dan", () -> engine.reviews().disagree(cara, circulated.version(), 1,
                "Unable to agree decision 3"));
        assertEquals(DecisionsStatus.DISPUTED, disputed.reviews().get(0).decisions());
        assertNull(disputed.reviews().get(0).concernOpened());
        assertEquals("the IRO raises a concern if one is needed", List.of(), engine.concerns().concernsForChild(cara));
        assertEquals(List.of("iro-ivy", "sw-sol", "tm-tia"), s.delivered().recipients());
    }
}
