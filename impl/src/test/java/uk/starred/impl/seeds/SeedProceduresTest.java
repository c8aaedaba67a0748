package uk.starred.impl.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.SeedProcedures.BOTH;
import static uk.starred.testkit.seeds.SeedProcedures.CHILD_PROTECTION;
import static uk.starred.testkit.seeds.SeedProcedures.LOOKED_AFTER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.calendar.TimescaleUnit;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.procedure.ProcedureValidator;
import uk.starred.impl.testing.Seeds;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The five seed procedures, read from the descriptors their bundles carry, are sound definitions the
 * catalogue would install, and they say what their seeds say: stage names, timescales and units, the reason table's marks, who is told before
 * a CAFCASS referral.
 */
public class SeedProceduresTest {

    @Test
    public void everySeedProcedurePassesTheValidatorAndCarriesItsSeedNumberAndVersion() {
        List<Procedure> all = SeedProcedures.all().stream().map(Seeds::procedure).toList();
        assertEquals(5, all.size());
        for (int i = 0; i < all.size(); i++) {
            Procedure p = all.get(i);
            assertEquals(p.id(), List.of(), ProcedureValidator.problems(p));
            assertTrue(p.id(), p.id().startsWith("seed-00" + i + "-"));
            // every seed is written in format 2
            assertEquals(p.id(), i == 2 || i == 4 ? "2.1.0" : "2.0.0", p.version());
            assertEquals(2, p.format());
        }
        assertEquals(List.of("seed-000-starred-decisions", "seed-001-dispute-resolution",
                "seed-002-looked-after-reviews", "seed-003-dispute-resolution-flow-chart", "seed-004-alert-process"),
                all.stream().map(Procedure::id).toList());
    }

    @Test
    public void everyProcedureIsInstalledByTheCatalogue() {
        uk.starred.impl.procedure.ProcedureCatalogue catalogue = new uk.starred.impl.procedure.ProcedureCatalogue();
        SeedProcedures.all().stream().map(Seeds::procedure).forEach(p -> catalogue.addProvider(() -> p));
        assertEquals(5, catalogue.installed().size());
    }

    @Test
    public void seed000_starredDecisionThenTheTablesFourStepsWithLegalAdviceBeforeTheExecutiveDirector() {
        Procedure p = Seeds.procedure(SeedProcedures.STARRED_DECISIONS_000);
        assertEquals(Set.of(Cohort.LOOKED_AFTER), p.appliesTo());
        assertEquals(List.of("Starred decision sent to the Team Manager and Service Manager", "1 Dispute Registered",
                "2 The IRO and HoS Safeguarding & QA meet the relevant Service Manager and Head of Service",
                "3 The IRO and HoS Safeguarding & QA meet the relevant Head of Service and Operational Director",
                "The Independent Reviewing Officer takes legal advice",
                "4 The Executive Director Families and Well-being notified in writing; a meeting arranged"),
                names(p));
        assertEquals(Timescale.workingDays(5), p.stages().get(0).timescale());
        assertEquals(List.of("TEAM_MANAGER"), p.stages().get(0).responders());
        assertEquals(List.of("TEAM_MANAGER", "SERVICE_MANAGER"), p.stages().get(0).notified());
        assertEquals(null, p.stages().get(1).timescale());
        assertEquals(Timescale.workingDays(5), p.stages().get(2).timescale());
        assertEquals(Timescale.workingDays(5), p.stages().get(3).timescale());
        assertTrue(p.stages().get(4).requiredAction("LEGAL_ADVICE_TAKEN").isPresent());
        assertTrue(p.stages().get(5).requiredAction("EXECUTIVE_DIRECTOR_NOTIFIED_IN_WRITING").isPresent());
        assertEquals(Timescale.workingDays(5), p.stages().get(5).timescale());
        assertEquals(List.of("REVIEW_NOT_TO_STANDARD", "CARE_PLAN_NOT_IMPLEMENTED", "UNABLE_TO_ENDORSE_CARE_PLAN",
                "DRIFT_OR_DELAY"), p.reasons().stream().map(Reason::code).toList());
        assertTrue(p.cafcass().anyPoint());
        assertEquals(List.of("OPERATIONAL_DIRECTOR"), p.cafcass().informFirst());
        assertEquals(Timescale.calendarDays(14), p.cafcass().decisionTimescale());
        assertTrue(p.stages().stream().noneMatch(s -> s.mayEnterDirectly() || s.mayBypass()));
        // rows 2 to 4 count from the discussion or advice the table names, not from the escalation
        assertEquals(List.of("DISCUSSED_WITH_SERVICE_MANAGER", "SERVICE_MANAGER_MEETING_HELD", "LEGAL_ADVICE_TAKEN"),
                java.util.stream.Stream.of(2, 3, 5).map(i -> p.stages().get(i).clockAction()).toList());
        assertEquals(List.of("SERVICE_MANAGER", "HEAD_OF_SERVICE"), p.stages().get(2).responders());
        assertEquals(List.of("HEAD_OF_SERVICE", "OPERATIONAL_DIRECTOR"), p.stages().get(3).responders());
        assertEquals(uk.starred.api.procedure.OnDeadline.REFER_TO_CAFCASS, p.stages().get(5).afterResponse());
        assertEquals(List.of("SERVICE_MANAGER"), p.stages().get(0).overdueActionsTold());
    }

    @Test
    public void seed001_sevenStagesWhoseFirstSixMakeTheTwentyWorkingDays() {
        Procedure p = Seeds.procedure(SeedProcedures.DISPUTE_RESOLUTION_001);
        assertEquals(List.of("Stage One - The Review", "Stage Two - Ratification of the Recommendations",
                "Stage Three - Notification of Decision", "Stage Four - Informal Resolution",
                "Stage Five - Formal Resolution with Children's Services",
                "Stage Six - Formal Resolution within the Local Authority",
                "Stage Six - Formal Resolution within the Local Authority (the Chief Executive)",
                "Stage Seven - Decision by CAFCASS"), names(p));
        assertEquals(List.of(2, 2, 4, 4, 4, 4, 4), p.stages().subList(0, 7).stream()
                .peek(s -> assertEquals(TimescaleUnit.WORKING_DAYS, s.timescale().unit()))
                .map(s -> s.timescale().amount()).toList());
        // stage six's 4 working days hold the Director and then the Chief Executive
        assertEquals(uk.starred.api.procedure.ClockStart.STAGE_BEGUN, p.stages().get(6).clockFrom());
        assertEquals("FORMAL_RESOLUTION_LOCAL_AUTHORITY", p.stages().get(6).clockStage());
        assertEquals(uk.starred.api.procedure.OnDeadline.REFER_TO_CAFCASS, p.stages().get(6).onSilence());
        assertTrue("stage seven is entered only by a referral", p.stages().get(7).enteredByReferral());
        assertEquals(Timescale.calendarDays(14), p.stages().get(7).timescale());
        assertEquals(null, p.cafcass().decisionTimescale());
        assertEquals(Timescale.workingDays(20), p.totalLimit());
        assertEquals(List.of("INTERNAL_DECISION"), p.stages().get(4).endings().stream()
                .map(uk.starred.api.procedure.Ending::id).toList());
        // only the Team Manager authorises; without the remit, straight to stage four
        assertEquals(List.of("TEAM_MANAGER"), p.stages().get(1).responders());
        assertEquals("INFORMAL_RESOLUTION", p.stages().get(1).noRemitStage());
        // the IRO may begin at any of the six levels
        assertTrue(p.stages().subList(0, 6).stream().allMatch(Stage::mayEnterDirectly));
        // "On doing so the Head of Service will be informed with the reasons why"
        assertEquals(List.of(), p.cafcass().informFirst());
        assertEquals(List.of("HEAD_OF_SERVICE"), p.cafcass().toldOnReferral());
        assertEquals(BOTH, p.appliesTo());
        assertEquals(17, p.reasons().size());
        assertTrue(p.reasons().stream().allMatch(r -> r.appliesTo().equals(BOTH)));
    }

    @Test
    public void seed002_threeLevelsEnteredAtAnyLevelWithinTwentyWorkingDays() {
        Procedure p = Seeds.procedure(SeedProcedures.LOOKED_AFTER_REVIEWS_002);
        assertEquals(LOOKED_AFTER, p.appliesTo());
        assertEquals(Timescale.workingDays(20), p.totalLimit());
        // the SDM's five working days to consider the decisions are the review timetable's; a disagreement
        // recorded there opens the concern at the informal stage
        assertEquals(java.util.Optional.of(new uk.starred.api.procedure.Opening(
                uk.starred.api.procedure.OpeningEvent.REVIEW_DECISIONS_DISPUTED, "INFORMAL", "SDM_DISAGREES_WITH_DECISIONS")),
                p.openedOn(uk.starred.api.procedure.OpeningEvent.REVIEW_DECISIONS_DISPUTED));
        List<Stage> levels = p.stages().subList(1, 4);
        assertEquals(List.of("Level 1: the IRO and the respective managers of the IRO Service and the area team",
                "Level 2: the respective Heads of Service", "Level 3: the Director of Children's Services"),
                levels.stream().map(Stage::name).toList());
        assertTrue(levels.stream().allMatch(s -> s.mayEnterDirectly() && s.formal()));
        assertTrue(p.reasons().stream().allMatch(r -> r.appliesTo().equals(LOOKED_AFTER)));
        // "with the Social Worker or the Social Work Team Manager"
        assertEquals(List.of("SOCIAL_WORKER", "TEAM_MANAGER"), p.stages().get(0).responders());
        assertEquals("the seed gives CAFCASS no time to decide", null, p.cafcass().decisionTimescale());
    }

    @Test
    public void seed003_stageOneHasFiveDaysTheOthersFiveWorkingDaysAndEveryStageMayBeBypassed() {
        Procedure p = Seeds.procedure(SeedProcedures.DISPUTE_RESOLUTION_FLOW_CHART_003);
        assertEquals(7, p.stages().size());
        assertEquals(Timescale.calendarDays(5), p.stages().get(1).timescale());
        for (int i = 2; i <= 5; i++) {
            assertEquals(Timescale.workingDays(5), p.stages().get(i).timescale());
        }
        assertEquals(null, p.stages().get(6).timescale());
        assertFalse(p.stages().get(0).mayBypass());
        assertTrue(p.stages().subList(1, 7).stream().allMatch(Stage::mayBypass));
        // the informal discussion may be bypassed: the IRO starts at stage 1
        assertTrue(p.stages().get(1).mayEnterDirectly());
        // a referral alongside the process, or at its end, waits for stage 6
        assertEquals(uk.starred.api.procedure.ReferralWindow.STAGE_BEGUN, p.cafcass().when());
        assertEquals("STAGE_6", p.cafcass().stage());
        assertEquals("the chart gives CAFCASS no time to decide", null, p.cafcass().decisionTimescale());
        // the child, parents and carers kept informed at every stage, with the IRO to contact
        assertEquals(List.of(), p.keepInformed().stages());
        assertEquals(null, p.keepInformed().contact());
        // "every communication and outcome on the child's file": every event its stages can cause
        Set<ConcernEvent> events = java.util.EnumSet.allOf(ConcernEvent.class);
        events.remove(ConcernEvent.SATISFACTION_RECORDED); // no stage of it asks anyone's satisfaction
        // none of its stages ends in its own way, agrees actions with a named role told, or offers more time
        events.removeAll(List.of(ConcernEvent.AGREED_ACTION_OVERDUE, ConcernEvent.ENDED,
                ConcernEvent.MORE_TIME_REQUESTED, ConcernEvent.MORE_TIME_DECIDED));
        assertTrue(p.caseNotes().keySet().containsAll(events));
    }

    @Test
    public void seed004_theReasonTableHasFourteenRowsMarkedAsTheSeedMarksThem() {
        Procedure p = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);
        assertEquals(14, p.reasons().size());
        Map<Set<Cohort>, List<String>> byMarks = p.reasons().stream().collect(Collectors.groupingBy(Reason::appliesTo,
                Collectors.mapping(Reason::code, Collectors.toList())));
        assertEquals(List.of("SAFETY_AND_PLANNING", "CHILD_NOT_SEEN", "ASSESSMENT_NOT_UPDATED", "IRO_CPC_NOT_CONSULTED",
                "SUPPORT_NOT_PROVIDED", "CONTEXTUAL_VULNERABILITY", "REVIEW_LATE_OR_CANCELLED"), byMarks.get(BOTH));
        assertEquals(List.of("CORE_GROUP_NOT_MEETING", "ASSESSMENT_NOT_SHARED_BEFORE_CONFERENCE",
                "CHILD_NOT_CONSULTED_FOR_CP_REVIEW"), byMarks.get(CHILD_PROTECTION));
        assertEquals(List.of("NO_RECORDED_CARE_PLAN", "KEY_MEETINGS_NOT_HELD", "PATHWAY_TRANSITIONS",
                "LIFE_STORY_WORK"), byMarks.get(LOOKED_AFTER));

        assertEquals(Timescale.workingHours(72), p.stages().get(0).timescale());
        // step 2 ends "5 working days from the start of the process", and the Team Manager may ask for more time
        assertEquals(Timescale.workingDays(5), p.stages().get(1).timescale());
        assertEquals(uk.starred.api.procedure.ClockStart.CONCERN_RAISED, p.stages().get(1).clockFrom());
        assertEquals(List.of("TEAM_MANAGER"), p.stages().get(1).moreTime().requestedBy());
        assertEquals(List.of("IRO", "CPC"), p.stages().get(1).moreTime().decidedBy());
        // "facilitated by Service Manager or Head of Service"
        assertEquals(List.of("SERVICE_MANAGER", "HEAD_OF_SERVICE"),
                p.stages().get(0).requiredAction("MEETING_FACILITATED").orElseThrow().byRoles());
        assertEquals(null, p.cafcass().decisionTimescale());
        assertEquals(Timescale.workingDays(5), p.stages().get(2).timescale());
        assertEquals("IRO or CPC Oversight", p.stages().get(0).caseNotes().get(ConcernEvent.RESOLVED));
        assertEquals("Informal Safeguarding Alert", p.stages().get(1).caseNotes().get(ConcernEvent.STAGE_ENTERED));
        assertEquals("Dispute Resolution (Safeguarding) Alert",
                p.stages().get(2).caseNotes().get(ConcernEvent.STAGE_ENTERED));
        assertTrue(p.stages().get(3).mayEnterDirectly());
        assertEquals(List.of("HEAD_OF_SERVICE", "DEPUTY_DIRECTOR"), p.cafcass().informFirst());
        assertEquals(List.of("IRO", "CPC"), p.permissions().raise());
    }

    private static List<String> names(Procedure p) {
        return p.stages().stream().map(Stage::name).toList();
    }
}
