package uk.starred.testkit.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.actions;
import static uk.starred.testkit.seeds.Scenario.current;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.testkit.seeds.Scenario.stages;
import static uk.starred.testkit.seeds.SeedProcedures.CPC;
import static uk.starred.testkit.seeds.SeedProcedures.DEPUTY_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.DISPUTE_RESOLUTION_SAFEGUARDING_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.INFORMAL_SAFEGUARDING_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.IRO_OR_CPC_OVERSIGHT;
import static uk.starred.testkit.seeds.SeedProcedures.S004_CONVERSATION;
import static uk.starred.testkit.seeds.SeedProcedures.S004_FORMAL_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.S004_INFORMAL_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.SOCIAL_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import uk.starred.api.InvalidCommandException;
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
import uk.starred.api.procedure.Cohort;
import uk.starred.testkit.Expect;
import uk.starred.testkit.seeds.Scenario.Delivered;

/**
 * Seed 004, the Dispute Resolution Alert Process: Fay, on a child protection plan, whose Child
 * Protection Chair resolves the issue in a conversation within 72 hours; Eli, in care, whose IRO goes
 * on to an Informal Alert, a Formal Alert, the Head of Service and Deputy Director, and CAFCASS; Gus,
 * in care and on a plan, whose case is serious enough to go straight to the Head of Service and
 * Deputy Director; and the reason table's marks.
 *
 * <p>Longer than 400 lines because it holds one seed's scenarios, in the order of the seed's text, so
 * that a reader checks the seed against them in one place.
 */
public abstract class Seed004AlertProcessScenarios extends SeedScenarios {

    static final String STEP_1 = "stage 'Step 1: conversation with the Social Worker and Team Manager'";
    static final String HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR =
            "stage 'Escalation directly to Head of Service and Deputy Director'";

    protected String eli;
    protected String fay;
    protected String gus;

    @Before
    public void setUp() {
        begin(london("2026-03-01T09:00"), SeedProcedures.ALERT_PROCESS_004);
        eli = engine.childId("eli");
        fay = engine.childId("fay");
        gus = engine.childId("gus");
        engine.host().child(fay, Cohort.CHILD_PROTECTION).child(eli, Cohort.LOOKED_AFTER)
                .child(gus, Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION)
                .role("cpc-cat", CPC, fay).role("cpc-cat", CPC, gus)
                .role("iro-ira", IRO, eli).role("iro-ira", IRO, gus)
                .overseer("qa-lead");
        for (String child : List.of(fay, eli, gus)) {
            engine.host().role("sw-sky", SOCIAL_WORKER, child).role("tm-ted", TEAM_MANAGER, child)
                    .role("sm-sal", SERVICE_MANAGER, child).role("hos-hen", HEAD_OF_SERVICE, child)
                    .role("dd-dee", DEPUTY_DIRECTOR, child);
        }
        engine.host().signIn("iro-ira");
    }

    private RaiseConcern alert(String child, List<String> reasons, String description, String remedy, LocalDate by,
            String startAt) {
        return new RaiseConcern(child, procedure.ref(), ConcernOrigin.CONCERN_OUTSIDE_REVIEW, reasons, description,
                remedy, by, "tm-ted", startAt);
    }

    @Test
    public void theChildProtectionChairsConversationResolvesItWithin72HoursAndTheAgreedSolutionGoesOnFile() {
        // ---- Step 1: the CPC invites a conversation with Fay's Social Worker and Team Manager
        s.at("2026-03-09T10:00");
        Concern c = s.as("cpc-cat", () -> engine.concerns().raise(alert(fay, List.of("CORE_GROUP_NOT_MEETING"),
                "Fay's core group has not met since the initial conference on 5 February",
                "Core group meeting held and fortnightly dates set", LocalDate.of(2026, 3, 20), null)));
        assertEquals("cpc-cat", c.raisedBy());
        assertEquals(S004_CONVERSATION, current(c).stageId());
        // 72 working hours from Mon 9 March 10:00 (GMT): 14 to the end of Monday, 24 on Tuesday, 24 on
        // Wednesday, the last 10 on Thursday -> 10:00 Thu 12 March = 2026-03-12T10:00:00Z
        assertEquals(Instant.parse("2026-03-12T10:00:00Z"), current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals("the seed writes no case note for inviting the conversation", List.of(), d.noteTypes());
        assertEquals(List.of("concern raised", STEP_1), d.to("tm-ted"));
        assertEquals(List.of(STEP_1), d.to("sw-sky"));
        assertEquals(List.of("sw-sky", "tm-ted"), d.recipients());

        // the conversation, facilitated by the Service Manager
        s.at("2026-03-10T14:00");
        c = s.by("cpc-cat", c, (id, v) -> engine.concerns().recordAction(id, v, "CONVERSATION_HELD",
                "Teams call with Fay's Social Worker and Team Manager"));
        s.at("2026-03-10T14:05");
        c = s.by("sm-sal", c, (id, v) -> engine.concerns().recordAction(id, v, "MEETING_FACILITATED",
                "Facilitated by the Service Manager"));
        // the Team Manager agrees the actions and timescale
        s.at("2026-03-10T15:00");
        c = s.by("tm-ted", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.AGREE, null, List.of(
                new NewAgreedAction("Core group meeting held", "sw-sky", LocalDate.of(2026, 3, 13)),
                new NewAgreedAction("Fortnightly core group dates set for the life of the plan", "tm-ted",
                        LocalDate.of(2026, 3, 13)))));
        assertEquals(2, c.agreedActions().size());
        // resolving at step 1 waits for the agreed solution to be recorded by email
        Concern agreed = c;
        StageNotAllowedException notEmailed = Expect.thrown(StageNotAllowedException.class, () -> s.as("cpc-cat",
                () -> engine.concerns().resolve(agreed.id(), agreed.version(), "Resolved in the conversation")));
        assertTrue(notEmailed.getMessage(), notEmailed.getMessage().contains("before you resolve the concern from stage"
                + " 'Step 1: conversation with the Social Worker and Team Manager': The agreed solution recorded by"
                + " email"));
        // "record the agreed solution by email so all involved are clear about actions and timescale"
        s.at("2026-03-10T16:00");
        c = s.by("cpc-cat", c, (id, v) -> engine.concerns().recordAction(id, v, "AGREED_SOLUTION_EMAILED",
                "Emailed to the SW, TM and SM: core group on 13 March, then fortnightly"));
        assertEquals(List.of("CONVERSATION_HELD", "MEETING_FACILITATED", "AGREED_SOLUTION_EMAILED"),
                actions(current(c)));
        d = s.delivered();
        assertEquals(List.of(IRO_OR_CPC_OVERSIGHT, IRO_OR_CPC_OVERSIGHT, IRO_OR_CPC_OVERSIGHT), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("cpc-cat"));

        // resolved within the 72 hours
        s.at("2026-03-11T09:00");
        c = s.by("cpc-cat", c, (id, v) -> engine.concerns().resolve(id, v,
                "Resolved within 72 hours: the core group meets on 13 March and fortnightly after"));
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertTrue(c.endedAt().isBefore(c.stages().get(0).dueAt()));
        assertEquals(List.of("CONVERSATION COMPLETED"), stages(c));
        d = s.delivered();
        assertEquals(List.of(IRO_OR_CPC_OVERSIGHT), d.noteTypes());
        assertEquals("cpc-cat", d.notes().get(0).author());
        assertEquals(List.of("hos-hen", "sm-sal", "sw-sky", "tm-ted"), d.recipients());
        assertEquals(Collections.nCopies(4, IRO_OR_CPC_OVERSIGHT), s.noteTypesOnFile());
        assertEquals(List.of("raise by cpc-cat", "recordAction by cpc-cat", "recordAction by sm-sal",
                "respond by tm-ted", "recordAction by cpc-cat", "resolve by cpc-cat"), s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void anInformalAlertAfter72HoursThenAFormalAlertThenTheHeadOfServiceAndDeputyDirectorBeforeCafcass() {
        // ---- Step 1: the IRO's conversation about Eli on Wed 26 August 2026
        s.at("2026-08-26T14:00");
        Concern c = engine.concerns().raise(alert(eli, List.of("KEY_MEETINGS_NOT_HELD", "CHILD_NOT_SEEN"),
                "No permanency planning meeting for Eli and he has not been seen alone since June",
                "Permanency planning meeting held; Eli seen alone", LocalDate.of(2026, 9, 25), null));
        // 72 working hours from Wed 26 August 14:00 (BST): 10 to the end of Wednesday, 24 on Thursday 27, 24 on
        // Friday 28, then (Mon 31 August is the summer bank holiday) the last 14 on Tuesday 1 September
        // -> 14:00 BST Tue 1 September = 2026-09-01T13:00:00Z
        assertEquals(Instant.parse("2026-09-01T13:00:00Z"), current(c).dueAt());
        s.delivered();
        s.at("2026-08-27T11:00");
        c = engine.concerns().recordAction(c.id(), c.version(), "CONVERSATION_HELD",
                "Met the SW and TM; no date could be agreed for the meeting");
        assertEquals(List.of(IRO_OR_CPC_OVERSIGHT), s.delivered().noteTypes());

        // ---- Step 2: "Where the conversation has not resolved the issues for the child within 72 hours"
        s.at("2026-09-01T15:00");
        assertFalse(engine.clock().instant().isBefore(current(c).dueAt()));
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved within 72 hours");
        assertEquals(S004_INFORMAL_ALERT, current(c).stageId());
        // "This brings the Informal Resolution stage to 5 working days": from the start of the process, Wed 26
        // August, whenever step 2 began: Thu 27, Fri 28, (Mon 31 August is the summer bank holiday) Tue 1, Wed 2,
        // Thu 3 September -> due 00:00 Fri 4 September London (BST) = 2026-09-03T23:00:00Z
        assertEquals(Instant.parse("2026-09-03T23:00:00Z"), current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT), d.noteTypes());
        assertEquals(List.of("stage 'Step 2: Informal Alert'"), d.to("tm-ted"));
        assertEquals(List.of("tm-ted"), d.recipients());
        s.at("2026-09-01T15:05");
        c = engine.concerns().recordAction(c.id(), c.version(), "INFORMAL_ALERT_EMAILED", "Informal Alert emailed");
        s.at("2026-09-03T12:00");
        c = s.by("tm-ted", c, (id, v) -> engine.concerns().respond(id, v, ResponseKind.DISAGREE,
                "The meeting cannot be held until the new social worker starts in October", null));
        d = s.delivered();
        assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT, INFORMAL_SAFEGUARDING_ALERT), d.noteTypes());
        assertEquals(List.of("response recorded"), d.to("iro-ira"));

        // ---- Step 3: not resolved in the 5 working days from the start, with insufficient explanation
        s.at("2026-09-04T09:30");
        c = engine.concerns().escalate(c.id(), c.version(), null,
                "Not resolved in 5 working days; insufficient explanation for more time");
        assertEquals(S004_FORMAL_ALERT, current(c).stageId());
        // Fri 4 September 09:30 + 5 working days: Mon 7, Tue 8, Wed 9, Thu 10, Fri 11
        // -> due 00:00 Sat 12 September London (BST) = 2026-09-11T23:00:00Z
        assertEquals(Instant.parse("2026-09-11T23:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT), d.noteTypes());
        assertEquals(List.of("sw-sky", "tm-ted"), d.recipients());
        // "a Formal Alert will be raised using the Mosaic Episode 'Dispute Resolution (Safeguarding) Alert'"
        assertEquals(List.of("opened " + DISPUTE_RESOLUTION_SAFEGUARDING_ALERT), s.episodes(eli));
        s.at("2026-09-09T10:00");
        c = s.by("tm-ted", c, (id, v) -> engine.concerns().recordCommunication(id, v, "the IRO", "email",
                "Still no date for the permanency planning meeting"));

        // ---- the IRO escalates to the Head of Service and Deputy Director; the TM and SM are told why
        s.at("2026-09-11T16:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "The Formal Alert is not resolved");
        assertEquals(S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR, current(c).stageId());
        assertNull(current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT, DISPUTE_RESOLUTION_SAFEGUARDING_ALERT),
                d.noteTypes());
        assertEquals(List.of("dd-dee", "hos-hen", "sm-sal", "tm-ted"), d.recipients());
        assertEquals(List.of(HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR), d.to("dd-dee"));
        s.at("2026-09-11T16:30");
        c = engine.concerns().recordAction(c.id(), c.version(), "TEAM_MANAGER_AND_SERVICE_MANAGER_TOLD_WHY",
                "TM and SM told: Eli has waited four months for permanency planning");

        // ---- "prior to making a referral, the IRO should notify the Head of Service and the Deputy Director"
        s.at("2026-09-14T10:00");
        Concern beforeTelling = c;
        StageNotAllowedException notTold = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().referToCafcass(beforeTelling.id(), beforeTelling.version(), ReferralMode.AT_END,
                        "Four months' drift"));
        assertTrue(notTold.getMessage(), notTold.getMessage()
                .contains("requires HEAD_OF_SERVICE and DEPUTY_DIRECTOR to be told a referral is being considered"));
        assertEquals(beforeTelling, engine.concerns().find(c.id()).orElseThrow());
        s.at("2026-09-14T10:05");
        c = engine.concerns().considerCafcassReferral(c.id(), c.version(), "Four months' drift in permanency planning");
        assertEquals(List.of(HEAD_OF_SERVICE, DEPUTY_DIRECTOR), c.cafcass().informed());
        d = s.delivered();
        assertEquals(List.of("CAFCASS referral being considered"), d.to("hos-hen"));
        assertEquals(List.of("CAFCASS referral being considered"), d.to("dd-dee"));
        assertEquals(List.of("dd-dee", "hos-hen"), d.recipients());

        s.at("2026-09-16T11:00");
        c = engine.concerns().referToCafcass(c.id(), c.version(), ReferralMode.AT_END,
                "All attempts to resolve the drift in Eli's permanency planning are exhausted");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, c.status());
        // the process gives CAFCASS no time to decide: no decision clock is set
        assertNull(c.cafcass().decisionDueAt());
        d = s.delivered();
        assertEquals(List.of("dd-dee", "hos-hen", "tm-ted"), d.recipients());
        assertEquals(List.of("referred to CAFCASS"), d.to("tm-ted"));

        s.at("2026-09-29T14:00");
        c = engine.concerns().recordCafcassDecision(c.id(), c.version(), CafcassDecision.NO_PROCEEDINGS,
                "The local authority has set a date for the permanency planning meeting");
        assertEquals(CafcassDecision.NO_PROCEEDINGS, c.cafcass().decision());
        // the episode stays open through the Head of Service's stage, and closes when the referral ends the process
        assertEquals(List.of("opened " + DISPUTE_RESOLUTION_SAFEGUARDING_ALERT,
                "closed " + DISPUTE_RESOLUTION_SAFEGUARDING_ALERT), s.episodes(eli));

        assertEquals(List.of("CONVERSATION COMPLETED", "INFORMAL_ALERT COMPLETED", "FORMAL_ALERT COMPLETED",
                "HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR COMPLETED"), stages(c));
        List<String> onFile = new ArrayList<>(List.of(IRO_OR_CPC_OVERSIGHT, INFORMAL_SAFEGUARDING_ALERT,
                INFORMAL_SAFEGUARDING_ALERT, INFORMAL_SAFEGUARDING_ALERT));
        onFile.addAll(Collections.nCopies(7, DISPUTE_RESOLUTION_SAFEGUARDING_ALERT));
        assertEquals(onFile, s.noteTypesOnFile());
        assertEquals(List.of("raise by iro-ira", "recordAction by iro-ira", "escalate by iro-ira",
                "recordAction by iro-ira", "respond by tm-ted", "escalate by iro-ira",
                "recordCommunication by tm-ted", "escalate by iro-ira", "recordAction by iro-ira",
                "considerCafcassReferral by iro-ira", "referToCafcass by iro-ira", "recordCafcassDecision by iro-ira"),
                s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void inTheMostSeriousCircumstancesTheIroGoesStraightToTheHeadOfServiceAndDeputyDirector() {
        s.at("2026-12-07T10:00");
        Concern c = engine.concerns().raise(alert(gus, List.of("SAFETY_AND_PLANNING", "CONTEXTUAL_VULNERABILITY"),
                "Gus has been missing three times this month with signs of exploitation; no strategy discussion held",
                "Strategy discussion held and a safety plan agreed", LocalDate.of(2026, 12, 9), null));
        s.delivered();

        // the Formal Alert is reached only through the Informal Alert
        s.at("2026-12-07T13:00");
        Concern atConversation = c;
        StageNotAllowedException notDirect = Expect.thrown(StageNotAllowedException.class,
                () -> engine.concerns().escalate(atConversation.id(), atConversation.version(), S004_FORMAL_ALERT, null));
        assertTrue(notDirect.getMessage(), notDirect.getMessage().contains("straight to stage 'Step 3: Formal Alert'"));

        // "The IRO has the discretion to escalate concerns directly to Head of Service and Deputy Director at any point"
        s.at("2026-12-07T13:05");
        c = engine.concerns().escalate(c.id(), c.version(), S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR,
                "Most serious: repeated missing episodes, exploitation risk and no strategy discussion");
        assertEquals(List.of("CONVERSATION COMPLETED", "HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR ACTIVE"), stages(c));
        Delivered d = s.delivered();
        assertEquals(List.of(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT), d.noteTypes());
        // "The operational TM and SM should be aware this is taking place and why"
        assertEquals(List.of("dd-dee", "hos-hen", "sm-sal", "tm-ted"), d.recipients());
        assertEquals("Most serious: repeated missing episodes, exploitation risk and no strategy discussion",
                current(c).note());
        s.at("2026-12-07T13:10");
        c = engine.concerns().recordAction(c.id(), c.version(), "TEAM_MANAGER_AND_SERVICE_MANAGER_TOLD_WHY",
                "TM and SM told by phone: three missing episodes and no strategy discussion");

        s.at("2026-12-09T17:00");
        c = engine.concerns().resolve(c.id(), c.version(), "Strategy discussion held on 8 December; safety plan agreed");
        assertEquals(ConcernStatus.RESOLVED, c.status());
        assertEquals("no Formal Alert was raised, so no episode was opened", List.of(), s.episodes(gus));
        d = s.delivered();
        assertEquals(List.of("cpc-cat", "dd-dee", "hos-hen", "tm-ted"), d.recipients());
        assertEquals(List.of("raise by iro-ira", "escalate by iro-ira", "recordAction by iro-ira", "resolve by iro-ira"),
                s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void theTeamManagerExplainsWhyMoreTimeIsNeededAndTheIroDecides() {
        // ---- Step 1 on Mon 9 March 10:00 (GMT); "this meeting can be facilitated by Service Manager or Head of Service"
        s.at("2026-03-09T10:00");
        Concern c = engine.concerns().raise(alert(eli, List.of("KEY_MEETINGS_NOT_HELD"),
                "No stability meeting for Eli since his placement moved", "Stability meeting held",
                LocalDate.of(2026, 3, 31), null));
        s.at("2026-03-10T11:00");
        c = s.by("hos-hen", c, (id, v) -> engine.concerns().recordAction(id, v, "MEETING_FACILITATED",
                "Facilitated by the Head of Service"));
        assertEquals(List.of("MEETING_FACILITATED"), actions(current(c)));
        assertEquals("hos-hen", current(c).actions().get(0).doneBy());
        s.delivered();

        // ---- Step 2 after the 72 hours, due "5 working days from the start of the process":
        // Mon 9 March + 5 working days: Tue 10 ... Mon 16 -> due 00:00 Tue 17 March London (GMT)
        s.at("2026-03-12T11:00");
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved within 72 hours");
        assertEquals(S004_INFORMAL_ALERT, current(c).stageId());
        assertEquals(Instant.parse("2026-03-17T00:00:00Z"), current(c).dueAt());
        s.delivered();

        // only the Team Manager asks, with an explanation and a day after the one the step is due
        s.at("2026-03-13T10:00");
        Concern atStepTwo = c;
        NotPermittedException notTheSocialWorker = Expect.thrown(NotPermittedException.class, () -> s.as("sw-sky",
                () -> engine.concerns().requestMoreTime(atStepTwo.id(), atStepTwo.version(), "Busy",
                        LocalDate.of(2026, 3, 20))));
        assertTrue(notTheSocialWorker.getMessage(), notTheSocialWorker.getMessage()
                .contains("only the child's TEAM_MANAGER may ask for more time in stage 'Step 2: Informal Alert'"));
        InvalidCommandException unexplained = Expect.thrown(InvalidCommandException.class, () -> s.as("tm-ted",
                () -> engine.concerns().requestMoreTime(atStepTwo.id(), atStepTwo.version(), " ",
                        LocalDate.of(2026, 3, 16))));
        assertTrue(unexplained.getMessage(), unexplained.getMessage().contains("explanation"));
        assertTrue(unexplained.getMessage(), unexplained.getMessage().contains("must be after 2026-03-16"));
        assertEquals(atStepTwo, engine.concerns().find(c.id()).orElseThrow());

        c = s.by("tm-ted", c, (id, v) -> engine.concerns().requestMoreTime(id, v,
                "The stability meeting needs the new foster carers, who start on 18 March", LocalDate.of(2026, 3, 20)));
        assertTrue(c.pendingMoreTime().isPresent());
        assertEquals("tm-ted", c.moreTime().get(0).requestedBy());
        assertEquals("until it is decided the step keeps its date", Instant.parse("2026-03-17T00:00:00Z"),
                current(c).dueAt());
        Delivered d = s.delivered();
        assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT), d.noteTypes());
        assertTrue(d.notes().get(0).text(), d.notes().get(0).text().contains("new foster carers"));
        assertEquals(List.of("more time at stage 'Step 2: Informal Alert'"), d.to("iro-ira"));
        Concern waiting = c;
        InvalidCommandException twice = Expect.thrown(InvalidCommandException.class, () -> s.as("tm-ted",
                () -> engine.concerns().requestMoreTime(waiting.id(), waiting.version(), "Again",
                        LocalDate.of(2026, 3, 27))));
        assertTrue(twice.getMessage(), twice.getMessage().contains("waits for a decision already"));
        InvalidCommandException noReasons = Expect.thrown(InvalidCommandException.class,
                () -> engine.concerns().decideMoreTime(waiting.id(), waiting.version(), false, null));
        assertTrue(noReasons.getMessage(), noReasons.getMessage().contains("reasons"));

        // the step's deadline passes while the request waits: the IRO is asked to decide
        d = s.firedAt("2026-03-17T00:00", eli);
        assertTrue(d.to("iro-ira").toString(), d.to("iro-ira").contains("decision needed"));
        assertEquals(List.of("RED INFORMAL_ALERT", "RED STAGE_OVERDUE"), s.alerts(eli));

        // the IRO grants it: the step is due by the end of Fri 20 March, and falls due again then
        s.at("2026-03-17T09:00");
        c = engine.concerns().find(c.id()).orElseThrow();
        c = engine.concerns().decideMoreTime(c.id(), c.version(), true, "The new carers must be at the meeting");
        assertEquals(Boolean.TRUE, c.moreTime().get(0).granted());
        assertEquals("iro-ira", c.moreTime().get(0).decidedBy());
        assertTrue(c.pendingMoreTime().isEmpty());
        assertEquals(Instant.parse("2026-03-21T00:00:00Z"), current(c).dueAt());
        d = s.delivered();
        assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT), d.noteTypes());
        assertTrue(d.notes().get(0).text(), d.notes().get(0).text().contains("now due by the end of Fri 20 Mar 2026"));
        assertEquals(List.of("more time at stage 'Step 2: Informal Alert'"), d.to("tm-ted"));
        assertEquals(List.of("GREEN INFORMAL_ALERT"), s.alerts(eli));
        assertEquals(List.of(), s.firedAt("2026-03-19T23:59", eli).messages());
        assertEquals(List.of("stage 'Step 2: Informal Alert' due soon"), s.firedAt("2026-03-20T00:00", eli).to("tm-ted"));
        d = s.firedAt("2026-03-21T00:00", eli);
        assertTrue(d.to("iro-ira").toString(), d.to("iro-ira").contains("stage 'Step 2: Informal Alert' overdue"));

        // ---- Step 3: the Formal Alert offers no more time
        s.at("2026-03-23T09:00");
        c = engine.concerns().find(c.id()).orElseThrow();
        c = engine.concerns().escalate(c.id(), c.version(), null, "Not resolved with the time given");
        Concern formal = c;
        StageNotAllowedException none = Expect.thrown(StageNotAllowedException.class, () -> s.as("tm-ted",
                () -> engine.concerns().requestMoreTime(formal.id(), formal.version(), "Still waiting",
                        LocalDate.of(2026, 4, 10))));
        assertTrue(none.getMessage(), none.getMessage().contains("offers no more time at stage 'Step 3: Formal Alert'"));
        assertEquals(List.of("raise by iro-ira", "recordAction by hos-hen", "escalate by iro-ira",
                "requestMoreTime by tm-ted", "decideMoreTime by iro-ira", "escalate by iro-ira"),
                s.trail(c.id(), "qa-lead"));
        assertTrue(s.trailIntact(c.id(), "qa-lead"));
    }

    @Test
    public void aReasonIsAcceptedOnlyForTheChildrenTheTableMarksItFor() {
        s.at("2026-03-09T10:00");
        // marked for CP plans only: refused for Eli, who is in care
        InvalidCommandException cpOnly = Expect.thrown(InvalidCommandException.class, () -> engine.concerns().raise(
                alert(eli, List.of("CORE_GROUP_NOT_MEETING"), "d", "r", LocalDate.of(2026, 3, 20), null)));
        assertTrue(cpOnly.getMessage(), cpOnly.getMessage().contains(
                "'CORE_GROUP_NOT_MEETING' applies to children [CHILD_PROTECTION]; child " + eli + " is looked after"));
        // marked for children in care only: refused for Fay, on a CP plan
        InvalidCommandException careOnly = Expect.thrown(InvalidCommandException.class, () -> s.as("cpc-cat",
                () -> engine.concerns().raise(alert(fay, List.of("LIFE_STORY_WORK"), "d", "r",
                        LocalDate.of(2026, 3, 20), null))));
        assertTrue(careOnly.getMessage(), careOnly.getMessage().contains(
                "'LIFE_STORY_WORK' applies to children [LOOKED_AFTER]; child " + fay + " is on a child protection plan"));
        assertEquals("nothing was stored for Fay", List.of(), s.as("qa-lead", () -> engine.concerns().concernsForChild(fay)));

        // marked for both: accepted for each
        Concern forEli = engine.concerns().raise(alert(eli, List.of("REVIEW_LATE_OR_CANCELLED"),
                "Eli's review was cancelled without the IRO's agreement", "Review held", LocalDate.of(2026, 3, 20),
                null));
        Concern forFay = s.as("cpc-cat", () -> engine.concerns().raise(alert(fay, List.of("REVIEW_LATE_OR_CANCELLED",
                "CHILD_NOT_CONSULTED_FOR_CP_REVIEW"), "Fay's review conference was moved without consulting her",
                "Review conference held with Fay consulted", LocalDate.of(2026, 3, 20), null)));
        assertEquals(List.of("REVIEW_LATE_OR_CANCELLED"), forEli.reasonCodes());
        assertEquals(List.of("REVIEW_LATE_OR_CANCELLED", "CHILD_NOT_CONSULTED_FOR_CP_REVIEW"), forFay.reasonCodes());
        assertEquals(1, s.as("qa-lead", () -> engine.concerns().concernsForChild(eli)).size());
        assertEquals(1, s.as("qa-lead", () -> engine.concerns().concernsForChild(fay)).size());
    }

    @Test
    public void aConversationNotResolvedWithin72WorkingHoursPromptsTheIroToRaiseTheInformalAlert() {
        s.at("2026-03-09T10:00");
        Concern c = engine.concerns().raise(alert(eli, List.of("CHILD_NOT_SEEN"), "Eli has not been seen alone",
                "Eli seen alone", LocalDate.of(2026, 3, 20), null));
        s.delivered();
        String stage = STEP_1;
        // due 10:00 Thu 12 March: amber from the start of that day
        assertEquals(List.of(), s.firedAt("2026-03-11T23:59", eli).messages());
        Delivered d = s.firedAt("2026-03-12T00:00", eli);
        assertEquals(List.of(stage + " due soon"), d.to("tm-ted"));
        assertEquals(List.of("AMBER INFORMAL_ALERT", "AMBER STAGE_DUE_SOON"), s.alerts(eli));
        d = s.firedAt("2026-03-12T10:00", eli);
        assertEquals(List.of("decision needed", stage + " overdue"), d.to("iro-ira"));
        assertEquals(List.of("RED INFORMAL_ALERT", "RED STAGE_OVERDUE"), s.alerts(eli));
        // "Where the conversation has not resolved the issues for the child within 72 hours"
        c = engine.concerns().escalate(c.id(), engine.concerns().find(c.id()).orElseThrow().version(), null,
                "Not resolved within 72 hours");
        assertEquals(List.of("GREEN INFORMAL_ALERT"), s.alerts(eli));
    }
}
