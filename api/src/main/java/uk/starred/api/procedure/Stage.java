package uk.starred.api.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.starred.api.calendar.Timescale;

/**
 * One stage of a procedure, such as "Stage Two - Ratification of the Recommendations".
 *
 * @param id               the stage's id, unique within the procedure, for example {@code RATIFICATION}
 * @param name             the stage's name in the procedure's words
 * @param participants     the roles taking part in the stage
 * @param notified         the roles told when the stage starts
 * @param respondingRole   the role that must respond (agree, disagree with reasons, or say it has no
 *                         remit), or {@code null} when the stage asks no response
 * @param requiredActions  what must be done and recorded in the stage
 * @param timescale        how long the stage has, or {@code null} for none
 * @param onDeadline       what the procedure says happens when the stage's due moment passes
 * @param mayEnterDirectly whether the IRO may start a concern at this stage, or move to it skipping
 *                         the stages before
 * @param mayBypass        whether the IRO may bypass this stage, with a recorded reason
 * @param formal           whether the stage is part of the formal process whose total the
 *                         procedure limits (see {@link Procedure#totalLimit()})
 * @param noRemitStage     the stage a "no remit" response moves the concern to (seed 001: a Team
 *                         Manager without the remit sends it straight to stage four), or {@code null}
 * @param caseNotes        case-note type names for events in this stage, overriding the procedure's
 */
public record Stage(
        String id,
        String name,
        List<String> participants,
        List<String> notified,
        String respondingRole,
        List<RequiredAction> requiredActions,
        Timescale timescale,
        OnDeadline onDeadline,
        boolean mayEnterDirectly,
        boolean mayBypass,
        boolean formal,
        String noRemitStage,
        Map<ConcernEvent, String> caseNotes) {

    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        participants = List.copyOf(participants);
        notified = List.copyOf(notified);
        requiredActions = List.copyOf(requiredActions);
        onDeadline = onDeadline == null ? OnDeadline.NOTHING : onDeadline;
        caseNotes = Map.copyOf(caseNotes);
    }

    /** @return the required action with this id, if the stage has one */
    public java.util.Optional<RequiredAction> requiredAction(String actionId) {
        return requiredActions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }
}
