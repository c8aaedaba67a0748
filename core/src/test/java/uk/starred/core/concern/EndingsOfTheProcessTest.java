package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Ending;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/**
 * How a process ends where its document says so: an ending of a stage's own ("internal decision only,
 * cannot be referred further"), a referral the procedure requires when the last stage runs out, the
 * stage of CAFCASS's decision entered only by referral, a stage counting from an earlier stage's start,
 * and an overdue agreed action told to whom the stage names and written on the file.
 */
public class EndingsOfTheProcessTest {

    private static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    /** Seed 001's shape: the team, then the Assistant Director (internal decision), the Director, the Chief Executive, CAFCASS. */
    private static final Procedure PROCEDURE = new Procedure("endings", "1", "Endings Procedure", BOTH,
            List.of("IRO", "IRO_MANAGER", "TEAM_MANAGER", "SERVICE_MANAGER", "ASSISTANT_DIRECTOR", "DIRECTOR",
                    "CHIEF_EXECUTIVE", "SAFEGUARDING_SERVICE_MANAGER"),
            new Permissions(List.of("IRO"), List.of("IRO", "IRO_MANAGER", "SAFEGUARDING_SERVICE_MANAGER"),
                    List.of("IRO", "IRO_MANAGER"), List.of("IRO")),
            List.of(Stage.builder("TEAM", "Team").participants("IRO", "TEAM_MANAGER").responders("TEAM_MANAGER")
                            .timescale(Timescale.workingDays(2)).onSilence(OnDeadline.PROMPT_IRO)
                            .overdueActionsTold("SERVICE_MANAGER")
                            .caseNote(ConcernEvent.AGREED_ACTION_OVERDUE, "Starred Decision").build(),
                    Stage.builder("ASSISTANT_DIRECTOR", "Stage Five").participants("IRO", "IRO_MANAGER",
                            "ASSISTANT_DIRECTOR").responders("ASSISTANT_DIRECTOR").timescale(Timescale.workingDays(4))
                            .formal().ending(new Ending("INTERNAL_DECISION", "A matter for internal decision making"
                                    + " only, which cannot be referred further", List.of("IRO", "IRO_MANAGER")))
                            .build(),
                    Stage.builder("DIRECTOR", "Stage Six: the Director").participants("IRO", "DIRECTOR")
                            .responders("DIRECTOR").timescale(Timescale.workingDays(4)).formal().mayEnterDirectly()
                            .onSilence(OnDeadline.NEXT_STAGE).build(),
                    Stage.builder("CHIEF_EXECUTIVE", "Stage Six: the Chief Executive").participants("IRO",
                            "CHIEF_EXECUTIVE").responders("CHIEF_EXECUTIVE").timescale(Timescale.workingDays(4))
                            .clockFromStage("DIRECTOR").formal().onSilence(OnDeadline.REFER_TO_CAFCASS)
                            .afterResponse(OnDeadline.REFER_TO_CAFCASS)
                            .caseNote(ConcernEvent.DEADLINE_PASSED, "Dispute Resolution").build(),
                    Stage.builder("CAFCASS", "Stage Seven - Decision by CAFCASS").participants("IRO", "IRO_MANAGER")
                            .notified("IRO_MANAGER").timescale(Timescale.calendarDays(14)).enteredByReferral().build()),
            List.of(), Timescale.workingDays(20), CafcassRule.NATIONAL, Map.of());

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "irom-1", "IRO_MANAGER", "tm-1", "TEAM_MANAGER", "sm-1",
            "SERVICE_MANAGER", "ad-1", "ASSISTANT_DIRECTOR", "dir-1", "DIRECTOR", "ce-1", "CHIEF_EXECUTIVE", "ssm-1",
            "SAFEGUARDING_SERVICE_MANAGER");

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private CommandContext as(String actor, String londonTime) {
        return people.as(actor, london(londonTime), PROCEDURE, calendar);
    }

    private Concern raisedAt(String stage) {
        return ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of(Reason.OTHER.code()), "The plan has drifted.", "A placement", LocalDate.of(2026, 12, 4),
                "tm-1", stage), ConcernId.random(), new ChildRecord("child-1", "Alex", people.child(),
                        LocalDate.of(2015, 3, 1), null, "Team North"), as("iro-1", "2026-11-16T10:00")).after();
    }

    @Test
    public void anEndingOfTheStagesOwnEndsTheConcernAsItsProcedureWordsIt() {
        Concern atFive = ConcernLifecycle.escalate(raisedAt(null), as("iro-1", "2026-11-17T10:00"), null, null).after();
        Transition ended = ConcernLifecycle.end(atFive, as("irom-1", "2026-11-18T10:00"), "INTERNAL_DECISION",
                "The placement budget is a matter for the council alone");
        Concern after = ended.after();
        assertEquals(ConcernStatus.ENDED, after.status());
        assertEquals("INTERNAL_DECISION", after.ending());
        assertEquals("The placement budget is a matter for the council alone", after.endReason());
        assertEquals("nothing is left to do: no stage is current and no due moment runs", List.of(),
                after.stages().stream().filter(s -> s.state() == StageState.ACTIVE).toList());
        assertTrue(DueMoments.of(after, calendar).isEmpty());
        assertTrue(ended.notices().stream().anyMatch(n -> n.to().contains("iro-1")
                && n.subject().endsWith("ended: A matter for internal decision making only, which cannot be referred"
                        + " further")));
        // an ended concern cannot be referred further
        assertThrows(uk.starred.api.ConcernEndedException.class, () -> ConcernLifecycle.referToCafcass(after,
                as("iro-1", "2026-11-18T11:00"), ReferralMode.CURTAILED, "Now"));
    }

    @Test
    public void anEndingIsDecidedOnlyByWhomItNamesAndOnlyWhereTheStageHasIt() {
        Concern atTeam = raisedAt(null);
        InvalidCommandException elsewhere = assertThrows(InvalidCommandException.class,
                () -> ConcernLifecycle.end(atTeam, as("iro-1", "2026-11-16T11:00"), "INTERNAL_DECISION", "Why"));
        assertTrue(elsewhere.getMessage(), elsewhere.getMessage().contains("names no ending of its own"));
        Concern atFive = ConcernLifecycle.escalate(atTeam, as("iro-1", "2026-11-17T10:00"), null, null).after();
        assertThrows(NotPermittedException.class, () -> ConcernLifecycle.end(atFive, as("ad-1", "2026-11-18T10:00"),
                "INTERNAL_DECISION", "We decide"));
        InvalidCommandException unknown = assertThrows(InvalidCommandException.class,
                () -> ConcernLifecycle.end(atFive, as("iro-1", "2026-11-18T10:00"), "GIVEN_UP", "Why"));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("its endings are INTERNAL_DECISION"));
        InvalidCommandException noReasons = assertThrows(InvalidCommandException.class,
                () -> ConcernLifecycle.end(atFive, as("iro-1", "2026-11-18T10:00"), "INTERNAL_DECISION", " "));
        assertTrue(noReasons.getMessage(), noReasons.getMessage().contains("reasons"));
    }

    @Test
    public void theStageOfCafcasssDecisionIsEnteredOnlyByAReferral() {
        Concern atDirector = ConcernLifecycle.escalate(raisedAt("DIRECTOR"), as("iro-1", "2026-11-16T11:00"), null,
                null).after();
        Concern atChief = atDirector.currentStage().orElseThrow().stageId().equals("CHIEF_EXECUTIVE") ? atDirector
                : ConcernLifecycle.escalate(atDirector, as("ssm-1", "2026-11-17T10:00"), null, null).after();
        assertEquals("the Safeguarding Service Manager refers it on to the Chief Executive", "CHIEF_EXECUTIVE",
                atChief.currentStage().orElseThrow().stageId());
        StageNotAllowedException escalated = assertThrows(StageNotAllowedException.class,
                () -> ConcernLifecycle.escalate(atChief, as("iro-1", "2026-11-17T11:00"), null, null));
        assertTrue(escalated.getMessage(), escalated.getMessage().contains("refer to CAFCASS or resolve it"));
        StageNotAllowedException named = assertThrows(StageNotAllowedException.class,
                () -> ConcernLifecycle.escalate(atChief, as("iro-1", "2026-11-17T11:00"), "CAFCASS", null));
        assertTrue(named.getMessage(), named.getMessage().contains("only when the IRO refers the case to CAFCASS"));

        Transition referred = ConcernLifecycle.referToCafcass(atChief, as("iro-1", "2026-11-18T10:00"),
                ReferralMode.AT_END, "The Chief Executive could not resolve it");
        Concern after = referred.after();
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, after.status());
        assertEquals("CAFCASS", after.currentStage().orElseThrow().stageId());
        assertEquals("the stage's 14 days are CAFCASS's time to decide", london("2026-12-03T00:00"),
                after.cafcass().decisionDueAt());
        assertTrue("the IRO Manager is told the stage has begun", referred.notices().stream()
                .anyMatch(n -> n.to().contains("irom-1") && n.subject().contains("Stage Seven")));
        Concern decided = ConcernLifecycle.recordCafcassDecision(after, as("iro-1", "2026-11-25T10:00"),
                uk.starred.api.concern.CafcassDecision.PROCEEDINGS, null).after();
        assertTrue("CAFCASS's decision completes its stage", decided.currentStage().isEmpty());
    }

    @Test
    public void theChiefExecutivesPartCountsFromTheStartOfStageSix() {
        Concern atDirector = raisedAt("DIRECTOR");
        assertEquals("Monday 16th plus 4 working days", london("2026-11-21T00:00"),
                atDirector.currentStage().orElseThrow().dueAt());
        Concern atChief = ConcernLifecycle.escalate(atDirector, as("iro-1", "2026-11-19T10:00"), null, null).after();
        assertEquals("the same 4 working days from Monday, not 4 more from Thursday", london("2026-11-21T00:00"),
                atChief.currentStage().orElseThrow().dueAt());
    }

    @Test
    public void theProjectedEndIsTheEndOfTheCouncilsOwnProcessNotOfCafcasssDecision() {
        Concern atDirector = raisedAt("DIRECTOR");
        uk.starred.api.concern.Projection projected = Projections.of(atDirector, PROCEDURE, calendar).orElseThrow();
        assertEquals("Stage Six: the Chief Executive", projected.lastStage());
        assertEquals("the Chief Executive's part ends with the Director's 4 working days", london("2026-11-21T00:00"),
                projected.end());
    }

    @Test
    public void whenTheLastStageRunsOutTheProcedureRequiresAReferralAndSaysSoOnTheFile() {
        Concern atChief = ConcernLifecycle.escalate(raisedAt("DIRECTOR"), as("iro-1", "2026-11-17T10:00"), null,
                null).after();
        Transition fired = ConcernLifecycle.fire(atChief, new DueKey(DeadlineKind.STAGE_DUE,
                atChief.currentStage().orElseThrow().ordinal()), as(ConcernLifecycle.DEADLINE_ACTOR,
                        "2026-11-21T00:00")).orElseThrow();
        assertTrue(fired.outcome(), fired.outcome().contains("the procedure requires a referral to CAFCASS"));
        assertTrue(fired.notices().stream().anyMatch(n -> n.to().contains("iro-1")
                && n.subject().endsWith("referral to CAFCASS required")
                && n.body().contains("must now refer the case to CAFCASS")));
        assertTrue("it goes on the file under the type the procedure names", fired.notes().stream()
                .anyMatch(n -> n.type().equals("Dispute Resolution") && n.text().contains("must now refer")));
        assertEquals(ConcernStatus.OPEN, fired.after().status());
    }

    @Test
    public void forAChildOnlyOnAPlanTheLawForbidsTheReferralTheProcedureWouldRequire() {
        people.childIs(Cohort.CHILD_PROTECTION);
        Concern atChief = ConcernLifecycle.escalate(raisedAt("DIRECTOR"), as("iro-1", "2026-11-17T10:00"), null,
                null).after();
        Transition fired = ConcernLifecycle.fire(atChief, new DueKey(DeadlineKind.STAGE_DUE,
                atChief.currentStage().orElseThrow().ordinal()), as(ConcernLifecycle.DEADLINE_ACTOR,
                        "2026-11-21T00:00")).orElseThrow();
        assertTrue(fired.outcome(), fired.outcome().contains("not open in law (Children Act 1989 s25B(3))"));
        assertFalse(fired.notices().stream().anyMatch(n -> n.subject().endsWith("referral to CAFCASS required")));
        assertTrue(fired.notices().stream().anyMatch(n -> n.body().contains("allows a referral only for a"
                + " looked-after child")));
    }

    @Test
    public void anOverdueAgreedActionIsToldToWhomTheStageNamesAndWrittenOnTheFile() {
        Concern agreed = ConcernLifecycle.respond(raisedAt(null), as("tm-1", "2026-11-16T12:00"), ResponseKind.AGREE,
                null, List.of(new NewAgreedAction("Find a placement", "tm-1", LocalDate.of(2026, 11, 20)))).after();
        AgreedAction action = agreed.agreedActions().get(0);
        Transition fired = ConcernLifecycle.fire(agreed, new DueKey(DeadlineKind.AGREED_ACTION_DUE, action.number()),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-21T00:00")).orElseThrow();
        assertTrue("the Service Manager is told, as the stage says", fired.notices().stream()
                .anyMatch(n -> n.to().containsAll(List.of("tm-1", "iro-1", "sm-1"))));
        assertTrue(fired.notes().stream().anyMatch(n -> n.type().equals("Starred Decision")
                && n.text().contains("not recorded as done")));
    }
}
