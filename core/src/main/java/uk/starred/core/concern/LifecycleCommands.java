package uk.starred.core.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;

/**
 * The concern service's commands, each the {@link ConcernLifecycle} rule of the same name: what a store
 * adds is how it loads a concern at the version read, and keeps the transition.
 */
public abstract class LifecycleCommands implements ConcernService {

    /**
     * Applies the rule to the concern at the version the caller read, and keeps what it did.
     *
     * @param command         the command's name, as the service's method names it ({@code respond},
     *                        {@code escalate} ...), for operators' figures
     * @param cafcassDecision whether the command records CAFCASS's decision, which may come after the
     *                        council's process has ended
     * @return the concern as the command leaves it
     */
    protected abstract Concern apply(String command, ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule);

    @Override
    public Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions) {
        return respond(id, expectedVersion, kind, reasons, agreedActions, null, null);
    }

    @Override
    public Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions, Instant occurredAt, String lateReason) {
        return apply("respond", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.respond(c, ctx, kind, reasons,
                agreedActions, occurredAt, lateReason));
    }

    @Override
    public Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note) {
        return recordAction(id, expectedVersion, actionId, note, null, null);
    }

    @Override
    public Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note, Instant occurredAt,
            String lateReason) {
        return apply("recordAction", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.recordAction(c, ctx, actionId, note, occurredAt, lateReason));
    }

    @Override
    public Concern completeAgreedAction(ConcernId id, long expectedVersion, int number, String note) {
        return apply("completeAgreedAction", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.completeAgreedAction(c, ctx, number, note));
    }

    @Override
    public Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel,
            String summary) {
        return recordCommunication(id, expectedVersion, withWhom, channel, summary, null, null);
    }

    @Override
    public Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel,
            String summary, Instant occurredAt, String lateReason) {
        return apply("recordCommunication", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.recordCommunication(c, ctx, withWhom,
                channel, summary, occurredAt, lateReason));
    }

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note) {
        return escalate(id, expectedVersion, toStageId, note, null);
    }

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass) {
        return apply("escalate", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.escalate(c, ctx, toStageId, note, referToCafcass));
    }

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass,
            LocalDate remedyDueBy) {
        return escalate(id, expectedVersion, toStageId, note, referToCafcass, remedyDueBy, null, null);
    }

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass,
            LocalDate remedyDueBy, Instant occurredAt, String lateReason) {
        return apply("escalate", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.escalate(c, ctx, toStageId, note,
                referToCafcass, remedyDueBy, occurredAt, lateReason));
    }

    @Override
    public Concern requestMoreTime(ConcernId id, long expectedVersion, String explanation, LocalDate until) {
        return apply("requestMoreTime", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.requestMoreTime(c, ctx, explanation, until));
    }

    @Override
    public Concern decideMoreTime(ConcernId id, long expectedVersion, boolean granted, String reasons) {
        return apply("decideMoreTime", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.decideMoreTime(c, ctx, granted, reasons));
    }

    @Override
    public Concern recordFamilyUpdate(ConcernId id, long expectedVersion, String sentTo, String channel, String text) {
        return apply("recordFamilyUpdate", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.recordFamilyUpdate(c, ctx, sentTo, channel, text));
    }

    @Override
    public Concern bypass(ConcernId id, long expectedVersion, String toStageId, String reason) {
        return apply("bypass", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.bypass(c, ctx, toStageId, reason));
    }

    @Override
    public Concern considerCafcassReferral(ConcernId id, long expectedVersion, String reason) {
        return apply("considerCafcassReferral", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.considerCafcassReferral(c, ctx, reason));
    }

    @Override
    public Concern referToCafcass(ConcernId id, long expectedVersion, ReferralMode mode, String reason) {
        return apply("referToCafcass", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.referToCafcass(c, ctx, mode, reason));
    }

    @Override
    public Concern recordCafcassDecision(ConcernId id, long expectedVersion, CafcassDecision decision, String notes) {
        return apply("recordCafcassDecision", id, expectedVersion, true,
                (c, ctx) -> ConcernLifecycle.recordCafcassDecision(c, ctx, decision, notes));
    }

    @Override
    public Concern recordSatisfaction(ConcernId id, long expectedVersion, boolean satisfied, String reasons) {
        return apply("recordSatisfaction", id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.recordSatisfaction(c, ctx, satisfied, reasons));
    }

    @Override
    public Concern resolve(ConcernId id, long expectedVersion, String how) {
        return apply("resolve", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.resolve(c, ctx, how));
    }

    @Override
    public Concern withdraw(ConcernId id, long expectedVersion, String reason) {
        return apply("withdraw", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.withdraw(c, ctx, reason));
    }

    @Override
    public Concern end(ConcernId id, long expectedVersion, String endingId, String reasons) {
        return apply("end", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.end(c, ctx, endingId, reasons));
    }

    @Override
    public Concern close(ConcernId id, long expectedVersion, String reason) {
        return apply("close", id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.close(c, ctx, reason));
    }
}
