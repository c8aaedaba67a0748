package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownStageException;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.law.TheLaw;
import uk.starred.core.wording.ConcernWords;

/** Moving a concern through its procedure's stages: entering one, escalating, bypassing. */
final class Movement {

    /** A bypass reason is kept on the stage entered, after "Bypassed: ", within the column. */
    static final int BYPASS_REASON_MAX = Checks.TEXT_MAX - ConcernWords.BYPASSED_PREFIX;

    private Movement() {
    }

    /**
     * The concern enters the stage now: its due moment is set once, from now, by the stage's timescale;
     * the formal clock starts at the first formal stage; the stage's people are told.
     */
    static void enter(Draft d, Stage stage, String note) {
        ConcernWords words = new ConcernWords(d.ctx.calendar().zone());
        Instant due = Clocks.due(d, stage, Clocks.start(d, stage, d.happened(), d.stages));
        d.addStage(stage, StageState.ACTIVE, d.ctx.people().holders(stage.participants()), due, note);
        Procedure procedure = d.procedure();
        if (stage.formal() && procedure.totalLimit() != null && d.formalDueAt == null) {
            d.formalDueAt = d.ctx.calendar().dueMoment(d.happened(), procedure.totalLimit());
        }
        d.note(ConcernEvent.STAGE_ENTERED, stage, words.stageStartedNote(stage.name(), due, note));
        List<String> addressed = new ArrayList<>(d.ctx.people().holders(stage.notified()));
        addressed.addAll(d.ctx.people().holders(stage.responders()));
        addressed.remove(d.actor());
        String subject = ConcernWords.subject(d.childId, ConcernWords.stageSubject(stage.name()));
        d.tell(addressed, subject, words.stageStartedNotice(stage.name(), due, stage.responders(), d.remedyDueBy));
        List<String> copied = new ArrayList<>(d.ctx.people().holders(stage.copied()));
        copied.removeAll(addressed);
        copied.remove(d.actor());
        d.tell(copied, subject, words.stageCopyNotice(stage.name(), due, stage.responders(), d.remedyDueBy));
    }

    /** @param remedyDueBy the IRO's new timescale for the remedy, told with the stage, or {@code null} to keep it */
    static void escalate(Draft d, String toStageId, String note, LocalDate remedyDueBy) {
        escalate(d, toStageId, note, remedyDueBy, null, null);
    }

    /**
     * @param occurredAt when it was escalated, when earlier than now (recorded late), or {@code null}: the stage
     *                   left ends and the next begins then
     * @param lateReason why it is recorded only now; required with {@code occurredAt}
     */
    static void escalate(Draft d, String toStageId, String note, LocalDate remedyDueBy, Instant occurredAt,
            String lateReason) {
        Rights.require(d.ctx, d.childId, Rights.escalators(d.procedure()), "escalate a concern");
        Gates.require(d, Gate.ESCALATE, "escalate the concern");
        Checks checks = new Checks("Escalate");
        checks.optional("note", note, Checks.TEXT_MAX);
        if (remedyDueBy != null && remedyDueBy.isBefore(d.ctx.today())) {
            checks.add("remedyDueBy", "must not be in the past: " + remedyDueBy + " is before today, "
                    + d.ctx.today());
        }
        Instant late = Lateness.check(checks, d, occurredAt, lateReason, d.current().enteredAt(),
                "the current stage began");
        checks.done();
        d.occurred = late;
        String lateWords = Lateness.noted(d, late, lateReason).strip();
        note = lateWords.isEmpty() ? note : note == null ? lateWords : note + " " + lateWords;
        StageRecord current = d.current();
        Procedure procedure = d.procedure();
        int from = procedure.indexOf(current.stageId());
        Stage target;
        if (toStageId == null) {
            if (from + 1 > procedure.lastEscalationIndex()) {
                throw new StageNotAllowedException("the concern is at the last stage, '" + d.stage(current).name()
                        + "'; refer to CAFCASS or resolve it");
            }
            target = procedure.stages().get(from + 1);
        } else {
            target = stage(procedure, toStageId);
            int to = procedure.indexOf(target.id());
            refuseReferralStage(procedure, target);
            if (to <= from) {
                throw new StageNotAllowedException("stage '" + target.name() + "' is not after the current stage, '"
                        + d.stage(current).name() + "'");
            }
            if (to > from + 1 && !target.mayEnterDirectly()) {
                throw new StageNotAllowedException("'" + procedure.title() + "' does not let the IRO move"
                        + " straight to stage '" + target.name() + "'; escalate stage by stage or bypass with a reason");
            }
        }
        d.complete(current, ConcernWords.escalatedTo(target.name()));
        LocalDate was = d.remedyDueBy;
        boolean newDate = remedyDueBy != null && !remedyDueBy.equals(was);
        if (newDate) {
            d.remedyDueBy = remedyDueBy;
        }
        enter(d, target, note);
        if (newDate) {
            d.note(ConcernEvent.STAGE_ENTERED, target, ConcernWords.iroTimescaleChanged(d.actorName(), remedyDueBy, was));
        }
        tellTheIro(d, target);
    }

    /** Someone else moved the concern on (the quality assurance service, a manager the procedure names): the IRO is told. */
    private static void tellTheIro(Draft d, Stage target) {
        if (!d.actor().equals(d.raisedBy) && !d.ctx.people().holders(target.notified()).contains(d.raisedBy)
                && !d.ctx.people().holders(target.responders()).contains(d.raisedBy)) {
            ConcernWords words = new ConcernWords(d.ctx.calendar().zone());
            d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.stageSubject(target.name())),
                    words.stageCopyNotice(target.name(), d.current().dueAt(), target.responders(),
                            d.remedyDueBy));
        }
    }

    static void bypass(Draft d, String toStageId, String reason) {
        boolean iro = Rights.holds(d.ctx, TheLaw.IRO);
        if (!iro) {
            Rights.require(d.ctx, d.childId, Rights.escalators(d.procedure()), "bypass stages");
            Gates.require(d, Gate.ESCALATE, "move on from the stage");
        }
        Checks checks = new Checks("Bypass");
        checks.text("toStageId", toStageId, Checks.ID_MAX);
        checks.text("reason", reason, BYPASS_REASON_MAX);
        checks.done();
        StageRecord current = d.current();
        Procedure procedure = d.procedure();
        int from = procedure.indexOf(current.stageId());
        Stage target = stage(procedure, toStageId);
        int to = procedure.indexOf(target.id());
        refuseReferralStage(procedure, target);
        if (to <= from + 1) {
            throw new StageNotAllowedException("no stage lies between the current stage, '" + d.stage(current).name()
                    + "', and '" + target.name() + "'; escalate instead");
        }
        for (int i = from + 1; i < to; i++) {
            Stage skipped = procedure.stages().get(i);
            if (!skipped.mayBypass() && !iro) {
                throw new StageNotAllowedException("'" + procedure.title() + "' lets only the IRO bypass stage '"
                        + skipped.name() + "' (" + TheLaw.BYPASS + ")");
            }
        }
        d.complete(current, ConcernWords.bypassedOnTo(target.name()));
        for (int i = from + 1; i < to; i++) {
            Stage skipped = procedure.stages().get(i);
            d.addStage(skipped, StageState.BYPASSED, List.of(), null, reason);
            d.note(ConcernEvent.STAGE_BYPASSED, skipped, ConcernWords.bypassedNote(skipped.name(), d.actorName(), reason));
        }
        enter(d, target, ConcernWords.bypassed(reason));
        tellTheIro(d, target);
    }

    private static void refuseReferralStage(Procedure procedure, Stage target) {
        if (target.enteredByReferral()) {
            throw new StageNotAllowedException("'" + procedure.title() + "' enters stage '" + target.name()
                    + "' only when the IRO refers the case to CAFCASS; refer it, rather than escalate");
        }
    }

    static Stage stage(Procedure procedure, String stageId) {
        return procedure.stage(stageId).orElseThrow(() -> new UnknownStageException("'" + procedure.title()
                + "' has no stage '" + stageId + "'; its stages are "
                + procedure.stages().stream().map(Stage::id).toList()));
    }

    /** Whether the concern has entered the stage, or one after it, without bypassing it. */
    static boolean reached(Draft d, String stageId) {
        int target = d.procedure().indexOf(stageId);
        return d.stages.stream().filter(s -> s.state() != StageState.BYPASSED)
                .anyMatch(s -> d.procedure().indexOf(s.stageId()) >= target);
    }

    /**
     * Whether the concern has entered a formal stage. The formal clock cannot tell: it runs only in
     * procedures that set a total limit, and a procedure without one still has a formal process.
     */
    static boolean formalProcessBegun(Draft d) {
        return d.stages.stream().filter(s -> s.state() != StageState.BYPASSED).anyMatch(s -> d.stage(s).formal());
    }
}
