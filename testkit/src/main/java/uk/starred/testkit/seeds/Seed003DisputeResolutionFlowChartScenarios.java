package uk.starred.testkit.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.actions;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;
import static uk.starred.testkit.seeds.SeedProcedures.ASSISTANT_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.CONFERENCE_AND_REVIEWING_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES;
import static uk.starred.testkit.seeds.SeedProcedures.DISPUTE_RESOLUTION;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.MANAGING_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.S003_INFORMAL_DISCUSSION;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_1;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_2;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_3;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_4;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_5;
import static uk.starred.testkit.seeds.SeedProcedures.S003_STAGE_6;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_DELIVERY_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT;
import static uk.starred.testkit.seeds.SeedProcedures.SOCIAL_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

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
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Cohort;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Seed 003, the six-stage Dispute Resolution flow chart, walked for Dev, a child in care: a red RAG
 * rating that goes from the informal discussion through stages 1 and 2, bypasses stage 3 with a
 * rationale, and is curtailed at stage 4 with a referral to CAFCASS for Dev's urgent need; a concern
 * taken through every stage to the referral at stage 6; and one ending "Issue resolved, no further
 * action" at stage 2.
 *
 * <p>Longer than 400 lines because it holds one seed's scenarios, in the order of the seed's text, so
 * that each reads beside the part of the chart it checks.
 */
public abstract class Seed003DisputeResolutionFlowChartScenarios extends SeedScenarios {

    protected String dev;

    @Before
    public void setUp() {
        begin(london("2026-03-01T09:00"), SeedProcedures.DISPUTE_RESOLUTION_FLOW_CHART_003);
        dev = engine.childId("dev");
        engine.host().child(dev, Cohort.LOOKED_AFTER)
                .role("iro-ola", IRO, dev)
                .role("sw-sid", SOCIAL_WORKER, dev)
                .role("tm-tara", TEAM_MANAGER, dev)
                .role("crm-cal", CONFERENCE_AND_REVIEWING_MANAGER, dev)
                .role("sdm-sam", SERVICE_DELIVERY_MANAGER, dev)
                .role("ad-ada", ASSISTANT_DIRECTOR, dev)
                .role("sdmsi-sia", SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT, dev)
                .role("dcas-dom", DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES, dev)
                .role("md-mo", MANAGING_DIRECTOR, dev)
                .overseer("qa-lead");
        engine.host().signIn("iro-ola");
    }

    private Concern raise(ConcernOrigin origin, String reason, String description, String remedy, LocalDate by) {
        return engine.concerns().raise(new RaiseConcern(dev, procedure.ref(), origin, List.of(reason), description,
                remedy, by, "tm-tara", null));
    }

    /** @return the child's concern at stage 1, as the IRO reads it */
    private Concern atStageOne(String child) {
        return engine.concerns().concernsForChild(child).get(0);
    }

    private Concern respond(String staffId, Concern c, ResponseKind kind, String reasons) {
        return s.as(staffId, () -> engine.concerns().respond(c.id(), c.version(), kind, reasons, null));
    }

    @Test
    public void aRedRagRatingBypassesStageThreeWithARationaleAndIsCurtailedForUrgencyWithACafcassReferral() {
        // ---- a red RAG rating at Dev's Child in Care Review on Wed 25 March 2026 (GMT)
        s.at("2026-03-25T14:00");
        Concern c = raise(ConcernOrigin.RED_RAG_RATING, "RED_RAG_RATING",
                "Dev's placement is at risk of breakdown and the therapeutic support agreed in January has not started",
                "Therapeutic support in place", LocalDate.of(2026, 4, 24));
        assertEquals(S003_INFORMAL_DISCUSSION, current(c).stageId());
        assertNull(current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("sw-sid", "tm-tara"), d.recipients());

        // ---- Stage 1, if not resolved: the IRO discusses in person, tells their manager, alerts by email
        s.at("2026-03-26T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved in the informal discussion");
        assertEquals(S003_STAGE_1, current(c).stageId());
        // "Team Manager responds within 5 days": Thu 26 March is day nought, Tue 31 March day 5; the clocks
        // go forward on Sun 29 March -> due 00:00 Wed 1 April London (BST) = 2026-03-31T23:00:00Z
        assertEquals(Instant.parse("2026-03-31T23:00:00Z"), current(c).dueAt());
        assertEquals(List.of("sw-sid", "tm-tara"), s.delivered().recipients());
        s.at("2026-03-26T11:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "DISCUSSED_IN_PERSON", "Met Dev's SW and TM");
        s.at("2026-03-26T11:30");
        c = engine.concerns().recordAction(c.id(), c.version(), "LINE_MANAGER_INFORMED",
                "Conference and Reviewing Manager told");
        s.at("2026-03-26T12:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "ALERT_ISSUED_BY_EMAIL", "Alert emailed to the TM");
        // "keep the child or young person, parents and carers informed of the progress throughout each stage":
        // Starred drafts the update in plain words; the IRO adapts it and records it as sent
        String draft = engine.concerns().familyUpdate(c.id()).orElseThrow();
        assertTrue(draft, draft.contains("Where it is now: Stage 1: IRO alert; Team Manager responds within 5 days."));
        assertTrue(draft, draft.contains("A red RAG rating arising from the Child in Care Review."));
        assertTrue(draft, draft.contains("the Team Manager has been asked to answer by the end of Tue 31 Mar 2026"));
        assertTrue(draft, draft.contains("goes on to: Stage 2: Conference and Reviewing Manager"));
        assertTrue(draft, draft.contains("Who to contact: your Independent Reviewing Officer, Staff iro-ola."));
        assertTrue(draft, draft.contains("Children Act 1989, section 26A"));
        assertFalse("the IRO's own words about the concern are not repeated to the family",
                draft.contains("placement is at risk of breakdown"));
        assertTrue("only those who drive the concern are given the draft",
                s.as("tm-tara", () -> engine.concerns().familyUpdate(atStageOne(dev).id())).isEmpty());
        String sent = "Dev, your IRO has asked your social work team to start the therapy they agreed in January."
                + " They have until the end of Tuesday to answer. You can call me any time, or ask for an advocate.";
        c = engine.concerns().recordFamilyUpdate(c.id(), c.version(), "Dev and his foster carers", "visit", sent);
        assertTrue(c.communications().get(0).familyUpdate());
        assertEquals(sent, c.communications().get(0).summary());
        s.at("2026-03-30T10:00");
        c = respond("tm-tara", c, ResponseKind.DISAGREE, "The therapy provider has no capacity until June");
        assertEquals(List.of("DISCUSSED_IN_PERSON", "LINE_MANAGER_INFORMED", "ALERT_ISSUED_BY_EMAIL"),
                actions(current(c)));
        d = s.delivered();
        assertEquals(Collections.nCopies(5, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-ola"));

        // ---- Stage 2: the Conference and Reviewing Manager and the SDM, within 5 working days
        s.at("2026-04-01T09:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Team Manager's response does not resolve it");
        assertEquals(S003_STAGE_2, current(c).stageId());
        // Wed 1 April 09:00 + 5 working days: Thu 2, (Good Friday 3 April and Easter Monday 6 April are bank
        // holidays) Tue 7, Wed 8, Thu 9, Fri 10 -> due 00:00 Sat 11 April London = 2026-04-10T23:00:00Z
        assertEquals(Instant.parse("2026-04-10T23:00:00Z"), current(c).dueAt());
        assertEquals(List.of("crm-cal", "sdm-sam"), s.delivered().recipients());
        s.at("2026-04-01T09:30");
        c = engine.concerns().recordAction(c.id(), c.version(), "ALERT_PROGRESSED", "Alert progressed");
        s.at("2026-04-09T14:00");
        Concern atStageTwo = c;
        c = s.as("crm-cal", () -> engine.concerns().recordAction(atStageTwo.id(), atStageTwo.version(), "MEETING_HELD",
                "Met the SDM of the Children and Families service"));
        s.at("2026-04-09T16:00");
        c = respond("sdm-sam", c, ResponseKind.DISAGREE, "No alternative provider can be funded");
        s.delivered();

        // ---- "The IRO may bypass any stage ... if there is a clear rational for doing so"
        s.at("2026-04-10T10:00");
        String rationale = "The Assistant Director chaired the panel that declined the funding; a stage 3 meeting"
                + " would add delay without any prospect of resolution";
        c = engine.concerns().bypass(c.id(), c.version(), S003_STAGE_4, rationale);
        StageRecord stageThree = c.stages().get(3);
        assertEquals(S003_STAGE_3, stageThree.stageId());
        assertEquals(StageState.BYPASSED, stageThree.state());
        assertEquals(rationale, stageThree.note());
        assertNull(stageThree.dueAt());
        assertEquals("Bypassed on to 'Stage 4: independent legal advice; Director of Children's and Adult Services'",
                c.stages().get(2).outcome());
        assertEquals(S003_STAGE_4, current(c).stageId());
        assertEquals("Bypassed: " + rationale, current(c).note());
        // Fri 10 April 10:00 + 5 working days: Mon 13 ... Fri 17 -> due 00:00 Sat 18 April London = 2026-04-17T23:00:00Z
        assertEquals(Instant.parse("2026-04-17T23:00:00Z"), current(c).dueAt());
        d = s.delivered();
        // the bypass and the entry into stage 4, each on Dev's file
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertTrue(d.notes().stream().anyMatch(n -> n.text().contains("bypassed by Staff iro-ola: " + rationale)));
        // the stage 3 managers are not asked to meet; the Director is
        assertEquals(List.of("dcas-dom"), d.recipients());

        s.at("2026-04-13T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "INDEPENDENT_LEGAL_ADVICE",
                "Independent legal advice: the failure to provide therapy may breach Dev's Article 8 rights");
        // "The IRO may seek guidance (though not legal advice) from CAFCASS at any stage"
        s.at("2026-04-14T11:00");
        c = engine.concerns().recordCommunication(c.id(), c.version(), "CAFCASS Legal duty helpline", "telephone",
                "Guidance on a possible referral; no other step available before a referral");

        // ---- "The IRO may curtail the process, at any stage, in order to support any urgent needs of a child"
        s.at("2026-04-14T16:00");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.CURTAILED,
                "Dev's placement will end on Friday without the therapy; the process is curtailed");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals("Referred to CAFCASS (process curtailed: the child's need is urgent)", c.stages().get(4).outcome());
        assertEquals(List.of(), c.cafcass().informed());
        // the chart gives CAFCASS no time to decide: no decision clock is set
        assertNull(c.cafcass().decisionDueAt());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION, DISPUTE_RESOLUTION, DISPUTE_RESOLUTION), d.noteTypes());
        assertEquals(List.of("referred to CAFCASS"), d.to("tm-tara"));
        assertEquals(List.of("tm-tara"), d.recipients());

        s.at("2026-04-27T12:00");
        c = engine.concerns().recordCafcassDecision(c.id(), c.version(), CafcassDecision.PROCEEDINGS,
                "CAFCASS will apply to the court");
        assertEquals(CafcassDecision.PROCEEDINGS, c.cafcass().decision());

        assertEquals(List.of("INFORMAL_DISCUSSION COMPLETED", "STAGE_1 COMPLETED", "STAGE_2 COMPLETED",
                "STAGE_3 BYPASSED", "STAGE_4 COMPLETED"), stages(c));
        // "records of all communication and outcome at each stage ... on the child's file"
        assertEquals(Collections.nCopies(18, DISPUTE_RESOLUTION), s.noteTypesOnFile());
        assertEquals(List.of("raise by iro-ola", "escalate by iro-ola", "recordAction by iro-ola",
                "recordAction by iro-ola", "recordAction by iro-ola", "recordFamilyUpdate by iro-ola",
                "respond by tm-tara", "escalate by iro-ola", "recordAction by iro-ola", "recordAction by crm-cal",
                "respond by sdm-sam", "bypass by iro-ola", "recordAction by iro-ola", "recordCommunication by iro-ola",
                "referToCafcass by iro-ola", "recordCafcassDecision by iro-ola"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void aConcernNotResolvedAtAnyStageReachesStageSixAndTheIroSubmitsTheReferral() {
        s.at("2026-08-03T10:00");
        Concern c = raise(ConcernOrigin.CONCERN_OUTSIDE_REVIEW, "CONCERN_OUTSIDE_REVIEW",
                "Dev's contact with his brother stopped in June without a decision",
                "Sibling contact reinstated", LocalDate.of(2026, 9, 30));
        // stage 1: Tue 4 August is day nought, Sun 9 August day 5 -> due 00:00 Mon 10 August London = 2026-08-09T23:00:00Z
        s.at("2026-08-04T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved informally");
        assertEquals(Instant.parse("2026-08-09T23:00:00Z"), current(c).dueAt());
        s.at("2026-08-07T10:00");
        c = respond("tm-tara", c, ResponseKind.DISAGREE, "Contact is not safe");
        // stage 2: Mon 10 August + 5 working days: Tue 11 ... Mon 17 -> due 00:00 Tue 18 August = 2026-08-17T23:00:00Z
        s.at("2026-08-10T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 1");
        assertEquals(Instant.parse("2026-08-17T23:00:00Z"), current(c).dueAt());
        s.at("2026-08-14T10:00");
        c = respond("sdm-sam", c, ResponseKind.DISAGREE, "Not resolved at stage 2");
        // stage 3: Mon 17 August + 5 working days: Tue 18 ... Mon 24 -> due 00:00 Tue 25 August = 2026-08-24T23:00:00Z
        s.at("2026-08-17T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 2");
        assertEquals(Instant.parse("2026-08-24T23:00:00Z"), current(c).dueAt());
        s.at("2026-08-21T10:00");
        c = respond("ad-ada", c, ResponseKind.DISAGREE, "Not resolved at stage 3");
        // stage 4: Mon 24 August + 5 working days: Tue 25, Wed 26, Thu 27, Fri 28, (Mon 31 August is the summer
        // bank holiday) Tue 1 September -> due 00:00 Wed 2 September = 2026-09-01T23:00:00Z
        s.at("2026-08-24T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 3");
        assertEquals(Instant.parse("2026-09-01T23:00:00Z"), current(c).dueAt());
        s.at("2026-08-25T10:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "INDEPENDENT_LEGAL_ADVICE", "Advice taken");
        s.at("2026-08-28T10:00");
        c = respond("dcas-dom", c, ResponseKind.DISAGREE, "Not resolved at stage 4");
        // stage 5: Tue 1 September + 5 working days: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8
        // -> due 00:00 Wed 9 September = 2026-09-08T23:00:00Z
        s.at("2026-09-01T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 4");
        assertEquals(S003_STAGE_5, current(c).stageId());
        assertEquals(Instant.parse("2026-09-08T23:00:00Z"), current(c).dueAt());
        s.delivered();

        // a referral "at the end" is not yet possible at stage 5
        Concern atStageFive = c;
        StageNotAllowedException notYet = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().referToCafcass(atStageFive.id(), atStageFive.version(), ReferralMode.AT_END,
                        "Not resolved"));
        assertTrue(notYet.getMessage(), notYet.getMessage().contains("only once stage 'Stage 6: IRO submits referral"));

        s.at("2026-09-07T10:00");
        c = respond("md-mo", c, ResponseKind.DISAGREE, "The Managing Director will not reinstate contact");
        // ---- Stage 6: "IRO submits referral to CAFCASS for consideration of legal proceedings"
        s.at("2026-09-08T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 5");
        assertEquals(S003_STAGE_6, current(c).stageId());
        assertNull(current(c).dueAt());
        assertEquals(List.of("stage 'Stage 6: IRO submits referral to CAFCASS for consideration of legal proceedings'"),
                s.delivered().to("crm-cal"));
        s.at("2026-09-09T10:00");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.AT_END,
                "Not resolved at any stage of the process");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        assertEquals(ReferralMode.AT_END, c.cafcass().mode());
        assertNull(c.cafcass().decisionDueAt());
        assertEquals(List.of("INFORMAL_DISCUSSION COMPLETED", "STAGE_1 COMPLETED", "STAGE_2 COMPLETED",
                "STAGE_3 COMPLETED", "STAGE_4 COMPLETED", "STAGE_5 COMPLETED", "STAGE_6 COMPLETED"), stages(c));
        assertEquals(List.of("referred to CAFCASS"), s.delivered().to("tm-tara"));
        // the refused referral at stage 5 left no trace
        assertEquals(List.of("raise by iro-ola", "escalate by iro-ola", "respond by tm-tara", "escalate by iro-ola",
                "respond by sdm-sam", "escalate by iro-ola", "respond by ad-ada", "escalate by iro-ola",
                "recordAction by iro-ola", "respond by dcas-dom", "escalate by iro-ola", "respond by md-mo",
                "escalate by iro-ola", "referToCafcass by iro-ola"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void anIssueResolvedAtStageTwoEndsWithNoFurtherAction() {
        s.at("2026-11-02T10:00");
        Concern c = raise(ConcernOrigin.CONCERN_OUTSIDE_REVIEW, "CONCERN_IDENTIFIED_BY_IRO",
                "Dev's Personal Education Plan has not been reviewed this term", "PEP review held",
                LocalDate.of(2026, 11, 20));
        // nothing is referred alongside the informal discussion: the chart has no such referral
        Concern informal = c;
        StageNotAllowedException tooSoon = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().referToCafcass(informal.id(), informal.version(), ReferralMode.CONCURRENT,
                        "Alongside"));
        assertTrue(tooSoon.getMessage(), tooSoon.getMessage().contains("only once stage 'Stage 6: IRO submits"
                + " referral to CAFCASS for consideration of legal proceedings' has begun"));

        s.at("2026-11-03T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved informally");
        // "within 5 days": Tue 3 November is day nought, Sun 8 November day 5 -> due 00:00 Mon 9 November = 2026-11-09T00:00:00Z
        assertEquals(Instant.parse("2026-11-09T00:00:00Z"), current(c).dueAt());
        s.at("2026-11-06T10:00");
        c = respond("tm-tara", c, ResponseKind.DISAGREE, "The designated teacher is off sick");
        s.at("2026-11-09T10:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved at stage 1");
        // Mon 9 November + 5 working days: Tue 10 ... Mon 16 -> due 00:00 Tue 17 November = 2026-11-17T00:00:00Z
        assertEquals(Instant.parse("2026-11-17T00:00:00Z"), current(c).dueAt());
        s.at("2026-11-12T10:00");
        Concern atStageTwo = c;
        c = s.as("crm-cal", () -> engine.concerns().recordAction(atStageTwo.id(), atStageTwo.version(), "MEETING_HELD",
                "Met the SDM"));
        // nor alongside stage 2: a concurrent referral waits for stage 6, unless the IRO curtails the process
        Concern atTwo = c;
        StageNotAllowedException notAtTwo = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().referToCafcass(atTwo.id(), atTwo.version(), ReferralMode.CONCURRENT,
                        "Alongside"));
        assertTrue(notAtTwo.getMessage(), notAtTwo.getMessage().contains("has begun"));
        assertEquals(atTwo, engine.concerns().find(c.id()).orElseThrow());
        s.at("2026-11-12T11:00");
        Concern met = c;
        c = s.as("sdm-sam", () -> engine.concerns().respond(met.id(), met.version(), ResponseKind.AGREE, null,
                List.of(new NewAgreedAction("PEP review held by the virtual school", "sw-sid",
                        LocalDate.of(2026, 11, 20)))));
        s.delivered();

        s.at("2026-11-13T10:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Issue resolved, no further action");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals("Resolved: Issue resolved, no further action", c.stages().get(2).outcome());
        assertEquals(List.of("INFORMAL_DISCUSSION COMPLETED", "STAGE_1 COMPLETED", "STAGE_2 COMPLETED"), stages(c));
        Delivered d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION), d.noteTypes());
        assertTrue(d.notes().get(0).text(), d.notes().get(0).text().contains("Issue resolved, no further action"));
        assertEquals(List.of("crm-cal", "sdm-sam", "tm-tara"), d.recipients());
        assertEquals(List.of("raise by iro-ola", "escalate by iro-ola", "respond by tm-tara", "escalate by iro-ola",
                "recordAction by crm-cal", "respond by sdm-sam", "resolve by iro-ola"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void theIroBypassesTheInformalDiscussionAndStartsAtStageOne() {
        s.at("2026-11-02T10:00");
        Concern c = engine.concerns().raise(new RaiseConcern(dev, procedure.ref(), ConcernOrigin.RED_RAG_RATING,
                List.of("RED_RAG_RATING"), "Dev's placement plan has no date for the stability meeting",
                "Stability meeting held", LocalDate.of(2026, 11, 30), "tm-tara", S003_STAGE_1));
        assertEquals(List.of("STAGE_1 ACTIVE"), stages(c));
        // "within 5 days": Mon 2 November is day nought, Sat 7 November day 5 -> due 00:00 Sun 8 November = 2026-11-08T00:00:00Z
        assertEquals(Instant.parse("2026-11-08T00:00:00Z"), current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of("concern raised", "stage 'Stage 1: IRO alert; Team Manager responds within 5 days'"),
                d.to("tm-tara"));
        // the Team Manager is told the IRO's timescale for the remedy with the stage
        assertTrue(d.bodyTo("tm-tara", "Team Manager responds within 5 days'"),
                d.bodyTo("tm-tara", "Team Manager responds within 5 days'")
                        .contains("The IRO's timescale for the remedy: by Mon 30 Nov 2026."));
        // the update for Dev and his carers is due at this stage too, and asked of the IRO until it is sent
        assertTrue(engine.concerns().familyUpdate(c.id()).orElseThrow().contains("Where it is now: Stage 1"));
        assertTrue(s.alerts(dev).toString(), s.alerts(dev).contains("GREEN FAMILY_UPDATE_DUE"));
        c = engine.concerns().recordFamilyUpdate(c.id(), c.version(), "Dev", "visit", "Your IRO has asked for the"
                + " stability meeting to be held by the end of the month.");
        assertFalse(s.alerts(dev).toString(), s.alerts(dev).contains("GREEN FAMILY_UPDATE_DUE"));
    }

    @Test
    public void aTeamManagerWhoDoesNotRespondWithinFiveDaysLeavesTheIroToDecideTheNextStage() {
        s.at("2026-03-25T14:00");
        Concern c = raise(ConcernOrigin.RED_RAG_RATING, "RED_RAG_RATING", "Dev's therapeutic support has not started",
                "Therapeutic support in place", LocalDate.of(2026, 4, 24));
        s.delivered();
        assertEquals("the informal discussion has no timescale", List.of(), s.firedAt("2026-03-27T09:00", dev).messages());
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved in the informal discussion");
        // Stage 1: "Team Manager responds within 5 days": Fri 27 March is day nought, Wed 1 April day 5
        // -> due 00:00 Thu 2 April (BST); amber from the start of Wed 1 April
        assertEquals(java.time.Instant.parse("2026-04-01T23:00:00Z"), current(c).dueAt());
        s.delivered();
        String stage = "stage 'Stage 1: IRO alert; Team Manager responds within 5 days'";
        assertEquals(List.of(), s.firedAt("2026-03-31T23:59", dev).messages());
        Delivered d = s.firedAt("2026-04-01T00:00", dev);
        assertEquals(List.of(stage + " due soon"), d.to("tm-tara"));
        d = s.firedAt("2026-04-02T00:00", dev);
        assertEquals(List.of(stage + " overdue"), d.to("tm-tara"));
        assertEquals(List.of("decision needed", stage + " overdue"), d.to("iro-ola"));
        assertEquals("Stage 1 is the first formal stage; the family's update is asked of the IRO too",
                List.of("RED FORMAL_ALERT", "RED STAGE_OVERDUE", "GREEN FAMILY_UPDATE_DUE"), s.alerts(dev));
    }
}
