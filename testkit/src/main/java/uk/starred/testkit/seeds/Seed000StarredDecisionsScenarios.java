package uk.starred.testkit.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.actions;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;
import static uk.starred.testkit.seeds.SeedProcedures.DISPUTE_RESOLUTION;
import static uk.starred.testkit.seeds.SeedProcedures.EXECUTIVE_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE_SAFEGUARDING_QA;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.OPERATIONAL_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.S000_DISPUTE_REGISTERED;
import static uk.starred.testkit.seeds.SeedProcedures.S000_EXECUTIVE_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.S000_HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.S000_LEGAL_ADVICE;
import static uk.starred.testkit.seeds.SeedProcedures.S000_SERVICE_MANAGER_AND_HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.S000_STARRED_DECISION;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.STARRED_DECISION;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Seed 000, Starred Decisions and Dispute Resolution, walked for Ben, a looked-after child: a starred
 * decision sent to the Team Manager and Service Manager the week before Christmas, the Team
 * Manager's disagreement, the dispute registered with the Service Manager once five working days
 * pass without agreement, the table's meetings, legal advice, the Executive Director written to, and
 * the referral to CAFCASS; and the other outcomes the seed describes.
 *
 * <p>Longer than 400 lines because it holds one seed's scenarios, in the order of the seed's text, so
 * that each reads beside the paragraph it checks.
 */
public abstract class Seed000StarredDecisionsScenarios extends SeedScenarios {

    static final String STARRED_STAGE = "stage 'Starred decision sent to the Team Manager and Service Manager'";

    protected String ben;

    @Before
    public void setUp() {
        begin(london("2026-10-01T09:00"), SeedProcedures.STARRED_DECISIONS_000);
        ben = engine.childId("ben");
        engine.host().child(ben, Cohort.LOOKED_AFTER)
                .role("iro-amy", IRO, ben)
                .role("tm-tom", TEAM_MANAGER, ben)
                .role("sm-sue", SERVICE_MANAGER, ben)
                .role("hos-hal", HEAD_OF_SERVICE, ben)
                .role("hosqa-qi", HEAD_OF_SERVICE_SAFEGUARDING_QA, ben)
                .role("od-olu", OPERATIONAL_DIRECTOR, ben)
                .role("ed-eve", EXECUTIVE_DIRECTOR, ben)
                // the Head of Service for Quality Assurance & Safeguarding tracks starred decisions monthly
                .overseer("hosqa-qi");
        engine.host().signIn("iro-amy");
    }

    private Concern starredDecision(List<String> grounds, String description, String remedy, LocalDate by) {
        return engine.concerns().raise(new RaiseConcern(ben, procedure.ref(), ConcernOrigin.STARRED_DECISION, grounds,
                description, remedy, by, "tm-tom", null));
    }

    @Test
    public void aStarredDecisionTheTeamManagerDisputesGoesThroughTheRegisteredDisputeToCafcass() {
        // ---- the review on Friday 18 December 2026 stars a decision; it is sent to the TM and SM
        s.at("2026-12-18T11:00");
        Concern c = starredDecision(List.of("CARE_PLAN_NOT_IMPLEMENTED", "DRIFT_OR_DELAY"),
                "The therapeutic placement agreed in Ben's care plan in June has still not been commissioned",
                "Therapeutic placement commissioned", LocalDate.of(2027, 1, 29));
        assertEquals(S000_STARRED_DECISION, current(c).stageId());
        // Fri 18 December 11:00 + 5 working days: Mon 21, Tue 22, Wed 23, Thu 24, then Christmas Day
        // (Fri 25) and Boxing Day's substitute (Mon 28) are not worked, Tue 29
        // -> due 00:00 Wed 30 December (GMT) = 2026-12-30T00:00:00Z
        assertEquals(Instant.parse("2026-12-30T00:00:00Z"), current(c).dueAt());
        assertNull("the seed sets no total for the process", c.formalDueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(STARRED_DECISION, STARRED_DECISION), d.noteTypes());
        assertEquals(List.of("concern raised", STARRED_STAGE), d.to("tm-tom"));
        assertEquals(List.of(STARRED_STAGE), d.to("sm-sue"));
        assertEquals(List.of("sm-sue", "tm-tom"), d.recipients());
        // "Wherever possible ... only issued following a conversation between the IRO and the Team Manager"
        s.at("2026-12-18T11:05");
        c = engine.concerns().recordAction(c.id(), c.version(), "CONVERSATION_BEFORE_ISSUE",
                "Spoke to the Team Manager on 17 December before issuing");

        // the Team Manager does not agree, and discusses it with the IRO
        s.at("2026-12-21T10:00");
        Concern sent = c;
        c = s.as("tm-tom", () -> engine.concerns().respond(sent.id(), sent.version(), ResponseKind.DISAGREE,
                "Funding for the therapeutic placement has not been agreed", null));
        s.at("2026-12-21T14:00");
        Concern disagreed = c;
        c = s.as("tm-tom", () -> engine.concerns().recordAction(disagreed.id(), disagreed.version(),
                "DISCUSSED_WITH_IRO", "Discussed with the IRO by telephone; no agreement"));
        assertEquals(List.of("CONVERSATION_BEFORE_ISSUE", "DISCUSSED_WITH_IRO"), actions(current(c)));
        d = s.delivered();
        // the disagreement is on Ben's file as part of the starred decision
        assertEquals(List.of(STARRED_DECISION, STARRED_DECISION, STARRED_DECISION), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-amy"));

        // the day before the due moment nothing is overdue yet; at 09:30 on Wed 30 December it is
        s.at("2026-12-29T16:00");
        assertTrue(engine.clock().instant().isBefore(current(c).dueAt()));
        s.at("2026-12-30T09:30");
        assertFalse(engine.clock().instant().isBefore(current(c).dueAt()));

        // ---- 1 Dispute Registered: "the IRO will register the dispute by discussing the matter with the SM"
        c = engine.concerns().escalate(c.id(), c.version(), null,
                "Agreement not reached within 5 working days of notification");
        assertEquals(S000_DISPUTE_REGISTERED, current(c).stageId());
        assertNull("the table gives the registration no timescale", current(c).dueAt());
        assertEquals("Escalated to '1 Dispute Registered'", c.stages().get(0).outcome());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("stage '1 Dispute Registered'"), d.to("sm-sue"));
        assertEquals(List.of("sm-sue"), d.recipients());
        s.at("2026-12-30T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "DISCUSSED_WITH_SERVICE_MANAGER",
                "Dispute registered with the Service Manager");
        s.at("2026-12-30T10:30");
        Concern registered = c;
        c = s.as("sm-sue", () -> engine.concerns().respond(registered.id(), registered.version(),
                ResponseKind.DISAGREE, "The funding cannot be agreed at Service Manager level", null));
        // the Head of Service for QA sees Ben's dispute among the open ones she tracks
        ConcernId bens = c.id();
        assertTrue(s.as("hosqa-qi", () -> engine.oversight().openConcerns(1000)).stream()
                .anyMatch(open -> open.id().equals(bens)));

        // ---- 2 meet the relevant Service Manager and Head of Service, within 5 working days of the SM discussion
        s.at("2026-12-30T11:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved with the Service Manager");
        assertEquals(S000_SERVICE_MANAGER_AND_HEAD_OF_SERVICE, current(c).stageId());
        // counted from the Service Manager discussion at 10:00 on Wed 30 December, not from the escalation:
        // + 5 working days: Thu 31, (Fri 1 January is New Year's Day) Mon 4, Tue 5, Wed 6, Thu 7
        // -> due 00:00 Fri 8 January 2027 = 2027-01-08T00:00:00Z
        assertEquals(Instant.parse("2027-01-08T00:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of("hos-hal", "hosqa-qi", "iro-amy", "sm-sue"), d.recipients());
        assertEquals(List.of("response recorded"), d.to("iro-amy"));
        assertEquals(List.of("stage '2 The IRO and HoS Safeguarding & QA meet the relevant Service Manager and Head"
                + " of Service'"), d.to("hos-hal"));
        s.at("2027-01-05T14:00");
        Concern atSecondStep = c;
        c = s.as("hosqa-qi", () -> engine.concerns().recordAction(atSecondStep.id(), atSecondStep.version(),
                "SERVICE_MANAGER_MEETING_HELD", "Met the Service Manager and Head of Service; not resolved"));
        s.at("2027-01-05T15:00");
        Concern afterSecondMeeting = c;
        c = s.as("hos-hal", () -> engine.concerns().respond(afterSecondMeeting.id(), afterSecondMeeting.version(),
                ResponseKind.DISAGREE, "Not within the Head of Service's budget", null));
        s.delivered();

        // ---- 3 meet the Head of Service and Operational Director, within 5 working days of the step 2 discussion
        s.at("2027-01-06T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "A resolution is not reached");
        assertEquals(S000_HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR, current(c).stageId());
        // counted from the meeting at 14:00 on Tue 5 January, not from the escalation on Wednesday:
        // + 5 working days: Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 -> due 00:00 Wed 13 January 2027
        assertEquals(Instant.parse("2027-01-13T00:00:00Z"), current(c).dueAt());
        assertEquals(List.of("hos-hal", "hosqa-qi", "od-olu"), s.delivered().recipients());
        s.at("2027-01-12T11:00");
        Concern atThirdStep = c;
        c = s.as("hosqa-qi", () -> engine.concerns().recordAction(atThirdStep.id(), atThirdStep.version(),
                "OPERATIONAL_DIRECTOR_MEETING_HELD", "Met the Head of Service and Operational Director; not resolved"));
        s.at("2027-01-12T12:00");
        Concern afterThirdMeeting = c;
        c = s.as("od-olu", () -> engine.concerns().respond(afterThirdMeeting.id(), afterThirdMeeting.version(),
                ResponseKind.DISAGREE, "The Operational Director does not agree the funding", null));
        s.delivered();

        // ---- the matter is not resolved: the IRO takes legal advice
        s.at("2027-01-13T09:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved with the Operational Director");
        assertEquals(S000_LEGAL_ADVICE, current(c).stageId());
        assertNull(current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of(), d.recipients());
        // "The IRO should inform the Operational Director if a referral to CAFCASS is being considered"
        s.at("2027-01-13T11:00");
        c = engine.concerns().considerCafcassReferral(c.id(), c.version(),
                "Legal advice is being taken on whether a referral to CAFCASS may be required");
        assertEquals(List.of(OPERATIONAL_DIRECTOR), c.cafcass().informed());
        d = s.delivered();
        assertEquals(List.of("CAFCASS referral being considered"), d.to("od-olu"));
        assertEquals(List.of("od-olu"), d.recipients());
        s.at("2027-01-15T15:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "LEGAL_ADVICE_TAKEN",
                "The continuing failure to implement the plan may breach Ben's Article 8 rights; a CAFCASS referral"
                        + " may be required");

        // ---- 4 the Executive Director notified in writing and a meeting arranged, within 5 working days of the advice
        s.at("2027-01-15T15:30");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Following legal advice");
        assertEquals(S000_EXECUTIVE_DIRECTOR, current(c).stageId());
        // Fri 15 January 15:30 + 5 working days: Mon 18, Tue 19, Wed 20, Thu 21, Fri 22
        // -> due 00:00 Sat 23 January 2027 = 2027-01-23T00:00:00Z
        assertEquals(Instant.parse("2027-01-23T00:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of("ed-eve"), d.recipients());
        s.at("2027-01-18T09:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "EXECUTIVE_DIRECTOR_NOTIFIED_IN_WRITING",
                "Letter to the Executive Director Families and Well-being: the case and the causes for concern");
        s.at("2027-01-20T14:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "EXECUTIVE_DIRECTOR_MEETING_HELD",
                "Met the Executive Director");
        s.at("2027-01-20T16:00");
        Concern afterExecutiveMeeting = c;
        c = s.as("ed-eve", () -> engine.concerns().respond(afterExecutiveMeeting.id(), afterExecutiveMeeting.version(),
                ResponseKind.DISAGREE, "The Executive Director does not resolve the dispute", null));
        assertEquals(List.of("EXECUTIVE_DIRECTOR_NOTIFIED_IN_WRITING", "EXECUTIVE_DIRECTOR_MEETING_HELD"),
                actions(current(c)));
        s.delivered();

        // ---- "the IRO must refer the case to CAFCASS"
        s.at("2027-01-21T10:00");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.AT_END,
                "The Executive Director has not resolved the dispute; the failure to implement the Care Plan may"
                        + " breach Ben's human rights");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        // 14 days from Thu 21 January: Thu 4 February is day 14 -> due 00:00 Fri 5 February 2027 = 2027-02-05T00:00:00Z
        assertEquals(Instant.parse("2027-02-05T00:00:00Z"), c.cafcass().decisionDueAt());
        d = s.delivered();
        assertEquals(List.of("referred to CAFCASS"), d.to("od-olu"));
        assertEquals(List.of("referred to CAFCASS"), d.to("tm-tom"));
        assertEquals(List.of("od-olu", "tm-tom"), d.recipients());

        // CAFCASS enters into final dispute resolution with the local authority and decides within 14 days
        s.at("2027-02-02T12:00");
        c = engine.concerns().recordCafcassDecision(c.id(), c.version(), CafcassDecision.NO_PROCEEDINGS,
                "In final dispute resolution the local authority agreed to commission the placement");
        assertEquals(CafcassDecision.NO_PROCEEDINGS, c.cafcass().decision());
        assertEquals(london("2027-02-02T12:00"), c.cafcass().decidedAt());

        // ---- the whole history
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals(List.of("STARRED_DECISION COMPLETED", "DISPUTE_REGISTERED COMPLETED",
                "SERVICE_MANAGER_AND_HEAD_OF_SERVICE COMPLETED", "HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR COMPLETED",
                "LEGAL_ADVICE COMPLETED", "EXECUTIVE_DIRECTOR COMPLETED"), stages(c));
        assertEquals(List.of("LEGAL_ADVICE_TAKEN"), actions(c.stages().get(4)));
        List<String> onFile = new ArrayList<>(Collections.nCopies(5, STARRED_DECISION));
        onFile.addAll(Collections.nCopies(18, DISPUTE_RESOLUTION));
        assertEquals(onFile, s.noteTypesOnFile());
        assertEquals(List.of(
                "raise by iro-amy", "recordAction by iro-amy", "respond by tm-tom", "recordAction by tm-tom",
                "escalate by iro-amy", "recordAction by iro-amy", "respond by sm-sue",
                "escalate by iro-amy", "recordAction by hosqa-qi", "respond by hos-hal",
                "escalate by iro-amy", "recordAction by hosqa-qi", "respond by od-olu",
                "escalate by iro-amy", "considerCafcassReferral by iro-amy", "recordAction by iro-amy",
                "escalate by iro-amy", "recordAction by iro-amy", "recordAction by iro-amy", "respond by ed-eve",
                "referToCafcass by iro-amy", "recordCafcassDecision by iro-amy"), s.trail(c.id(), "hosqa-qi"));
        assertTrue(s.trailIntact(c.id(), "hosqa-qi"));
    }

    @Test
    public void anAgreedStarredDecisionIsAcknowledgedOnTheFileAndMonitoredToCompletion() {
        s.at("2026-10-12T10:00");
        Concern c = starredDecision(List.of("UNABLE_TO_ENDORSE_CARE_PLAN"),
                "The IRO cannot endorse the plan to separate Ben from his sister without an assessment",
                "Together-or-apart assessment of Ben and his sister", LocalDate.of(2026, 11, 13));
        // Mon 12 October 10:00 + 5 working days: Tue 13, Wed 14, Thu 15, Fri 16, Mon 19
        // -> due 00:00 Tue 20 October London (BST) = 2026-10-19T23:00:00Z
        assertEquals(Instant.parse("2026-10-19T23:00:00Z"), current(c).dueAt());
        s.delivered();

        // "the Team Manager will acknowledge agreement on the child's file and monitor the required actions"
        s.at("2026-10-13T11:00");
        Concern sent = c;
        c = s.as("tm-tom", () -> engine.concerns().respond(sent.id(), sent.version(), ResponseKind.AGREE, null,
                List.of(new NewAgreedAction("Together-or-apart assessment of Ben and his sister", "tm-tom",
                        LocalDate.of(2026, 11, 13)))));
        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals(ResponseKind.AGREE, current(c).response().kind());
        assertEquals(LocalDate.of(2026, 11, 13), c.agreedActions().get(0).dueBy());
        Delivered d = s.delivered();
        assertEquals(List.of(STARRED_DECISION), d.noteTypes());
        assertTrue(d.notes().get(0).text(), d.notes().get(0).text().contains("Staff tm-tom (Team Manager) agrees"));
        assertEquals(List.of("response recorded"), d.to("iro-amy"));

        s.at("2026-11-12T15:00");
        Concern agreed = c;
        c = s.as("tm-tom", () -> engine.concerns().completeAgreedAction(agreed.id(), agreed.version(), 1,
                "Assessment completed and shared with the IRO"));
        assertTrue(c.agreedActions().get(0).isCompleted());
        d = s.delivered();
        assertEquals(List.of(STARRED_DECISION), d.noteTypes());
        assertEquals(List.of("agreed action done"), d.to("iro-amy"));

        // "the outcome ... must be reported to the IRO within the timescale specified"
        s.at("2026-11-13T09:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Assessment complete within the IRO's timescale; plan endorsed");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals(List.of("STARRED_DECISION COMPLETED"), stages(c));
        d = s.delivered();
        assertEquals(List.of("resolved"), d.to("tm-tom"));
        assertEquals(List.of("sm-sue", "tm-tom"), d.recipients());
        assertEquals(Collections.nCopies(5, STARRED_DECISION), s.noteTypesOnFile());
        assertEquals(List.of("raise by iro-amy", "respond by tm-tom", "completeAgreedAction by tm-tom",
                "resolve by iro-amy"), s.trail(c.id(), "hosqa-qi"));
        assertTrue(s.trailIntact(c.id(), "hosqa-qi"));
    }

    @Test
    public void anAgreedActionNotDoneInTimeTellsTheServiceManagerAndGoesOnTheFile() {
        s.at("2026-10-12T10:00");
        Concern c = starredDecision(List.of("DRIFT_OR_DELAY"), "Ben's life story work has not started",
                "Life story work started", LocalDate.of(2026, 10, 30));
        s.at("2026-10-13T11:00");
        Concern sent = c;
        c = s.as("tm-tom", () -> engine.concerns().respond(sent.id(), sent.version(), ResponseKind.AGREE, null,
                List.of(new NewAgreedAction("Life story work started", "tm-tom", LocalDate.of(2026, 10, 30)))));
        s.delivered();
        // s7: "If the issue identified has not been addressed within the agreed timescale, then the Independent
        // Reviewing Officer will notify the Service Manager": due by Friday 30 October, overdue at its midnight
        Delivered d = s.firedAt("2026-10-31T00:00", ben);
        assertEquals(List.of("agreed action 1 overdue"), d.to("sm-sue"));
        assertEquals(List.of("agreed action 1 overdue"), d.to("tm-tom"));
        assertEquals(List.of("agreed action 1 overdue"), d.to("iro-amy"));
        assertEquals("and it is on Ben's file", List.of(STARRED_DECISION), d.noteTypes());
        assertTrue(d.notes().get(0).text(), d.notes().get(0).text().contains("not recorded as done"));
    }

    @Test
    public void whenTheExecutiveDirectorDoesNotResolveItTheIroIsToldAReferralIsNowDue() {
        s.at("2027-03-01T10:00");
        Concern c = starredDecision(List.of("CARE_PLAN_NOT_IMPLEMENTED"), "The plan for Ben has not been implemented",
                "The plan implemented", LocalDate.of(2027, 4, 30));
        // "The IRO may bypass any stage" (IRO Handbook 6.2): straight to legal advice
        c = engine.concerns().bypass(c.id(), c.version(), S000_LEGAL_ADVICE, "Urgent: the placement ends this month");
        s.at("2027-03-02T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "LEGAL_ADVICE_TAKEN", "Advice: a breach is arguable");
        s.at("2027-03-03T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Following legal advice");
        // within 5 working days of the advice on Tue 2 March: Wed 3 ... Tue 9 -> due 00:00 Wed 10 March (GMT)
        assertEquals(Instant.parse("2027-03-10T00:00:00Z"), current(c).dueAt());
        s.at("2027-03-05T10:00");
        Concern atExecutive = c;
        c = s.as("ed-eve", () -> engine.concerns().respond(atExecutive.id(), atExecutive.version(),
                ResponseKind.DISAGREE, "The Executive Director does not resolve the dispute", null));
        s.delivered();
        Delivered d = s.firedAt("2027-03-10T00:00", ben);
        assertTrue(d.to("iro-amy").toString(), d.to("iro-amy").contains("referral to CAFCASS required"));
        assertTrue("it is on Ben's file", d.noteTypes().contains(DISPUTE_RESOLUTION));
        // the Operational Director is told first, as the procedure asks, then the referral is made
        c = engine.concerns().considerCafcassReferral(c.id(), c.version(), "The procedure now requires a referral");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.AT_END,
                "The Executive Director has not resolved the dispute");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
    }

    @Test
    public void anAgreementNotMetInTimeIsTakenToTheServiceManagerWithAConcurrentCafcassReferral() {
        s.at("2027-02-01T10:00");
        Concern c = starredDecision(List.of("CARE_PLAN_NOT_IMPLEMENTED"),
                "Contact with his mother has been suspended for six weeks without a decision",
                "Contact reinstated as the care plan sets out", LocalDate.of(2027, 2, 12));
        // Mon 1 February 10:00 + 5 working days: Tue 2 ... Mon 8 -> due 00:00 Tue 9 February = 2027-02-09T00:00:00Z
        assertEquals(Instant.parse("2027-02-09T00:00:00Z"), current(c).dueAt());
        // the Team Manager agrees without listing actions: the IRO's remedy, by the IRO's date, is the action
        s.at("2027-02-02T10:00");
        Concern sent = c;
        c = s.as("tm-tom", () -> engine.concerns().respond(sent.id(), sent.version(), ResponseKind.AGREE, null, null));
        assertEquals("Contact reinstated as the care plan sets out", c.agreedActions().get(0).description());
        assertEquals("tm-tom", c.agreedActions().get(0).responsible());
        s.delivered();

        // "If the issue identified has not been addressed within the agreed timescale, then the IRO will
        // notify the Service Manager"
        s.at("2027-02-15T09:00");
        assertFalse(c.agreedActions().get(0).isCompleted());
        assertTrue(c.agreedActions().get(0).dueBy().isBefore(LocalDate.of(2027, 2, 15)));
        c = engine.concerns().escalate(c.id(), c.version(), null, "The agreed action was not addressed in time");
        assertEquals(S000_DISPUTE_REGISTERED, current(c).stageId());
        s.delivered();

        // "may consider it necessary to make a concurrent referral to CAFCASS at the same time as the
        // dispute resolution process is instigated", the Operational Director told first
        s.at("2027-02-15T09:30");
        c = engine.concerns().considerCafcassReferral(c.id(), c.version(), "Contact suspended without a decision");
        assertEquals(List.of("CAFCASS referral being considered"), s.delivered().to("od-olu"));
        s.at("2027-02-15T10:00");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.CONCURRENT,
                "Contact suspended for six weeks without a decision; alongside the dispute resolution process");
        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals(S000_DISPUTE_REGISTERED, current(c).stageId());
        // 14 days from Mon 15 February: Mon 1 March is day 14 -> due 00:00 Tue 2 March 2027 = 2027-03-02T00:00:00Z
        assertEquals(Instant.parse("2027-03-02T00:00:00Z"), c.cafcass().decisionDueAt());
        assertEquals(List.of("od-olu", "tm-tom"), s.delivered().recipients());

        // the local process carries on alongside the referral
        s.at("2027-02-15T11:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "DISCUSSED_WITH_SERVICE_MANAGER", "Dispute registered");
        s.at("2027-02-15T11:30");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved with the Service Manager");
        // Mon 15 February 11:30 + 5 working days: Tue 16 ... Mon 22 -> due 00:00 Tue 23 February = 2027-02-23T00:00:00Z
        assertEquals(Instant.parse("2027-02-23T00:00:00Z"), current(c).dueAt());
        s.at("2027-02-18T12:00");
        Concern atSecondStep = c;
        c = s.as("hos-hal", () -> engine.concerns().respond(atSecondStep.id(), atSecondStep.version(),
                ResponseKind.AGREE, null, List.of(new NewAgreedAction("Contact with his mother reinstated", "tm-tom",
                        LocalDate.of(2027, 2, 20)))));
        assertEquals(2, c.agreedActions().size());
        s.at("2027-02-19T10:00");
        c = engine.concerns().recordCafcassDecision(c.id(), c.version(), CafcassDecision.NO_PROCEEDINGS,
                "The local authority has agreed to reinstate contact");
        s.at("2027-02-22T10:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Contact reinstated; CAFCASS will not take proceedings");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals(CafcassDecision.NO_PROCEEDINGS, c.cafcass().decision());
        assertEquals(ReferralMode.CONCURRENT, c.cafcass().mode());
        assertEquals(List.of("STARRED_DECISION COMPLETED", "DISPUTE_REGISTERED COMPLETED",
                "SERVICE_MANAGER_AND_HEAD_OF_SERVICE COMPLETED"), stages(c));
        assertEquals(List.of("raise by iro-amy", "respond by tm-tom", "escalate by iro-amy",
                "considerCafcassReferral by iro-amy", "referToCafcass by iro-amy", "recordAction by iro-amy",
                "escalate by iro-amy", "respond by hos-hal", "recordCafcassDecision by iro-amy", "resolve by iro-amy"),
                s.trail(c.id(), "hosqa-qi"));
        assertTrue(s.trailIntact(c.id(), "hosqa-qi"));
    }

    @Test
    public void aPlacementMoveWithinWeeksCurtailsTheProcessWithAReferralOnceTheOperationalDirectorIsTold() {
        s.at("2027-03-08T10:00");
        Concern c = starredDecision(List.of("CARE_PLAN_NOT_IMPLEMENTED"),
                "A move from Ben's long-term foster home is planned for 26 March without the matching his plan"
                        + " requires", "The move postponed until matching is done", LocalDate.of(2027, 3, 19));
        s.at("2027-03-09T10:00");
        Concern sent = c;
        c = s.as("tm-tom", () -> engine.concerns().respond(sent.id(), sent.version(), ResponseKind.DISAGREE,
                "The placement is ending at the carers' request", null));
        // Mon 8 March + 5 working days ends with Mon 15 March: due 00:00 Tue 16 March = 2027-03-16T00:00:00Z
        assertEquals(Instant.parse("2027-03-16T00:00:00Z"), current(c).dueAt());
        s.at("2027-03-17T09:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "No agreement within 5 working days");
        s.delivered();

        // "the matter will be of sufficient urgency that the dispute resolution process needs to be curtailed"
        s.at("2027-03-17T10:00");
        Concern registered = c;
        StageNotAllowedException notToldYet = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().referToCafcass(registered.id(), registered.version(), ReferralMode.CURTAILED,
                        "Placement move in nine days"));
        assertTrue(notToldYet.getMessage(), notToldYet.getMessage().contains("requires OPERATIONAL_DIRECTOR to be told"));
        assertEquals(registered, engine.concerns().find(c.id()).orElseThrow());

        s.at("2027-03-17T10:15");
        c = engine.concerns().considerCafcassReferral(c.id(), c.version(), "Placement move in nine days");
        s.at("2027-03-17T10:30");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.CURTAILED,
                "A placement move in nine days without matching: the process is curtailed");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals("Referred to CAFCASS (process curtailed: the child's need is urgent)", c.stages().get(1).outcome());
        assertEquals(List.of("STARRED_DECISION COMPLETED", "DISPUTE_REGISTERED COMPLETED"), stages(c));
        // 14 days from Wed 17 March: Wed 31 March is day 14 -> due 00:00 Thu 1 April London, after the
        // clocks go forward on Sun 28 March (BST) = 2027-03-31T23:00:00Z
        assertEquals(Instant.parse("2027-03-31T23:00:00Z"), c.cafcass().decisionDueAt());
        Delivered d = s.delivered();
        assertEquals(List.of("CAFCASS referral being considered", "referred to CAFCASS"), d.to("od-olu"));

        Concern curtailed = c;
        Expect.thrown(ConcernEndedException.class, () -> engine.concerns().escalate(curtailed.id(), curtailed.version(),
                null, null));
        assertEquals(List.of("raise by iro-amy", "respond by tm-tom", "escalate by iro-amy",
                "considerCafcassReferral by iro-amy", "referToCafcass by iro-amy"), s.trail(c.id(), "hosqa-qi"));
        assertTrue(s.trailIntact(c.id(), "hosqa-qi"));
    }

    @Test
    public void aStarredDecisionLeftUnansweredTurnsAmberOnItsLastDayThenRedAndTheIroIsAskedToDecide() {
        s.at("2026-12-18T11:00");
        Concern c = starredDecision(List.of("DRIFT_OR_DELAY"), "Ben's life story work has not started",
                "Life story work started", LocalDate.of(2027, 1, 29));
        s.delivered();
        String stage = "stage 'Starred decision sent to the Team Manager and Service Manager'";
        assertEquals(List.of("GREEN STARRED_DECISION"), s.alerts(ben));
        // due 00:00 Wed 30 December; its last working day, Tue 29 December, is amber from its start
        assertEquals(List.of(), s.firedAt("2026-12-28T23:59", ben).messages());
        Delivered d = s.firedAt("2026-12-29T00:00", ben);
        assertEquals(List.of(stage + " due soon"), d.to("tm-tom"));
        assertEquals(List.of(stage + " due soon"), d.to("iro-amy"));
        assertEquals(List.of("AMBER STARRED_DECISION", "AMBER STAGE_DUE_SOON"), s.alerts(ben));
        // "If agreement is not reached within 5 working days" the IRO decides whether to register a dispute
        d = s.firedAt("2026-12-30T00:00", ben);
        assertEquals(List.of(stage + " overdue"), d.to("tm-tom"));
        assertEquals(List.of("decision needed", stage + " overdue"), d.to("iro-amy"));
        assertEquals(List.of("RED STARRED_DECISION", "RED STAGE_OVERDUE"), s.alerts(ben));
        assertEquals("each moment fires once", List.of(), s.firedAt("2026-12-31T09:00", ben).messages());
        Concern registered = engine.concerns().escalate(c.id(), engine.concerns().find(c.id()).orElseThrow().version(),
                null, "No agreement within 5 working days: dispute registered");
        assertEquals("moving on deals with the overdue stage", List.of(), engine.deadlines().overdue(1000).stream()
                .filter(o -> registered.id().equals(o.concernId())).toList());
    }
}
