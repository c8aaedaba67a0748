package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.Stage;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.wording.ConcernWords;

/**
 * A concern's whole life as rules: the concern as it stands and a command in, a {@link Transition}
 * out. Nothing here reads or writes anything; a refused command throws the API's exception naming
 * what is wrong, and changes nothing. The engine loads the concern, applies one of these and writes
 * the transition in one transaction.
 */
public final class ConcernLifecycle {

    /** Who acts when a due moment fires, in the audit trail and on what it writes. */
    public static final String DEADLINE_ACTOR = "starred";

    private ConcernLifecycle() {
    }

    /**
     * Checks a raise command's own fields, before anything is looked up for it.
     *
     * @param today the day it is where the council works, since the remedy's date must not have passed
     */
    public static void checkRaise(RaiseConcern command, LocalDate today) {
        Raising.checkFields(command, today);
    }

    /** Raises a concern for the child under the context's procedure, at its first stage or the one named. */
    public static Transition raise(RaiseConcern command, ConcernId id, ChildRecord child, CommandContext ctx) {
        return Raising.raise(command, id, child, ctx);
    }

    public static Transition respond(Concern c, CommandContext ctx, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions) {
        return respond(c, ctx, kind, reasons, agreedActions, null, null);
    }

    /**
     * Records a response, given earlier than now where {@code occurredAt} says so.
     *
     * @param lateReason why it is recorded only now; required when it was given earlier
     */
    public static Transition respond(Concern c, CommandContext ctx, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions, Instant occurredAt, String lateReason) {
        Draft d = open(c, ctx);
        Responses.respond(d, kind, reasons, agreedActions, occurredAt, lateReason);
        return d.transition("respond", null);
    }

    /**
     * Records a required action done.
     *
     * @param occurredAt when it happened, when earlier than now, or {@code null} for now
     * @param lateReason why it is recorded only now; required when it happened earlier
     */
    public static Transition recordAction(Concern c, CommandContext ctx, String actionId, String note,
            Instant occurredAt, String lateReason) {
        Draft d = open(c, ctx);
        Responses.recordAction(d, actionId, note, occurredAt, lateReason);
        return d.transition("recordAction", null);
    }

    public static Transition completeAgreedAction(Concern c, CommandContext ctx, int number, String note) {
        Draft d = open(c, ctx);
        Responses.completeAgreedAction(d, number, note);
        return d.transition("completeAgreedAction", null);
    }

    public static Transition recordCommunication(Concern c, CommandContext ctx, String withWhom, String channel,
            String summary) {
        return recordCommunication(c, ctx, withWhom, channel, summary, null, null);
    }

    /** Records a communication, which happened earlier than now where {@code occurredAt} says so. */
    public static Transition recordCommunication(Concern c, CommandContext ctx, String withWhom, String channel,
            String summary, Instant occurredAt, String lateReason) {
        Draft d = open(c, ctx);
        Responses.recordCommunication(d, withWhom, channel, summary, occurredAt, lateReason);
        return d.transition("recordCommunication", null);
    }

    /** Moves to the next stage, or to a later one the procedure lets the IRO enter directly. */
    public static Transition escalate(Concern c, CommandContext ctx, String toStageId, String note) {
        return escalate(c, ctx, toStageId, note, null);
    }

    /**
     * Escalates and, with a reason given, refers the case to CAFCASS alongside the process as the concern
     * enters the stage, in one command.
     */
    public static Transition escalate(Concern c, CommandContext ctx, String toStageId, String note,
            String referToCafcass) {
        return escalate(c, ctx, toStageId, note, referToCafcass, null);
    }

    /**
     * Escalates; with a reason given, refers the case to CAFCASS alongside the process as the concern
     * enters the stage; with a date given, sets the IRO's timescale for the remedy anew, told with the stage.
     */
    public static Transition escalate(Concern c, CommandContext ctx, String toStageId, String note,
            String referToCafcass, LocalDate remedyDueBy) {
        return escalate(c, ctx, toStageId, note, referToCafcass, remedyDueBy, null, null);
    }

    /** Escalates as above, as of {@code occurredAt} where it was made earlier than now and is recorded late. */
    public static Transition escalate(Concern c, CommandContext ctx, String toStageId, String note,
            String referToCafcass, LocalDate remedyDueBy, Instant occurredAt, String lateReason) {
        Draft d = open(c, ctx);
        Movement.escalate(d, toStageId, note, remedyDueBy, occurredAt, lateReason);
        if (referToCafcass != null) {
            Referrals.alongside(d, referToCafcass);
        }
        return d.transition("escalate", null);
    }

    /** Bypasses the stages between the current one and the one named, with a recorded reason. */
    public static Transition bypass(Concern c, CommandContext ctx, String toStageId, String reason) {
        Draft d = open(c, ctx);
        Movement.bypass(d, toStageId, reason);
        return d.transition("bypass", null);
    }

    /** Asks for more time at the current stage, where its procedure offers it. */
    public static Transition requestMoreTime(Concern c, CommandContext ctx, String explanation, LocalDate until) {
        Draft d = open(c, ctx);
        MoreTimeRules.request(d, explanation, until);
        return d.transition("requestMoreTime", null);
    }

    /** Grants or refuses the request for more time waiting at the current stage. */
    public static Transition decideMoreTime(Concern c, CommandContext ctx, boolean granted, String reasons) {
        Draft d = open(c, ctx);
        MoreTimeRules.decide(d, granted, reasons);
        return d.transition("decideMoreTime", null);
    }

    /** Records an update sent to the child and family, as sent. */
    public static Transition recordFamilyUpdate(Concern c, CommandContext ctx, String sentTo, String channel,
            String text) {
        Draft d = open(c, ctx);
        FamilyUpdates.record(d, sentTo, channel, text);
        return d.transition("recordFamilyUpdate", null);
    }

    public static Transition considerCafcassReferral(Concern c, CommandContext ctx, String reason) {
        Draft d = open(c, ctx);
        Referrals.consider(d, reason);
        return d.transition("considerCafcassReferral", null);
    }

    public static Transition referToCafcass(Concern c, CommandContext ctx, ReferralMode mode, String reason) {
        Draft d = open(c, ctx);
        Referrals.refer(d, mode, reason);
        return d.transition("referToCafcass", null);
    }

    /** Records CAFCASS's decision; allowed after the council's process has ended, whichever way it ended. */
    public static Transition recordCafcassDecision(Concern c, CommandContext ctx, CafcassDecision decision,
            String notes) {
        if (c.status().isEnded() && !Referrals.awaitingDecision(c)) {
            throw ended(c);
        }
        Draft d = new Draft(ctx, c);
        Referrals.recordDecision(d, decision, notes);
        return d.transition("recordCafcassDecision", null);
    }

    /**
     * Resolves the concern. Where its stage names whose satisfaction resolves it, a person among them
     * records their satisfaction instead, and the concern is resolved when that completes what the stage
     * asks; anyone else is refused until it is complete.
     */
    public static Transition resolve(Concern c, CommandContext ctx, String how) {
        Draft d = open(c, ctx);
        Stage stage = d.currentStage().orElse(null);
        if (stage != null && stage.satisfiedBy() != null
                && stage.satisfiedBy().roles().stream().anyMatch(role -> Rights.holds(ctx, role))) {
            Endings.RESOLVE.check(how);
            Gates.require(d, Gate.RESOLVE, "resolve the concern");
            if (Satisfactions.record(d, true, how)) {
                Endings.RESOLVE.finish(d, how);
            }
            return d.transition(Endings.RESOLVE.command, null);
        }
        return end(c, ctx, Endings.RESOLVE, how);
    }

    /**
     * Records whether the person is satisfied, where the concern's stage names whose satisfaction
     * resolves it; the answer that completes what it asks resolves the concern.
     */
    public static Transition recordSatisfaction(Concern c, CommandContext ctx, boolean satisfied, String reasons) {
        Draft d = open(c, ctx);
        if (Satisfactions.record(d, satisfied, reasons)) {
            Gates.require(d, Gate.RESOLVE, "resolve the concern");
            Stage stage = d.stage(d.current());
            Endings.RESOLVE.finish(d, ConcernWords.allSatisfied(stage.satisfiedBy().allOf(),
                    stage.satisfiedBy().roles()));
        }
        return d.transition("recordSatisfaction", null);
    }

    public static Transition withdraw(Concern c, CommandContext ctx, String reason) {
        return end(c, ctx, Endings.WITHDRAW, reason);
    }

    public static Transition close(Concern c, CommandContext ctx, String reason) {
        return end(c, ctx, Endings.CLOSE, reason);
    }

    /** The concern ends in a way its current stage names, such as "internal decision only". */
    public static Transition end(Concern c, CommandContext ctx, String endingId, String reasons) {
        Draft d = open(c, ctx);
        Endings.named(d, endingId, reasons);
        return d.transition(Endings.NAMED, null);
    }

    private static Transition end(Concern c, CommandContext ctx, Endings ending, String why) {
        Draft d = open(c, ctx);
        ending.apply(d, why);
        return d.transition(ending.command, null);
    }

    /**
     * One of the concern's due moments has come: what it does, by the procedure's rule for it.
     *
     * @return what firing does, or empty when what the moment waited for has already happened (the
     *         response came, the stage was left, the action was done)
     */
    public static Optional<Transition> fire(Concern c, DueKey key, CommandContext ctx) {
        return DeadlineRules.fire(c, key, ctx);
    }

    /**
     * The working calendar changed: the due moments not yet reached move to where it now puts them.
     *
     * @param why what changed, for the IRO told
     * @return the change, or empty when no moment moved
     */
    public static Optional<Transition> recomputeDueMoments(Concern c, String why, CommandContext ctx) {
        return DeadlineRules.recompute(c, why, ctx);
    }

    /** @return whether a command may still act on the concern: it is open, or CAFCASS's decision is awaited */
    public static boolean mayChange(Concern c, boolean cafcassDecision) {
        return !c.status().isEnded() || cafcassDecision && Referrals.awaitingDecision(c);
    }

    private static Draft open(Concern c, CommandContext ctx) {
        if (c.status().isEnded()) {
            throw ended(c);
        }
        return new Draft(ctx, c);
    }

    private static ConcernEndedException ended(Concern c) {
        return new ConcernEndedException("concern " + c.id() + " has ended as " + c.status()
                + " and can no longer change");
    }
}
