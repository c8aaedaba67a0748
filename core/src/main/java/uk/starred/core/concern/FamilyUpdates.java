package uk.starred.core.concern;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.KeepInformed;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.wording.FamilyUpdateWords;

/**
 * Keeping the child and family informed: the update the procedure asks for at a stage, drafted from the
 * concern in plain words, and the update as sent recorded on the file.
 */
public final class FamilyUpdates {

    private FamilyUpdates() {
    }

    /**
     * @return the update the procedure asks for at the concern's current stage, for those who drive the
     *         concern; empty when it has ended, the procedure asks none there, or the person does not drive it
     */
    public static Optional<String> draft(Concern c, CommandContext ctx) {
        Procedure procedure = ctx.procedure();
        KeepInformed rule = procedure.keepInformed();
        if (!askedAt(c, procedure) || Rights.procedureRoles(ctx.actor(), ctx.people(), procedure).stream()
                .noneMatch(Rights.drivers(procedure)::contains)) {
            return Optional.empty();
        }
        StageRecord current = c.currentStage().orElseThrow();
        Stage stage = procedure.stage(current.stageId()).orElseThrow();
        int at = procedure.indexOf(stage.id());
        String next = at < procedure.lastEscalationIndex() ? procedure.stages().get(at + 1).name() : null;
        List<String> raised = c.reasonCodes().stream().map(code -> procedure.reason(code)
                .filter(r -> !r.equals(Reason.OTHER)).map(Reason::label).orElse(null))
                .filter(label -> label != null).toList();
        String iro = ctx.people().nameOf(c.raisedBy());
        return Optional.of(new FamilyUpdateWords(ctx.calendar().zone()).draft(iro,
                LocalDate.ofInstant(c.raisedAt(), ctx.calendar().zone()), raised, stage.name(), stage.responders(),
                current.dueAt(), next, c.remedyDueBy(),
                rule.contact() == null || rule.contact().isBlank() ? FamilyUpdateWords.theIro(iro) : rule.contact(),
                rule.advocacyWords()));
    }

    /** @return whether the procedure asks for an update to the child and family at the open concern's current stage */
    public static boolean askedAt(Concern c, Procedure procedure) {
        return procedure.keepInformed() != null && !c.status().isEnded()
                && c.currentStage().map(s -> procedure.keepInformed().at(s.stageId())).orElse(false);
    }

    /** @return whether an update was recorded sent since the concern entered its current stage */
    public static boolean sentAtCurrentStage(Concern c) {
        return c.currentStage().map(s -> c.communications().stream()
                .anyMatch(m -> m.familyUpdate() && !m.at().isBefore(s.enteredAt()))).orElse(false);
    }

    static void record(Draft d, String sentTo, String channel, String text) {
        Rights.require(d.ctx, d.childId, Rights.drivers(d.procedure()), "record an update sent to the child and family");
        Checks checks = new Checks("Record an update to the child and family");
        checks.text("sentTo", sentTo, Checks.SHORT_MAX);
        checks.text("channel", channel, Checks.ID_MAX);
        checks.text("text", text, Checks.TEXT_MAX);
        checks.done();
        d.communications.add(new Communication(d.now(), d.actor(), sentTo, channel, text, true));
        Stage stage = d.currentStage().orElse(null);
        String note = FamilyUpdateWords.sentNote(d.actorName(), sentTo, channel, text);
        if (d.procedure().caseNoteType(ConcernEvent.FAMILY_UPDATE_SENT, stage).isPresent()) {
            d.note(ConcernEvent.FAMILY_UPDATE_SENT, stage, note);
        } else {
            d.note(ConcernEvent.COMMUNICATION_RECORDED, stage, note);
        }
    }
}
