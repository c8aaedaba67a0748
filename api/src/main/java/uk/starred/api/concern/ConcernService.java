package uk.starred.api.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.UnknownStageException;

/**
 * The dispute resolution engine: one lifecycle for every council's procedure.
 *
 * <p>A concern is raised for a child, the people the procedure names are told, the responsible
 * manager responds (agrees, and the agreed actions are monitored to their due dates; disagrees with
 * reasons; or has no remit), and an unresolved concern moves through the procedure's ordered
 * stages. The IRO may start at any stage the procedure allows, bypass stages with a recorded
 * reason, curtail the process when the child's need is urgent, and refer to CAFCASS at any point,
 * alongside the process or at its end. A concern ends resolved, withdrawn, referred to CAFCASS, or
 * closed when the child stops being looked after or leaves the plan.
 *
 * <p>Every command:
 * <ul>
 * <li>acts for the caller the host's {@link uk.starred.api.host.CallerContext} names, and checks the
 * caller's roles for that child in the {@link uk.starred.api.host.StaffDirectory}; a caller without
 * the right gets {@link NotPermittedException} naming the right;</li>
 * <li>runs in one transaction: it is done completely (the concern, its audit entry, its case notes
 * and notifications stored together) or refused with a {@link uk.starred.api.CommandRefusedException}
 * and nothing is stored;</li>
 * <li>names the concern's version the caller read; a concern changed meanwhile gives
 * {@link ConcurrentChangeException}.</li>
 * </ul>
 * Who may do what: the roles the procedure lists as {@code raisedBy} (the IRO, the Child
 * Protection Chair) raise, escalate, bypass, curtail, refer to CAFCASS, record CAFCASS's decision,
 * resolve, withdraw and close; the current stage's responding role responds; a required action is
 * recorded by its role or the IRO; an agreed action is completed by its responsible person, the
 * responding role or the IRO; anyone holding a role the procedure names for the child may read the
 * concern and record a communication. A role the procedure does not name has no rights in it.
 */
@ProviderType
public interface ConcernService {

    /**
     * Raises a concern for a child, starting at the procedure's first stage or at
     * {@link RaiseConcern#startAtStage()}.
     *
     * @throws InvalidCommandException   listing every field that is missing or wrong
     * @throws UnknownChildException     when the host has no such child
     * @throws UnknownProcedureException when the procedure is not installed or does not serve the child
     * @throws UnknownStageException     when the start stage does not exist
     * @throws StageNotAllowedException  when the procedure does not let the IRO start there
     * @throws NotPermittedException     when the caller is not the child's IRO or CPC in this procedure
     */
    Concern raise(RaiseConcern command);

    /** @return the concern, if the caller may see it; empty if there is none with this id */
    Optional<Concern> find(ConcernId id);

    /** @return every concern raised for the child that the caller may see, newest first */
    List<Concern> concernsForChild(String childId);

    /**
     * Records the responding manager's response in the current stage. A disagreement needs
     * reasons; an agreement may list the agreed actions (without any, the IRO's remedy becomes the
     * one agreed action, due by the IRO's date). A "no remit" response moves the concern to the stage
     * the procedure names for it.
     */
    Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions);

    /**
     * Records a response given earlier than now, recorded late: the manager answered by letter last week.
     * The response is kept as given then, the lateness and its reason on the record, the file and in the
     * audit trail. Since 1.5.
     *
     * @param occurredAt when it was given: not in the future, not before the stage began
     * @param lateReason why it is recorded only now; required when it was given before now
     */
    Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions, Instant occurredAt, String lateReason);

    /** Records a required action of the current stage as done, by the caller, now. */
    Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note);

    /**
     * Records a required action done that happened earlier than now: the meeting held yesterday, the
     * legal advice taken last week. Where the procedure counts a stage from the action, its clock starts
     * when the action happened. The lateness and its reason are on the record and in the audit trail.
     *
     * @param occurredAt when it happened: not in the future (it may be before the concern was entered)
     * @param lateReason why it is recorded only now; required when it happened before now
     */
    Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note, Instant occurredAt,
            String lateReason);

    /** Records an agreed action as done. */
    Concern completeAgreedAction(ConcernId id, long expectedVersion, int number, String note);

    /** Records a communication about the concern. */
    Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel, String summary);

    /**
     * Records a communication that happened earlier than now, recorded late. Since 1.5.
     *
     * @param occurredAt when it happened: not in the future, not before the concern was raised
     * @param lateReason why it is recorded only now; required when it happened before now
     */
    Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel, String summary,
            Instant occurredAt, String lateReason);

    /**
     * Moves the concern to the next stage, or to {@code toStageId} when the procedure lets the IRO
     * enter it directly. Stages skipped on the way are not recorded; use {@link #bypass} to record
     * bypassing them with a reason.
     */
    Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note);

    /**
     * Escalates and, in the same command, refers the case to CAFCASS alongside the process as the concern
     * enters the stage ("a concurrent referral at the same time as the dispute process starts"); those
     * the procedure says are told first are told with it. Refused whole if either is refused.
     *
     * @param referToCafcass the IRO's reason for the referral
     */
    Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass);

    /**
     * Escalates, and sets the IRO's timescale for the remedy anew ("the IRO will make a decision about the
     * timescale ... and make this clear to the operational managers at each stage"): those told of the
     * stage are told the new date. Since 1.4.
     *
     * @param referToCafcass the IRO's reason for a referral alongside the process, or {@code null}
     * @param remedyDueBy    the IRO's new date for the remedy, or {@code null} to keep the one set
     * @throws InvalidCommandException when the date has passed
     */
    Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass,
            LocalDate remedyDueBy);

    /**
     * Escalates as of an earlier moment, recorded late: the concern went to the Service Manager on Monday and
     * is recorded on Wednesday. The stage left ends, and the stage entered begins, at that moment: its
     * timescale counts from then, and a due moment already past falls due at once. The lateness and its
     * reason are on the file and in the audit trail. Since 1.5.
     *
     * @param occurredAt when it was escalated: not in the future, not before the current stage began
     * @param lateReason why it is recorded only now; required when it happened before now
     */
    Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note, String referToCafcass,
            LocalDate remedyDueBy, Instant occurredAt, String lateReason);

    /** Bypasses the stages between the current one and {@code toStageId}, each recorded as bypassed with the reason. */
    Concern bypass(ConcernId id, long expectedVersion, String toStageId, String reason);

    /**
     * Records that a CAFCASS referral is being considered, and tells the roles the procedure says
     * must be told first (Head of Service, Deputy Director, Operational Director ...).
     */
    Concern considerCafcassReferral(ConcernId id, long expectedVersion, String reason);

    /**
     * Refers the case to CAFCASS: alongside the process, at its end, or curtailing it because the
     * child's need is urgent. The roles the procedure names must have been told first
     * ({@link #considerCafcassReferral}). CAFCASS's decision is due 14 days later (the procedure's
     * timescale). Alongside the process the concern stays open; otherwise it ends as referred.
     */
    Concern referToCafcass(ConcernId id, long expectedVersion, ReferralMode mode, String reason);

    /** Records CAFCASS's decision on the referral. */
    Concern recordCafcassDecision(ConcernId id, long expectedVersion, CafcassDecision decision, String notes);

    /**
     * Asks for more time at the current stage, where its procedure offers it ({@link
     * uk.starred.api.procedure.Stage#moreTime()}): those who decide are told, with the explanation. Since 1.4.
     *
     * @param explanation why more time is needed
     * @param until       the day asked for; after the day the stage is now due
     * @throws uk.starred.api.StageNotAllowedException when the stage offers no more time, or has no due moment
     * @throws NotPermittedException when the caller holds none of the roles that may ask
     * @throws InvalidCommandException when the explanation or the day is missing or wrong, or a request waits
     */
    Concern requestMoreTime(ConcernId id, long expectedVersion, String explanation, LocalDate until);

    /**
     * Decides the request for more time waiting at the current stage. Granted, the stage is due by the end of
     * the day asked for; refused, it keeps its due moment. Those who asked are told. Since 1.4.
     *
     * @param reasons why; required when refusing
     * @throws NotPermittedException when the caller holds none of the roles that decide
     * @throws InvalidCommandException when no request waits, or a refusal has no reasons
     */
    Concern decideMoreTime(ConcernId id, long expectedVersion, boolean granted, String reasons);

    /**
     * The update to the child and family that the procedure asks for at the concern's current stage, drafted
     * in plain language from the concern and the procedure's words, for the IRO to adapt and send. Since 1.4.
     *
     * @return the draft, or empty when the procedure asks no update at the stage, the concern has ended, the
     *         caller may not send one, or there is no such concern
     */
    Optional<String> familyUpdate(ConcernId id);

    /**
     * Records an update sent to the child and family, as sent: it goes on the child's file. Since 1.4.
     *
     * @param sentTo  to whom (the young person, their mother, the foster carers ...)
     * @param channel how (letter, a visit, through their advocate ...)
     * @param text    the update as sent
     * @throws NotPermittedException when the caller does not drive the concern
     */
    Concern recordFamilyUpdate(ConcernId id, long expectedVersion, String sentTo, String channel, String text);

    /**
     * When the concern's process would end if every stage ran to its limit, for those who may see the
     * concern.
     *
     * @return the projection, or empty when the concern has ended or there is no such concern
     */
    Optional<Projection> projection(ConcernId id);

    /**
     * Records whether the person is satisfied the concern is resolved, where the stage's procedure names
     * whose satisfaction resolves it ("the IRO and the Head of Quality Assurance are both satisfied").
     * The answer that completes what the procedure asks resolves the concern.
     *
     * @param satisfied whether they are satisfied
     * @param reasons   why; required when they are not
     * @return the concern as it now stands
     * @throws uk.starred.api.NotPermittedException    when they hold none of the roles whose satisfaction counts
     * @throws uk.starred.api.StageNotAllowedException when the stage names nobody whose satisfaction counts
     */
    Concern recordSatisfaction(ConcernId id, long expectedVersion, boolean satisfied, String reasons);

    /**
     * Ends the concern as resolved at its current stage, saying how. Where the stage's procedure names
     * whose satisfaction resolves it, a person among them resolving records their satisfaction, and the
     * concern is resolved once what the procedure asks is complete; anyone else is refused until it is.
     */
    Concern resolve(ConcernId id, long expectedVersion, String how);

    /**
     * Withdraws an open concern.
     *
     * @throws NotFoundException      when there is no such concern
     * @throws ConcernEndedException  when the concern has already ended
     */
    Concern withdraw(ConcernId id, long expectedVersion, String reason);

    /** Closes the concern because the child stopped being looked after or left the plan. */
    Concern close(ConcernId id, long expectedVersion, String reason);

    /**
     * Ends the concern in a way its current stage names ({@link uk.starred.api.procedure.Stage#endings()}),
     * such as "a matter for internal decision making only", with the reasons. Since 1.3.
     *
     * @param endingId the id of one of the current stage's endings
     * @throws uk.starred.api.InvalidCommandException  when the stage names no such ending, or the reasons are missing
     * @throws uk.starred.api.NotPermittedException    when the caller holds none of the roles that decide it
     */
    Concern end(ConcernId id, long expectedVersion, String endingId, String reasons);
}
