package uk.starred.core.concern;

import static org.junit.Assert.assertEquals;
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

import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.calendar.Timescale;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.Stage;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.testing.Around;
import uk.starred.core.testing.WeekdayCalendar;

/**
 * The constructs of the procedure model's second version, as rules: silence told apart from a response,
 * a referral window that waits for a named stage, those told on referral, no decision clock where the
 * procedure gives none, separate rights, and the law under them all.
 */
public class ProcedureModelTwoTest {

    private static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    /** The team answers in 2 working days, silence moving it on; then the Head of Service; a QA officer escalates. */
    private static final Procedure PROCEDURE = new Procedure("model-two", "1", "Model Two Procedure", BOTH,
            List.of("IRO", "CPC", "TEAM_MANAGER", "HEAD_OF_SERVICE", "QA_OFFICER"),
            new Permissions(List.of("IRO", "CPC"), List.of("QA_OFFICER", "IRO"), List.of("IRO", "CPC"), List.of("IRO")),
            List.of(Stage.builder("TEAM", "Team").participants("IRO", "TEAM_MANAGER").responders("TEAM_MANAGER")
                            .timescale(Timescale.workingDays(2)).onSilence(OnDeadline.NEXT_STAGE)
                            .afterResponse(OnDeadline.PROMPT_IRO).build(),
                    Stage.builder("HEAD_OF_SERVICE", "Head of Service").participants("IRO", "HEAD_OF_SERVICE")
                            .responders("HEAD_OF_SERVICE").timescale(Timescale.workingDays(5))
                            .onSilence(OnDeadline.PROMPT_IRO).build()),
            List.of(), null,
            new CafcassRule(ReferralWindow.STAGE_BEGUN, "HEAD_OF_SERVICE", List.of(), List.of("HEAD_OF_SERVICE"), null),
            Map.of());

    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final Around people = new Around("iro-1", "IRO", "cpc-1", "CPC", "tm-1", "TEAM_MANAGER", "hos-1",
            "HEAD_OF_SERVICE", "qa-1", "QA_OFFICER");

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private CommandContext as(String actor, String londonTime) {
        return people.as(actor, london(londonTime), PROCEDURE, calendar);
    }

    private Concern raised(Set<Cohort> child) {
        return ConcernLifecycle.raise(new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION,
                List.of(Reason.OTHER.code()), "The plan has drifted.", "A meeting", LocalDate.of(2026, 12, 4),
                "tm-1", null), ConcernId.random(), new ChildRecord("child-1", "Alex", child, LocalDate.of(2015, 3, 1),
                null, "Team North"), as("iro-1", "2026-11-16T10:00")).after();
    }

    @Test
    public void silenceMovesTheConcernOnButADisagreementPromptsTheIroInstead() {
        Concern silent = raised(Set.of(Cohort.LOOKED_AFTER));
        Transition fired = ConcernLifecycle.fire(silent, new DueKey(DeadlineKind.STAGE_DUE, 1),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-19T00:00")).orElseThrow();
        assertEquals("HEAD_OF_SERVICE", fired.after().currentStage().orElseThrow().stageId());

        Concern answered = ConcernLifecycle.respond(raised(Set.of(Cohort.LOOKED_AFTER)), as("tm-1", "2026-11-17T09:00"),
                ResponseKind.DISAGREE, "Not our decision", List.of()).after();
        Transition prompted = ConcernLifecycle.fire(answered, new DueKey(DeadlineKind.STAGE_DUE, 1),
                as(ConcernLifecycle.DEADLINE_ACTOR, "2026-11-19T00:00")).orElseThrow();
        assertEquals("the response came in time: the concern stays for the IRO to decide", "TEAM",
                prompted.after().currentStage().orElseThrow().stageId());
        assertTrue(prompted.outcome(), prompted.outcome().contains("prompted to decide"));
    }

    @Test
    public void aConcurrentReferralWaitsForTheNamedStageButCurtailingNeverDoes() {
        Concern c = raised(Set.of(Cohort.LOOKED_AFTER));
        StageNotAllowedException early = assertThrows(StageNotAllowedException.class, () -> ConcernLifecycle
                .referToCafcass(c, as("iro-1", "2026-11-16T11:00"), ReferralMode.CONCURRENT, "Drift"));
        assertTrue(early.getMessage(), early.getMessage().contains("only once stage 'Head of Service' has begun"));

        Concern atHead = ConcernLifecycle.escalate(c, as("qa-1", "2026-11-17T10:00"), null, null).after();
        Transition referred = ConcernLifecycle.referToCafcass(atHead, as("iro-1", "2026-11-17T11:00"),
                ReferralMode.CONCURRENT, "Drift");
        assertEquals("the procedure gives CAFCASS no timescale, so no decision clock runs", null,
                referred.after().cafcass().decisionDueAt());
        assertTrue("the Head of Service is told on referral", referred.notices().stream()
                .anyMatch(n -> n.to().contains("hos-1") && n.subject().endsWith("referred to CAFCASS")));

        Transition curtailed = ConcernLifecycle.referToCafcass(c, as("iro-1", "2026-11-16T11:00"), ReferralMode.CURTAILED,
                "The child cannot wait");
        assertTrue(curtailed.after().status().isEnded());
    }

    @Test
    public void aReferralMadeWithTheEscalationIntoTheNamedStageIsOneCommand() {
        Concern c = raised(Set.of(Cohort.LOOKED_AFTER));
        Transition both = ConcernLifecycle.escalate(c, as("iro-1", "2026-11-17T10:00"), null, null,
                "The plan has drifted past the child's needs");
        Concern after = both.after();
        assertEquals("HEAD_OF_SERVICE", after.currentStage().orElseThrow().stageId());
        assertEquals(ReferralMode.CONCURRENT, after.cafcass().mode());
        assertEquals(1, after.version());
        // raising with a referral, where the window is not yet open, is refused whole
        StageNotAllowedException early = assertThrows(StageNotAllowedException.class, () -> ConcernLifecycle.raise(
                new RaiseConcern("child-1", null, ConcernOrigin.STARRED_DECISION, List.of(Reason.OTHER.code()),
                        "Drift.", "A meeting", LocalDate.of(2026, 12, 4), "tm-1", null, null, "Refer now"),
                ConcernId.random(), new ChildRecord("child-1", "Alex", Set.of(Cohort.LOOKED_AFTER),
                        LocalDate.of(2015, 3, 1), null, "Team North"), as("iro-1", "2026-11-16T10:00")));
        assertTrue(early.getMessage(), early.getMessage().contains("only once stage 'Head of Service' has begun"));
    }

    @Test
    public void eachStepHasItsOwnRolesAndTheLawHoldsOverThemAll() {
        Concern c = raised(Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION));
        // the QA officer escalates but does not resolve; the CPC resolves but does not escalate
        assertEquals("HEAD_OF_SERVICE", ConcernLifecycle.escalate(c, as("qa-1", "2026-11-17T10:00"), null, null)
                .after().currentStage().orElseThrow().stageId());
        assertThrows(NotPermittedException.class, () -> ConcernLifecycle.resolve(c, as("qa-1", "2026-11-17T10:00"),
                "Done"));
        assertThrows(NotPermittedException.class, () -> ConcernLifecycle.escalate(c, as("cpc-1", "2026-11-17T10:00"),
                null, null));
        assertTrue(ConcernLifecycle.resolve(c, as("cpc-1", "2026-11-17T10:00"), "Done").after().status().isEnded());

        // a child only on a plan is referred by nobody, whatever the procedure's rule
        people.childIs(Cohort.CHILD_PROTECTION);
        NotPermittedException law = assertThrows(NotPermittedException.class, () -> ConcernLifecycle.referToCafcass(c,
                as("iro-1", "2026-11-16T11:00"), ReferralMode.CURTAILED, "Drift"));
        assertTrue(law.getMessage(), law.getMessage().contains("the law (Children Act 1989 s25B(3))"));
        assertTrue(law.getMessage(), law.getMessage().contains("only on a child protection plan"));
    }
}
