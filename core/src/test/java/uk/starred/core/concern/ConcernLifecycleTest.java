package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static uk.starred.core.testing.WeekdayCalendar.london;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertKind;
import uk.starred.api.alert.Rag;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.alert.ConcernAlerts;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/** The lifecycle's rules with nothing around them: no database, no framework, a calendar of weekdays. */
public class ConcernLifecycleTest {

    private static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    /** Three stages: the Team Manager answers in 2 working days (silence is agreement), then two formal ones. */
    private static final Procedure PROCEDURE = new Procedure("core-test", "1", "Core Test Procedure", BOTH,
            List.of("IRO", "SOCIAL_WORKER", "TEAM_MANAGER", "HEAD_OF_SERVICE"), Permissions.drivenBy(List.of("IRO")),
            List.of(Stage.builder("RATIFICATION", "Ratification").participants("IRO", "TEAM_MANAGER")
                            .notified("SOCIAL_WORKER").responders("TEAM_MANAGER").timescale(Timescale.workingDays(2))
                            .onSilence(OnDeadline.DEEMED_AGREEMENT).build(),
                    Stage.builder("FORMAL", "Formal resolution").participants("IRO", "TEAM_MANAGER")
                            .timescale(Timescale.workingDays(4)).onSilence(OnDeadline.NEXT_STAGE)
                            .afterResponse(OnDeadline.NEXT_STAGE).mayBypass().formal().build(),
                    Stage.builder("HEAD_OF_SERVICE", "Head of Service").participants("IRO", "HEAD_OF_SERVICE")
                            .notified("HEAD_OF_SERVICE").responders("HEAD_OF_SERVICE")
                            .timescale(Timescale.workingDays(4)).onSilence(OnDeadline.PROMPT_IRO)
                            .afterResponse(OnDeadline.PROMPT_IRO).mayEnterDirectly().formal().build()),
            List.of(new Reason("PLAN_DRIFT", "Drift in the care plan", BOTH)), Timescale.workingDays(20),
            new CafcassRule(ReferralWindow.ANY_POINT, null, List.of(), List.of(), Timescale.calendarDays(14)),
            Map.of(ConcernEvent.RAISED, "Dispute Resolution", ConcernEvent.STAGE_ENTERED, "Dispute Resolution",
                    ConcernEvent.RESPONSE_RECORDED, "Dispute Resolution", ConcernEvent.STAGE_BYPASSED,
                    "Dispute Resolution"));

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "sw-1", "SOCIAL_WORKER", "tm-1", "TEAM_MANAGER",
            "hos-1", "HEAD_OF_SERVICE", "nobody-1", "FINANCE");
    private final ChildRecord child = new ChildRecord("child-1", "Alex", Set.of(Cohort.LOOKED_AFTER),
            LocalDate.of(2015, 3, 1), "sw-1", "Team North");

    private CommandContext as(String actor, String londonTime) {
        return people.as(actor, london(londonTime), PROCEDURE, calendar);
    }

    /** Raised on Monday 16 November 2026 at 10:00: the Team Manager has until the end of Wednesday 18. */
    private Concern raised() {
        Transition t = ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of("PLAN_DRIFT"), "The permanence plan has not moved since the last review.",
                "A permanence planning meeting", LocalDate.of(2026, 12, 4), "tm-1", null), ConcernId.random(), child,
                as("iro-1", "2026-11-16T10:00"));
        return t.after();
    }

    @Test
    public void aRaisedConcernStartsAtTheFirstStageWithItsDueMomentAndTellsTheResponderAndTheNotified() {
        Transition t = ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of("PLAN_DRIFT"), "Plan drifting.", "A meeting", LocalDate.of(2026, 12, 4), "tm-1", null),
                ConcernId.random(), child, as("iro-1", "2026-11-16T10:00"));
        Concern c = t.after();
        assertTrue(t.changed());
        assertNull(t.before());
        assertEquals(0, c.version());
        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals("RATIFICATION", c.currentStage().orElseThrow().stageId());
        assertEquals(london("2026-11-19T00:00"), c.currentStage().orElseThrow().dueAt());
        assertEquals(List.of("iro-1", "tm-1"), c.currentStage().orElseThrow().participants());
        assertEquals(List.of("Dispute Resolution", "Dispute Resolution"), t.notes().stream().map(NoteOnFile::type)
                .toList());
        assertEquals(List.of(List.of("tm-1"), List.of("sw-1", "tm-1")), t.notices().stream().map(Notice::to).toList());
        assertEquals(Map.of(new DueKey(DeadlineKind.STAGE_DUE, 1), london("2026-11-19T00:00"),
                new DueKey(DeadlineKind.STAGE_DUE_SOON, 1), london("2026-11-18T00:00")), t.dueMoments(calendar));
    }

    @Test
    public void onceTheResponderAgreesTheStageCannotFallOverdue_theAgreedActionsAreMonitoredInstead() {
        Concern c = ConcernLifecycle.respond(raised(), as("tm-1", "2026-11-17T09:00"), ResponseKind.AGREE, null,
                List.of()).after();
        assertEquals(1, c.version());
        assertEquals("the IRO's remedy becomes the agreed action", "A permanence planning meeting",
                c.agreedActions().get(0).description());
        assertEquals(Map.of(new DueKey(DeadlineKind.AGREED_ACTION_DUE, 1), london("2026-12-05T00:00")),
                DueMoments.of(c, calendar));

        // the stage's deadline passes: nothing is overdue, nobody is prompted
        assertTrue(ConcernLifecycle.fire(c, new DueKey(DeadlineKind.STAGE_DUE, 1),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-19T00:00")).isEmpty());
        List<Alert> alerts = new ConcernAlerts(calendar).of(c, PROCEDURE, people, london("2026-11-20T12:00"));
        assertEquals(List.of(AlertKind.STARRED_DECISION + " " + Rag.GREEN),
                alerts.stream().map(a -> a.kind() + " " + a.rag()).toList());

        // the agreed action's own date passes: that is what turns red
        List<Alert> late = new ConcernAlerts(calendar).of(c, PROCEDURE, people, london("2026-12-07T09:00"));
        assertTrue(late.stream().anyMatch(a -> a.kind() == AlertKind.AGREED_ACTION_OVERDUE && a.rag() == Rag.RED));
        assertFalse(late.stream().anyMatch(a -> a.kind() == AlertKind.STAGE_OVERDUE));
    }

    @Test
    public void silenceUntilTheDeadlineIsDeemedAgreement_andThenTheStageStopsCounting() {
        Concern c = raised();
        Transition fired = ConcernLifecycle.fire(c, new DueKey(DeadlineKind.STAGE_DUE, 1),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-19T00:00")).orElseThrow();
        assertTrue(fired.changed());
        assertEquals("overdue: told tm-1, iro-1; agreement deemed", fired.outcome());
        Concern after = fired.after();
        assertEquals(ResponseKind.DEEMED_AGREEMENT, after.currentStage().orElseThrow().response().kind());
        assertEquals(1, after.agreedActions().size());
        assertFalse(DueMoments.of(after, calendar).containsKey(new DueKey(DeadlineKind.STAGE_DUE, 1)));
        assertEquals(List.of("Starred: child child-1: stage 'Ratification' overdue",
                "Starred: child child-1: agreement deemed"), fired.notices().stream().map(Notice::subject).toList());
    }

    @Test
    public void aDueSoonReminderGoesToWhoeverMustStillActAndChangesNothing() {
        Concern c = raised();
        Transition soon = ConcernLifecycle.fire(c, new DueKey(DeadlineKind.STAGE_DUE_SOON, 1),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-18T00:00")).orElseThrow();
        assertFalse(soon.changed());
        assertEquals(c.version(), soon.after().version());
        assertEquals(List.of(List.of("tm-1", "iro-1")), soon.notices().stream().map(Notice::to).toList());
    }

    @Test
    public void aRefusedCommandNamesWhatIsWrong() {
        Concern c = raised();
        NotPermittedException outsider = assertThrows(NotPermittedException.class, () -> ConcernLifecycle.respond(c,
                as("sw-1", "2026-11-17T09:00"), ResponseKind.AGREE, null, List.of()));
        assertTrue(outsider.getMessage(), outsider.getMessage().startsWith("only the child's TEAM_MANAGER may respond"));
        InvalidCommandException noReasons = assertThrows(InvalidCommandException.class, () -> ConcernLifecycle
                .respond(c, as("tm-1", "2026-11-17T09:00"), ResponseKind.DISAGREE, " ", List.of()));
        assertEquals("reasons", noReasons.violations().get(0).field());
        StageNotAllowedException tooFar = assertThrows(StageNotAllowedException.class, () -> ConcernLifecycle
                .escalate(c, as("iro-1", "2026-11-17T09:00"), "RATIFICATION", null));
        assertTrue(tooFar.getMessage().contains("is not after the current stage"));
    }

    @Test
    public void bypassingRecordsTheStagesSkippedWithTheReasonAndStartsTheFormalClockOnce() {
        Concern c = ConcernLifecycle.bypass(raised(), as("iro-1", "2026-11-17T09:00"), "HEAD_OF_SERVICE",
                "The Team Manager has no authority over the placement budget").after();
        assertEquals(List.of("RATIFICATION COMPLETED", "FORMAL BYPASSED", "HEAD_OF_SERVICE ACTIVE"), c.stages().stream()
                .map(s -> s.stageId() + " " + s.state()).toList());
        assertEquals("Bypassed: The Team Manager has no authority over the placement budget",
                c.currentStage().orElseThrow().note());
        // 20 working days from Tuesday 17 November 2026
        assertEquals(london("2026-12-16T00:00"), c.formalDueAt());
        assertEquals(StageState.BYPASSED, c.stages().get(1).state());
    }

    @Test
    public void missingTheFormalStagesDeadlineMovesTheConcernOn() {
        Concern formal = ConcernLifecycle.escalate(raised(), as("iro-1", "2026-11-17T09:00"), null, null).after();
        Transition moved = ConcernLifecycle.fire(formal, new DueKey(DeadlineKind.STAGE_DUE, 2),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-24T00:00")).orElseThrow();
        assertEquals("HEAD_OF_SERVICE", moved.after().currentStage().orElseThrow().stageId());
        assertEquals(ConcernLifecycle.DEADLINE_ACTOR, moved.after().currentStage().orElseThrow().enteredBy());
    }

    @Test
    public void curtailingForUrgencyEndsTheProcessButCafcassMayStillDecide() {
        Concern referred = ConcernLifecycle.referToCafcass(raised(), as("iro-1", "2026-11-17T09:00"),
                ReferralMode.CURTAILED, "The placement ends on Friday").after();
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, referred.status());
        assertEquals(london("2026-12-02T00:00"), referred.cafcass().decisionDueAt());
        assertThrows(ConcernEndedException.class, () -> ConcernLifecycle.resolve(referred,
                as("iro-1", "2026-11-18T09:00"), "Sorted"));
        Concern decided = ConcernLifecycle.recordCafcassDecision(referred, as("iro-1", "2026-11-20T09:00"),
                CafcassDecision.PROCEEDINGS, null).after();
        assertEquals(CafcassDecision.PROCEEDINGS, decided.cafcass().decision());
        assertEquals(Map.of(), DueMoments.of(decided, calendar));
    }
}
