package uk.starred.testkit.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.actions;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;
import static uk.starred.testkit.seeds.Scenario.subjects;
import static uk.starred.testkit.seeds.SeedProcedures.ALLOCATED_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.ASSISTANT_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.CHIEF_EXECUTIVE;
import static uk.starred.testkit.seeds.SeedProcedures.COMPLAINTS_OFFICER;
import static uk.starred.testkit.seeds.SeedProcedures.DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.DISPUTE_RESOLUTION;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.IRO_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.S001_CHIEF_EXECUTIVE;
import static uk.starred.testkit.seeds.SeedProcedures.S001_DECISION_BY_CAFCASS;
import static uk.starred.testkit.seeds.SeedProcedures.S001_FORMAL_CHILDRENS_SERVICES;
import static uk.starred.testkit.seeds.SeedProcedures.S001_FORMAL_LOCAL_AUTHORITY;
import static uk.starred.testkit.seeds.SeedProcedures.S001_INFORMAL_RESOLUTION;
import static uk.starred.testkit.seeds.SeedProcedures.S001_NOTIFICATION_OF_DECISION;
import static uk.starred.testkit.seeds.SeedProcedures.S001_RATIFICATION;
import static uk.starred.testkit.seeds.SeedProcedures.S001_REVIEW;
import static uk.starred.testkit.seeds.SeedProcedures.SAFEGUARDING_SERVICE_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.STARRED_RECOMMENDATION;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Seed 001, the seven-stage Dispute Resolution Procedure, walked for Ava, a looked-after
 * fourteen-year-old: a starred recommendation made at her review on the Friday before the spring bank
 * holiday, which the Team Manager will not ratify, through notification of the decision, informal
 * resolution, formal resolution with the Assistant Director and then the Director and the Chief
 * Executive, to CAFCASS's decision.
 *
 * <p>Longer than 400 lines because it holds one seed's scenarios, in the order of the seed's text, so
 * that each reads beside the paragraph it checks.
 */
public abstract class Seed001DisputeResolutionScenarios extends SeedScenarios {

    protected String ava;

    @Before
    public void setUp() {
        begin(london("2026-05-22T16:00"), SeedProcedures.DISPUTE_RESOLUTION_001);
        ava = engine.childId("ava");
        engine.host().child(ava, Cohort.LOOKED_AFTER)
                .role("iro-ruth", IRO, ava)
                .role("aw-sam", ALLOCATED_WORKER, ava)
                .role("tm-kim", TEAM_MANAGER, ava)
                .role("irom-lee", IRO_MANAGER, ava)
                .role("hos-pat", HEAD_OF_SERVICE, ava)
                .role("ssm-jo", SAFEGUARDING_SERVICE_MANAGER, ava)
                .role("co-max", COMPLAINTS_OFFICER, ava)
                .role("ad-ali", ASSISTANT_DIRECTOR, ava)
                .role("dir-viv", DIRECTOR, ava)
                .role("ce-dee", CHIEF_EXECUTIVE, ava)
                .overseer("qa-lead");
        engine.host().signIn("iro-ruth");
    }

    private RaiseConcern starredRecommendation(String reason, String description, String remedy, LocalDate by,
            String responsible, String startAt) {
        return new RaiseConcern(ava, procedure.ref(), ConcernOrigin.STARRED_DECISION, List.of(reason), description,
                remedy, by, responsible, startAt);
    }

    @Test
    public void aStarredRecommendationTheTeamManagerWillNotRatifyIsTakenThroughAllSevenStagesToCafcass() {
        // ---- Stage One - The Review: the review ends at 16:00 on Friday 22 May 2026
        s.at("2026-05-22T16:00");
        Concern c = engine.concerns().raise(starredRecommendation("PLACEMENT_NOT_MEETING_NEEDS",
                "Ava's residential placement is not meeting her needs and no action has been taken to address this",
                "Referral to the fostering panel for a specialist foster placement", LocalDate.of(2026, 6, 19),
                "tm-kim", null));
        assertEquals(ConcernStatus.OPEN, c.status());
        StageRecord review = current(c);
        assertEquals(S001_REVIEW, review.stageId());
        // Fri 22 May 16:00 + 2 working days: Tue 26 (Mon 25 is the spring bank holiday), Wed 27
        // -> due 00:00 Thu 28 May London (BST) = 2026-05-27T23:00:00Z
        assertEquals(Instant.parse("2026-05-27T23:00:00Z"), review.dueAt());
        // stages one to six in no more than 20 working days from Fri 22 May: Tue 26 May is day 1,
        // Fri 19 June day 19, Mon 22 June day 20 -> due 00:00 Tue 23 June London = 2026-06-22T23:00:00Z
        assertEquals(Instant.parse("2026-06-22T23:00:00Z"), c.formalDueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(STARRED_RECOMMENDATION, STARRED_RECOMMENDATION), d.noteTypes());
        assertEquals(List.of("concern raised", "stage 'Stage One - The Review'"), d.to("tm-kim"));
        assertEquals(List.of("stage 'Stage One - The Review'"), d.to("aw-sam"));
        assertEquals(List.of("stage 'Stage One - The Review'"), d.to("irom-lee"));
        assertEquals(List.of("aw-sam", "irom-lee", "tm-kim"), d.recipients());

        // the IRO forwards the recommendations to the Allocated Worker, Team Manager and IRO Manager
        // within the two working days
        s.at("2026-05-26T09:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "RECOMMENDATIONS_FORWARDED",
                "Starred recommendation emailed to the allocated worker, the team manager and the IRO manager");
        s.at("2026-05-26T09:05");
        c = engine.concerns().recordAction(c.id(), c.version(), "IRO_MANAGER_NOTIFIED",
                "IRO manager given the details of the starred recommendation");
        assertEquals(List.of("RECOMMENDATIONS_FORWARDED", "IRO_MANAGER_NOTIFIED"), actions(current(c)));
        assertEquals(List.of(STARRED_RECOMMENDATION, STARRED_RECOMMENDATION), s.delivered().noteTypes());

        // ---- Stage Two - Ratification of the Recommendations
        s.at("2026-05-26T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Recommendations forwarded; ratification asked");
        StageRecord ratification = current(c);
        assertEquals(S001_RATIFICATION, ratification.stageId());
        // Tue 26 May 10:00 + 2 working days: Wed 27, Thu 28 -> due 00:00 Fri 29 May London = 2026-05-28T23:00:00Z
        assertEquals(Instant.parse("2026-05-28T23:00:00Z"), ratification.dueAt());
        d = s.delivered();
        assertEquals(List.of(STARRED_RECOMMENDATION), d.noteTypes());
        assertEquals(List.of("tm-kim"), d.recipients());
        String asked = d.body("stage 'Stage Two - Ratification of the Recommendations'");
        assertTrue(asked, asked.contains("due by the end of Thu 28 May 2026"));
        assertTrue(asked, asked.contains("A response is asked of the Team Manager"));

        // "only the Team Manager to authorise the recommendations"
        Concern atRatification = c;
        NotPermittedException notTheirs = Expect.thrown(NotPermittedException.class, () -> s.as("irom-lee",
                () -> engine.concerns().respond(atRatification.id(), atRatification.version(), ResponseKind.AGREE, null,
                        null)));
        assertTrue(notTheirs.getMessage(), notTheirs.getMessage().contains(
                "only the child's TEAM_MANAGER may respond in stage 'Stage Two - Ratification of the Recommendations'"));

        s.at("2026-05-28T11:00");
        c = s.as("tm-kim", () -> engine.concerns().respond(atRatification.id(), atRatification.version(),
                ResponseKind.DISAGREE, "Not agreed: Ava is settled and a move would disrupt her GCSE year", null));
        assertEquals(ResponseKind.DISAGREE, current(c).response().kind());
        assertEquals("tm-kim", current(c).response().by());
        assertTrue(c.agreedActions().isEmpty());
        d = s.delivered();
        assertEquals(List.of(STARRED_RECOMMENDATION), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-ruth"));

        // not agreed: the IRO informs the IRO Manager and they decide to progress to stage three
        s.at("2026-05-28T11:30");
        c = engine.concerns().recordAction(c.id(), c.version(), "IRO_MANAGER_INFORMED",
                "IRO manager informed; decided together to progress to stage three");

        // ---- Stage Three - Notification of Decision
        s.at("2026-05-28T14:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "The Team Manager does not ratify");
        assertEquals(S001_NOTIFICATION_OF_DECISION, current(c).stageId());
        // Thu 28 May 14:00 + 4 working days: Fri 29, Mon 1 June, Tue 2, Wed 3
        // -> due 00:00 Thu 4 June London = 2026-06-03T23:00:00Z
        assertEquals(Instant.parse("2026-06-03T23:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of(STARRED_RECOMMENDATION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("stage 'Stage Three - Notification of Decision'"), d.to("tm-kim"));
        assertEquals(List.of("tm-kim"), d.recipients());

        // the IRO meets the Team Manager with a view to resolving the matter informally
        s.at("2026-05-29T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "MET_TEAM_MANAGER", "Met Kim at the area office");
        s.at("2026-05-29T10:30");
        Concern afterMeeting = c;
        c = s.as("tm-kim", () -> engine.concerns().respond(afterMeeting.id(), afterMeeting.version(),
                ResponseKind.DISAGREE, "Still not agreed after meeting the IRO", null));
        s.at("2026-05-29T11:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "IRO_MANAGER_INFORMED", "No agreement: IRO manager told");
        // the young person is told what is happening via her advocate, and of her rights
        s.at("2026-05-29T15:00");
        c = engine.concerns().recordCommunication(c.id(), c.version(), "Ava, with her advocate", "visit",
                "Explained the starred recommendation and why the IRO is pursuing it; Ava understands the issues");
        s.at("2026-05-29T15:05");
        c = engine.concerns().recordAction(c.id(), c.version(), "YOUNG_PERSON_INFORMED", "Told via her advocate");
        s.at("2026-05-29T15:10");
        c = engine.concerns().recordAction(c.id(), c.version(), "RIGHT_TO_COMPLAIN_AND_TO_AN_ADVOCATE",
                "Told of her right to complain and to an independent advocate; she already has one");
        // the Complaints Officer tells the IRO of Ava's complaint
        s.at("2026-06-01T10:00");
        Concern beforeComplaint = c;
        c = s.as("co-max", () -> engine.concerns().recordAction(beforeComplaint.id(), beforeComplaint.version(),
                "COMPLAINT_MADE", "Ava has complained about her placement at the informal stage"));
        assertEquals(List.of("MET_TEAM_MANAGER", "IRO_MANAGER_INFORMED", "YOUNG_PERSON_INFORMED",
                "RIGHT_TO_COMPLAIN_AND_TO_AN_ADVOCATE", "COMPLAINT_MADE"), actions(current(c)));
        assertEquals("co-max", current(c).actions().get(4).doneBy());
        assertEquals("Ava, with her advocate", c.communications().get(0).withWhom());
        d = s.delivered();
        assertEquals(Collections.nCopies(7, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-ruth"));

        // ---- Stage Four - Informal Resolution
        s.at("2026-06-03T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "No agreement with the Team Manager");
        assertEquals(S001_INFORMAL_RESOLUTION, current(c).stageId());
        // Wed 3 June 10:00 + 4 working days: Thu 4, Fri 5, Mon 8, Tue 9
        // -> due 00:00 Wed 10 June London = 2026-06-09T23:00:00Z
        assertEquals(Instant.parse("2026-06-09T23:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of("hos-pat", "irom-lee", "tm-kim"), d.recipients());
        assertEquals(List.of("stage 'Stage Four - Informal Resolution'"), d.to("hos-pat"));
        s.at("2026-06-03T11:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "PROGRESSION_DISCUSSED",
                "Within the remit of the agency; progress");
        s.at("2026-06-04T09:30");
        Concern beforeAdvice = c;
        c = s.as("irom-lee", () -> engine.concerns().recordAction(beforeAdvice.id(), beforeAdvice.version(),
                "SAFEGUARDING_SERVICE_MANAGER_INFORMED", "Safeguarding Service Manager informed; advice sought"));
        s.at("2026-06-05T14:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "MEETING_HELD",
                "IRO, IRO manager, team manager and Head of Service met; no compromise");
        s.at("2026-06-08T12:00");
        Concern afterStageFourMeeting = c;
        c = s.as("hos-pat", () -> engine.concerns().respond(afterStageFourMeeting.id(), afterStageFourMeeting.version(),
                ResponseKind.DISAGREE, "A specialist foster placement will not be funded", null));
        s.delivered();

        // ---- Stage Five - Formal Resolution with Children's Services
        s.at("2026-06-09T09:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "No informal resolution");
        assertEquals(S001_FORMAL_CHILDRENS_SERVICES, current(c).stageId());
        // Tue 9 June 09:00 + 4 working days: Wed 10, Thu 11, Fri 12, Mon 15
        // -> due 00:00 Tue 16 June London = 2026-06-15T23:00:00Z
        assertEquals(Instant.parse("2026-06-15T23:00:00Z"), current(c).dueAt());
        assertEquals(List.of("ad-ali", "irom-lee"), s.delivered().recipients());
        s.at("2026-06-10T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "DISCUSSED_WITH_ASSISTANT_DIRECTOR",
                "Discussed with the Assistant Director of Children's Social Care");
        s.at("2026-06-11T15:00");
        Concern afterAssistantDirector = c;
        c = s.as("ad-ali", () -> engine.concerns().respond(afterAssistantDirector.id(),
                afterAssistantDirector.version(), ResponseKind.DISAGREE, "Resolution not agreed", null));
        s.at("2026-06-12T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "INTERNAL_DECISION_CONSIDERED",
                "Not a matter for internal decision making only; it progresses to stage six");
        s.delivered();

        // ---- Stage Six - Formal Resolution within the Local Authority: the Director, then the Chief Executive
        s.at("2026-06-15T12:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Unresolved with the Assistant Director");
        assertEquals(S001_FORMAL_LOCAL_AUTHORITY, current(c).stageId());
        // Mon 15 June 12:00 + 4 working days: Tue 16, Wed 17, Thu 18, Fri 19
        // -> due 00:00 Sat 20 June London = 2026-06-19T23:00:00Z
        assertEquals(Instant.parse("2026-06-19T23:00:00Z"), current(c).dueAt());
        assertEquals(List.of("dir-viv", "irom-lee", "ssm-jo"), s.delivered().recipients());
        s.at("2026-06-16T09:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "LEGAL_ADVICE_CONSIDERED", "Legal advice considered");
        s.at("2026-06-16T14:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "DISCUSSED_WITH_DIRECTOR",
                "Reasons documented: a potential breach of Ava's Article 8 rights");
        s.at("2026-06-17T10:00");
        Concern afterDirectorMeeting = c;
        c = s.as("dir-viv", () -> engine.concerns().respond(afterDirectorMeeting.id(), afterDirectorMeeting.version(),
                ResponseKind.DISAGREE, "The Director is not able to provide an acceptable resolution", null));
        s.at("2026-06-17T11:00");
        Concern beforeChiefExecutive = c;
        c = s.as("ssm-jo", () -> engine.concerns().recordAction(beforeChiefExecutive.id(),
                beforeChiefExecutive.version(), "REFERRED_TO_CHIEF_EXECUTIVE", "Referred to the Chief Executive"));
        assertEquals(List.of("LEGAL_ADVICE_CONSIDERED", "DISCUSSED_WITH_DIRECTOR", "REFERRED_TO_CHIEF_EXECUTIVE"),
                actions(current(c)));
        s.delivered();
        // "the Safeguarding Service Manager will be required to refer the matter to the Chief Executive"
        s.at("2026-06-17T11:30");
        Concern toChiefExecutive = c;
        c = s.as("ssm-jo", () -> engine.concerns().escalate(toChiefExecutive.id(), toChiefExecutive.version(), null,
                "The Director is not able to provide an acceptable resolution"));
        assertEquals(S001_CHIEF_EXECUTIVE, current(c).stageId());
        assertEquals("stage six is to be completed within 4 working days: the Chief Executive's part counts from its"
                + " start, due 00:00 Sat 20 June as the Director's was", Instant.parse("2026-06-19T23:00:00Z"),
                current(c).dueAt());
        assertEquals(List.of("ce-dee", "iro-ruth", "irom-lee"), s.delivered().recipients());
        s.at("2026-06-18T10:00");
        Concern withChiefExecutive = c;
        c = s.as("ce-dee", () -> engine.concerns().recordAction(withChiefExecutive.id(), withChiefExecutive.version(),
                "DISCUSSED_WITH_CHIEF_EXECUTIVE", "Discussed with the Chief Executive"));
        s.at("2026-06-18T11:00");
        Concern chiefExecutiveAnswers = c;
        c = s.as("ce-dee", () -> engine.concerns().respond(chiefExecutiveAnswers.id(), chiefExecutiveAnswers.version(),
                ResponseKind.DISAGREE, "The Chief Executive is not able to provide an acceptable resolution", null));
        s.delivered();

        // ---- Stage Seven - Decision by CAFCASS: "the IRO and IRO Manager MUST refer the matter to CAFCASS".
        // It is entered only by the referral: escalating to it is refused
        s.at("2026-06-19T10:00");
        Concern atTheTop = c;
        StageNotAllowedException notByEscalating = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().escalate(atTheTop.id(), atTheTop.version(), null, "Referral to CAFCASS"));
        assertTrue(notByEscalating.getMessage(), notByEscalating.getMessage().contains("refer to CAFCASS or resolve"));
        s.at("2026-06-19T10:30");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.AT_END,
                "No acceptable resolution within the local authority; the failure to place Ava may breach her human"
                        + " rights");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals(S001_DECISION_BY_CAFCASS, current(c).stageId());
        assertEquals(ReferralMode.AT_END, c.cafcass().mode());
        assertEquals("iro-ruth", c.cafcass().referredBy());
        assertEquals(london("2026-06-19T10:30"), c.cafcass().referredAt());
        // stage seven's 14 days from the referral on Fri 19 June: due 00:00 Sat 4 July London = 2026-07-03T23:00:00Z
        assertEquals(Instant.parse("2026-07-03T23:00:00Z"), c.cafcass().decisionDueAt());
        assertEquals(c.cafcass().decisionDueAt(), current(c).dueAt());
        // the formal process, stages one to six, ended inside its 20 working days
        assertTrue(c.stages().get(6).endedAt().isBefore(c.formalDueAt()));
        d = s.delivered();
        // "On doing so the Head of Service will be informed with the reasons why"
        assertEquals(List.of("referred to CAFCASS"), d.to("hos-pat"));
        assertEquals(List.of("referred to CAFCASS"), d.to("tm-kim"));
        assertEquals(List.of("stage 'Stage Seven - Decision by CAFCASS'"), d.to("irom-lee"));
        assertEquals(List.of("hos-pat", "irom-lee", "tm-kim"), d.recipients());

        // CAFCASS decides within its 14 days
        s.at("2026-07-01T12:00");
        c = engine.concerns().recordCafcassDecision(c.id(), c.version(), CafcassDecision.PROCEEDINGS,
                "CAFCASS Legal will issue proceedings");
        assertEquals(CafcassDecision.PROCEEDINGS, c.cafcass().decision());
        assertTrue(c.cafcass().decidedAt().isBefore(c.cafcass().decisionDueAt()));
        assertEquals(List.of(DISPUTE_RESOLUTION), s.delivered().noteTypes());

        // ---- the whole history
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals(List.of("REVIEW COMPLETED", "RATIFICATION COMPLETED", "NOTIFICATION_OF_DECISION COMPLETED",
                "INFORMAL_RESOLUTION COMPLETED", "FORMAL_RESOLUTION_CHILDRENS_SERVICES COMPLETED",
                "FORMAL_RESOLUTION_LOCAL_AUTHORITY COMPLETED", "CHIEF_EXECUTIVE COMPLETED",
                "DECISION_BY_CAFCASS COMPLETED"), stages(c));
        assertEquals(c, engine.concerns().find(c.id()).orElseThrow());
        // stages one and two on Ava's file as the starred recommendation, the rest as dispute resolution
        List<String> onFile = new ArrayList<>(Collections.nCopies(7, STARRED_RECOMMENDATION));
        onFile.addAll(Collections.nCopies(28, DISPUTE_RESOLUTION));
        assertEquals(onFile, s.noteTypesOnFile());
        // five responses, the Safeguarding Service Manager taking it to the Chief Executive, and the Chief
        // Executive's answer
        List<String> toTheIro = new ArrayList<>(Collections.nCopies(5, "response recorded"));
        toTheIro.add("stage 'Stage Six - Formal Resolution within the Local Authority (the Chief Executive)'");
        toTheIro.add("response recorded");
        assertEquals(toTheIro, subjects(engine.host().inbox("iro-ruth")));
        assertEquals(List.of(
                "raise by iro-ruth", "recordAction by iro-ruth", "recordAction by iro-ruth", "escalate by iro-ruth",
                "respond by tm-kim", "recordAction by iro-ruth",
                "escalate by iro-ruth", "recordAction by iro-ruth", "respond by tm-kim", "recordAction by iro-ruth",
                "recordCommunication by iro-ruth", "recordAction by iro-ruth", "recordAction by iro-ruth",
                "recordAction by co-max",
                "escalate by iro-ruth", "recordAction by iro-ruth", "recordAction by irom-lee",
                "recordAction by iro-ruth", "respond by hos-pat",
                "escalate by iro-ruth", "recordAction by iro-ruth", "respond by ad-ali", "recordAction by iro-ruth",
                "escalate by iro-ruth", "recordAction by iro-ruth", "recordAction by iro-ruth", "respond by dir-viv",
                "recordAction by ssm-jo", "escalate by ssm-jo", "recordAction by ce-dee", "respond by ce-dee",
                "referToCafcass by iro-ruth", "recordCafcassDecision by iro-ruth"), s.trail(c.id(), "qa-lead"));
        assertEquals(32, c.version());
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void aTeamManagerWithoutTheRemitSendsTheRecommendationStraightToTheServiceHeadAtStageFour() {
        // a starred recommendation at Ava's review on Wednesday 25 November 2026 (GMT)
        s.at("2026-11-25T15:00");
        Concern c = engine.concerns().raise(starredRecommendation("SCHOOL_PLACEMENT",
                "Ava has had no school place since she moved placement in September", "Ava offered a school place",
                LocalDate.of(2026, 12, 11), "tm-kim", null));
        // 20 working days from Wed 25 November: Thu 26 is day 1, Wed 23 December day 20
        // -> due 00:00 Thu 24 December = 2026-12-24T00:00:00Z
        assertEquals(Instant.parse("2026-12-24T00:00:00Z"), c.formalDueAt());
        s.at("2026-11-26T09:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Forwarded; ratification asked");
        // Thu 26 November 09:00 + 2 working days: Fri 27, Mon 30 -> due 00:00 Tue 1 December = 2026-12-01T00:00:00Z
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), current(c).dueAt());
        s.delivered();

        s.at("2026-11-27T10:00");
        Concern atRatification = c;
        c = s.as("tm-kim", () -> engine.concerns().respond(atRatification.id(), atRatification.version(),
                ResponseKind.NO_REMIT, "An out-of-borough school place is for the Head of Service to decide", null));
        assertEquals(List.of("REVIEW COMPLETED", "RATIFICATION COMPLETED", "INFORMAL_RESOLUTION ACTIVE"), stages(c));
        assertEquals("No remit: moved to 'Stage Four - Informal Resolution'", c.stages().get(1).outcome());
        assertEquals(ResponseKind.NO_REMIT, c.stages().get(1).response().kind());
        StageRecord stageFour = current(c);
        assertEquals("The responding manager has no remit", stageFour.note());
        // Fri 27 November 10:00 + 4 working days: Mon 30, Tue 1 December, Wed 2, Thu 3
        // -> due 00:00 Fri 4 December = 2026-12-04T00:00:00Z
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), stageFour.dueAt());
        Delivered d = s.delivered();
        // the response on the ratification stage and the entry into stage four, in one moment
        assertEquals(List.of(DISPUTE_RESOLUTION, STARRED_RECOMMENDATION), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-ruth"));
        assertEquals(List.of("stage 'Stage Four - Informal Resolution'"), d.to("hos-pat"));
        assertEquals(List.of("stage 'Stage Four - Informal Resolution'"), d.to("irom-lee"));
        assertEquals(List.of("hos-pat", "iro-ruth", "irom-lee"), d.recipients());

        // the Service Head agrees and takes the action on
        s.at("2026-11-30T11:00");
        Concern atStageFour = c;
        c = s.as("hos-pat", () -> engine.concerns().respond(atStageFour.id(), atStageFour.version(), ResponseKind.AGREE,
                null, List.of(new NewAgreedAction("Out-of-borough school place funded and offered", "hos-pat",
                        LocalDate.of(2026, 12, 11)))));
        assertEquals(1, c.agreedActions().size());
        assertEquals(LocalDate.of(2026, 12, 11), c.agreedActions().get(0).dueBy());
        s.at("2026-12-09T16:00");
        Concern agreed = c;
        c = s.as("hos-pat", () -> engine.concerns().completeAgreedAction(agreed.id(), agreed.version(), 1,
                "Place offered from 4 January"));
        assertTrue(c.agreedActions().get(0).isCompleted());
        d = s.delivered();
        assertEquals(List.of("agreed action done", "response recorded"), d.to("iro-ruth"));

        s.at("2026-12-10T09:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Ava has a school place from 4 January");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals("Resolved: Ava has a school place from 4 January", c.stages().get(2).outcome());
        assertEquals(london("2026-12-10T09:00"), c.endedAt());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION), d.noteTypes());
        // the Team Manager responsible, and the stage's participants
        assertEquals(List.of("hos-pat", "irom-lee", "ssm-jo", "tm-kim"), d.recipients());
        assertEquals(List.of("resolved"), d.to("tm-kim"));

        assertEquals(List.of("raise by iro-ruth", "escalate by iro-ruth", "respond by tm-kim", "respond by hos-pat",
                "completeAgreedAction by hos-pat", "resolve by iro-ruth"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void theIroMayBeginAtStageFiveAndEndItThereAsAMatterForInternalDecisionOnly() {
        // "The IRO can determine what level to begin the process" - but not at CAFCASS's own decision
        s.at("2026-09-07T10:00");
        StageNotAllowedException notStageSeven = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().raise(starredRecommendation("DELAY_DISCHARGE_OF_CARE_ORDER",
                        "The application to discharge Ava's care order has been delayed for eight months",
                        "Application to discharge the care order made", LocalDate.of(2026, 10, 2), "ad-ali",
                        S001_DECISION_BY_CAFCASS)));
        assertTrue(notStageSeven.getMessage(), notStageSeven.getMessage()
                .contains("does not let the IRO start at stage 'Stage Seven - Decision by CAFCASS'"));
        assertEquals("nothing was stored for Ava", List.of(), s.as("qa-lead", () -> engine.concerns().concernsForChild(ava)));

        Concern c = engine.concerns().raise(starredRecommendation("DELAY_DISCHARGE_OF_CARE_ORDER",
                "The application to discharge Ava's care order has been delayed for eight months",
                "Application to discharge the care order made", LocalDate.of(2026, 10, 2), "ad-ali",
                S001_FORMAL_CHILDRENS_SERVICES));
        assertEquals(List.of("FORMAL_RESOLUTION_CHILDRENS_SERVICES ACTIVE"), stages(c));
        assertEquals("Entered directly at raising", current(c).note());
        // Mon 7 September 10:00 + 4 working days: Tue 8, Wed 9, Thu 10, Fri 11
        // -> due 00:00 Sat 12 September London (BST) = 2026-09-11T23:00:00Z
        assertEquals(Instant.parse("2026-09-11T23:00:00Z"), current(c).dueAt());
        // 20 working days from Mon 7 September: Tue 8 is day 1, Mon 5 October day 20
        // -> due 00:00 Tue 6 October London = 2026-10-05T23:00:00Z
        assertEquals(Instant.parse("2026-10-05T23:00:00Z"), c.formalDueAt());
        Delivered d = s.delivered();
        // the raising, as a starred recommendation, and the entry into stage five, in one moment
        assertEquals(List.of(DISPUTE_RESOLUTION, STARRED_RECOMMENDATION), d.noteTypes());
        assertEquals(List.of("concern raised", "stage 'Stage Five - Formal Resolution with Children's Services'"),
                d.to("ad-ali"));
        assertEquals(List.of("ad-ali", "irom-lee"), d.recipients());

        s.at("2026-09-09T11:00");
        Concern atStageFive = c;
        c = s.as("ad-ali", () -> engine.concerns().respond(atStageFive.id(), atStageFive.version(),
                ResponseKind.DISAGREE, "The timing of a discharge application is for the local authority", null));
        s.at("2026-09-10T15:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "INTERNAL_DECISION_CONSIDERED",
                "With the Safeguarding Service Manager's advice: a matter for internal decision making only");
        // "the matter is for internal decision making only and cannot be referred further by the IRO": an
        // ending of its own, decided by the IRO and IRO Manager; not a resolution, not a withdrawal
        s.at("2026-09-10T15:30");
        Concern decidedInternally = c;
        c = s.as("irom-lee", () -> engine.concerns().end(decidedInternally.id(), decidedInternally.version(),
                "INTERNAL_DECISION", "The timing of the application is for the local authority's decision alone"));
        assertEquals(ConcernStatus.ENDED, c.status());
        assertEquals("INTERNAL_DECISION", c.ending());
        assertEquals("The timing of the application is for the local authority's decision alone", c.endReason());
        assertEquals(List.of("FORMAL_RESOLUTION_CHILDRENS_SERVICES COMPLETED"), stages(c));
        assertNull(c.cafcass());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("ad-ali", "iro-ruth", "ssm-jo"), d.recipients());
        assertEquals(List.of("ended: A matter for internal decision making only, which cannot be referred further by"
                + " the IRO", "response recorded"), d.to("iro-ruth"));

        // "cannot be referred further by the IRO"
        Concern ended = c;
        Expect.thrown(ConcernEndedException.class, () -> engine.concerns().referToCafcass(ended.id(),
                ended.version(), ReferralMode.CURTAILED, "Reconsidering"));
        assertEquals(List.of("raise by iro-ruth", "respond by ad-ali", "recordAction by iro-ruth",
                "end by irom-lee"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void stagesPastTheirTwoWorkingDaysPromptTheIroAndTheTwentyDayLimitIsWatched() {
        s.at("2026-05-22T16:00");
        Concern c = engine.concerns().raise(starredRecommendation("PLACEMENT_NOT_MEETING_NEEDS",
                "Ava's placement is not meeting her needs", "Referral to the fostering panel", LocalDate.of(2026, 6, 19),
                "tm-kim", null));
        s.delivered();
        // Stage One due 00:00 Thu 28 May (BST): amber from the start of Wed 27 May
        Delivered d = s.firedAt("2026-05-27T00:00", ava);
        assertEquals(List.of("stage 'Stage One - The Review' due soon"), d.to("iro-ruth"));
        d = s.firedAt("2026-05-28T00:00", ava);
        assertEquals(List.of("decision needed", "stage 'Stage One - The Review' overdue"), d.to("iro-ruth"));
        assertTrue(s.alerts(ava).contains("RED STAGE_OVERDUE"));
        // "the total formal process ... no more than 20 working days": passed at 00:00 Tue 23 June (BST)
        assertEquals(List.of(), s.firedAt("2026-06-22T23:59", ava).to("iro-ruth"));
        d = s.firedAt("2026-06-23T00:00", ava);
        assertEquals(List.of("formal process beyond its limit"), d.to("iro-ruth"));
        assertEquals(List.of("formal process beyond its limit"), d.to("tm-kim"));
        assertTrue(s.alerts(ava).contains("RED TOTAL_LIMIT_PASSED"));
        assertEquals(c.formalDueAt(), engine.alerts().alertsForChild(ava).stream()
                .filter(a -> a.kind() == uk.starred.api.alert.AlertKind.TOTAL_LIMIT_PASSED).findFirst().orElseThrow()
                .dueAt());
    }
}
