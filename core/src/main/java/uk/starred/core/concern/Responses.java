package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.Response;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.core.command.Checks;
import uk.starred.core.wording.ConcernWords;

/** What the people in a stage record: a response, a required action, an agreed action done, a communication. */
final class Responses {

    private Responses() {
    }

    static void respond(Draft d, ResponseKind kind, String reasons, List<NewAgreedAction> agreedActions) {
        respond(d, kind, reasons, agreedActions, null, null);
    }

    /**
     * @param occurredAt when the response was given, when earlier than now, or {@code null}
     * @param lateReason why it is recorded only now; required with {@code occurredAt}
     */
    static void respond(Draft d, ResponseKind kind, String reasons, List<NewAgreedAction> agreedActions,
            Instant occurredAt, String lateReason) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        if (!stage.asksResponse()) {
            Checks.single("Respond", "stage", "stage '" + stage.name() + "' asks no response");
        }
        Rights.require(d.ctx, d.childId, stage.responders(),
                "respond in stage '" + stage.name() + "'");
        Checks checks = new Checks("Respond");
        if (kind == null) {
            checks.add("kind", "is required: agree, disagree or no remit");
        } else if (kind == ResponseKind.DEEMED_AGREEMENT) {
            checks.add("kind", "agreement is deemed only by the deadline service, when a response window passes");
        }
        if (current.response() != null) {
            checks.add("kind", "stage '" + stage.name() + "' already has a response (" + current.response().kind()
                    + "); the IRO decides what happens next");
        }
        checks.optional("reasons", reasons, Checks.TEXT_MAX);
        if (kind == ResponseKind.DISAGREE && (reasons == null || reasons.isBlank())) {
            checks.add("reasons", "are required when disagreeing");
        }
        if (kind == ResponseKind.NO_REMIT && stage.noRemitStage() == null) {
            checks.add("kind", "stage '" + stage.name() + "' has nowhere to send a 'no remit' response;"
                    + " disagree with reasons instead");
        }
        List<NewAgreedAction> agreed = agreedActions == null ? List.of() : agreedActions;
        if (kind != ResponseKind.AGREE && !agreed.isEmpty()) {
            checks.add("agreedActions", "are given only with an agreement");
        }
        checkAgreedActions(d, agreed, checks);
        Instant late = Lateness.check(checks, d, occurredAt, lateReason, current.enteredAt(), "the stage began");
        checks.done();

        d.respond(current, new Response(kind, reasons, d.actor(), late == null ? d.now() : late, d.now(),
                late == null ? null : lateReason));
        String said = ConcernWords.said(kind, reasons);
        d.note(ConcernEvent.RESPONSE_RECORDED, stage, ConcernWords.responseNote(d.actorName(), respondingAs(d, stage), said,
                stage.name()) + Lateness.noted(d, late, lateReason));
        d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.RESPONSE_RECORDED),
                ConcernWords.responseNotice(d.actorName(), said));
        if (kind == ResponseKind.AGREE) {
            if (agreed.isEmpty()) {
                d.agree(d.remedyWanted, d.responsiblePerson, d.remedyDueBy);
            } else {
                agreed.forEach(a -> d.agree(a.description(), a.responsible(), a.dueBy()));
            }
        } else if (kind == ResponseKind.NO_REMIT) {
            Stage target = Movement.stage(d.procedure(), stage.noRemitStage());
            d.complete(d.current(), ConcernWords.noRemitMovedTo(target.name()));
            Movement.enter(d, target, ConcernWords.NO_REMIT_ENTRY);
        }
    }

    /** @return the stage's responding role the person holds, for the file: the first of them */
    private static String respondingAs(Draft d, Stage stage) {
        return stage.responders().stream().filter(role -> Rights.holds(d.ctx, role)).findFirst()
                .orElse(stage.responders().get(0));
    }

    private static void checkAgreedActions(Draft d, List<NewAgreedAction> agreed, Checks checks) {
        LocalDate today = d.ctx.today();
        for (int i = 0; i < agreed.size(); i++) {
            NewAgreedAction a = agreed.get(i);
            String at = "agreedActions[" + i + "]";
            checks.text(at + ".description", a.description(), Checks.TEXT_MAX);
            if (checks.text(at + ".responsible", a.responsible(), Checks.ID_MAX)
                    && !d.ctx.people().knows(a.responsible())) {
                checks.add(at + ".responsible", "the host knows no member of staff '" + a.responsible() + "'");
            }
            if (a.dueBy() == null) {
                checks.add(at + ".dueBy", "is required");
            } else if (a.dueBy().isBefore(today)) {
                checks.add(at + ".dueBy", "must not be in the past: " + a.dueBy() + " is before today, " + today);
            }
        }
    }

    /**
     * @param occurredAt when it happened, when earlier than now, or {@code null}
     * @param lateReason why it is recorded only now; required with {@code occurredAt}
     */
    static void recordAction(Draft d, String actionId, String note, Instant occurredAt, String lateReason) {
        StageRecord current = d.current();
        Stage stage = d.stage(current);
        Checks checks = new Checks("Record action");
        checks.text("actionId", actionId, Checks.ID_MAX);
        checks.optional("note", note, Checks.TEXT_MAX);
        // a required action may have happened before the concern was entered: the advice taken before raising
        Instant lateAt = Lateness.check(checks, d, occurredAt, lateReason, null, null);
        boolean late = lateAt != null;
        checks.done();
        RequiredAction action = stage.requiredAction(actionId).orElseThrow(() -> new InvalidCommandException(
                "Record action", List.of(new Violation("actionId", "stage '" + stage.name()
                        + "' requires no action '" + actionId + "'; it requires "
                        + stage.requiredActions().stream().map(RequiredAction::id).toList()))));
        Rights.require(d.ctx, d.childId, Rights.recorders(d.procedure(), action),
                "record '" + action.description() + "'");
        if (current.actions().stream().anyMatch(a -> a.actionId().equals(actionId))) {
            Checks.single("Record action", "actionId", "'" + action.description() + "' is already recorded in stage '"
                    + stage.name() + "'");
        }
        Instant happened = late ? occurredAt : d.now();
        d.recordAction(current, new ActionRecord(actionId, d.actor(), d.now(), note, happened,
                late ? lateReason : null));
        ConcernWords words = new ConcernWords(d.ctx.calendar().zone());
        d.note(ConcernEvent.ACTION_RECORDED, stage, ConcernWords.actionNote(stage.name(), action.description(),
                d.actorName(), note) + Lateness.noted(d, lateAt, lateReason));
        if (stage.clockFrom() == ClockStart.ACTION_RECORDED && actionId.equals(stage.clockAction())
                && d.current().dueAt() == null && stage.timescale() != null) {
            Instant due = Clocks.due(d, stage, happened);
            d.moveDue(d.current(), due);
            d.note(ConcernEvent.STAGE_ENTERED, stage, words.clockStartedNote(stage.name(), action.description(), due));
        }
    }

    static void completeAgreedAction(Draft d, int number, String note) {
        if (number < 1 || number > d.agreedActions.size()) {
            Checks.single("Complete agreed action", "number", "the concern has " + d.agreedActions.size()
                    + " agreed action(s); there is no number " + number);
        }
        AgreedAction action = d.agreedActions.get(number - 1);
        if (!d.actor().equals(action.responsible())) {
            Rights.require(d.ctx, d.childId, Rights.agreedActionRecorders(d.procedure()),
                    "record agreed action " + number + " as done");
        }
        if (action.isCompleted()) {
            Checks.single("Complete agreed action", "number", "agreed action " + number + " is already done");
        }
        Checks checks = new Checks("Complete agreed action");
        checks.optional("note", note, Checks.TEXT_MAX);
        checks.done();
        d.agreedActions.set(number - 1, new AgreedAction(number, action.description(), action.responsible(),
                action.dueBy(), d.now(), d.actor(), note));
        d.note(ConcernEvent.AGREED_ACTION_COMPLETED, d.currentStage().orElse(null),
                ConcernWords.agreedActionDoneNote(number, d.actorName(), note));
        d.tell(List.of(d.raisedBy), ConcernWords.subject(d.childId, ConcernWords.AGREED_ACTION_DONE),
                ConcernWords.agreedActionDoneNotice(number, d.actorName()));
    }

    /**
     * @param occurredAt when it happened, when earlier than now, or {@code null}
     * @param lateReason why it is recorded only now; required with {@code occurredAt}
     */
    static void recordCommunication(Draft d, String withWhom, String channel, String summary, Instant occurredAt,
            String lateReason) {
        Rights.requireProcedureRole(d.ctx, d.childId, "record a communication");
        Checks checks = new Checks("Record communication");
        checks.text("withWhom", withWhom, Checks.SHORT_MAX);
        checks.text("channel", channel, Checks.ID_MAX);
        checks.text("summary", summary, Checks.TEXT_MAX);
        Instant late = Lateness.check(checks, d, occurredAt, lateReason, d.raisedAt, "the concern was raised");
        checks.done();
        d.communications.add(new Communication(late == null ? d.now() : late, d.actor(), withWhom, channel, summary,
                false, d.now(), late == null ? null : lateReason));
        d.note(ConcernEvent.COMMUNICATION_RECORDED, d.currentStage().orElse(null),
                ConcernWords.communicationNote(channel, withWhom, d.actorName(), summary)
                        + Lateness.noted(d, late, lateReason));
    }
}
