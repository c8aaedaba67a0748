package uk.starred.api.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uk.starred.api.procedure.ProcedureRef;

/**
 * A concern as it stands: an immutable snapshot read from the store.
 *
 * @param id                its identity
 * @param childId           the host platform's id of the child record
 * @param procedure         the local procedure (id and version) it is pinned to; the definition it
 *                          started under is stored with it and never changes
 * @param origin            how it arose
 * @param reasonCodes       the procedure's reason codes, in the order given
 * @param description       what is wrong
 * @param remedyWanted      what the IRO wants done
 * @param remedyDueBy       the IRO's timescale for the remedy (the end of that day, London time), as the
 *                          IRO last set it: at raising, or on moving it to a stage
 * @param responsiblePerson the staff id of the manager asked to respond
 * @param raisedBy          the staff id of the IRO or Child Protection Chair who raised it
 * @param raisedAt          when it was raised
 * @param status            where it is in its life
 * @param stages            its stages as they happened, in order; the last not bypassed one is
 *                          the current stage while the concern is open
 * @param agreedActions     actions agreed in response, monitored to their due dates
 * @param communications    every communication recorded about it
 * @param cafcass           its CAFCASS referral, or {@code null} when none has been considered
 * @param formalDueAt       when the formal process must be over by the procedure's total limit
 *                          (counted from entering the first formal stage), or {@code null}
 * @param endedAt           when it ended, or {@code null} while open
 * @param endReason         how or why it ended, in the words recorded, or {@code null} while open
 * @param version           the optimistic-lock version; pass it back with a change so that a
 *                          change made meanwhile by someone else is detected, not overwritten
 * @param reviewDate        the date of the review or meeting it arose at, or {@code null} when none was given
 * @param ending            the id of the stage's {@link uk.starred.api.procedure.Ending} it ended by, with
 *                          {@link ConcernStatus#ENDED}; otherwise {@code null} (since 1.3)
 * @param moreTime          every request for more time made in it, in order, with its decision (since 1.4)
 */
public record Concern(
        ConcernId id,
        String childId,
        ProcedureRef procedure,
        ConcernOrigin origin,
        List<String> reasonCodes,
        String description,
        String remedyWanted,
        LocalDate remedyDueBy,
        String responsiblePerson,
        String raisedBy,
        Instant raisedAt,
        ConcernStatus status,
        List<StageRecord> stages,
        List<AgreedAction> agreedActions,
        List<Communication> communications,
        CafcassReferral cafcass,
        Instant formalDueAt,
        Instant endedAt,
        String endReason,
        long version,
        LocalDate reviewDate,
        String ending,
        List<MoreTimeRequest> moreTime) {

    /** The concern as version 1.3 of this package had it. */
    public Concern(ConcernId id, String childId, ProcedureRef procedure, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson, String raisedBy,
            Instant raisedAt, ConcernStatus status, List<StageRecord> stages, List<AgreedAction> agreedActions,
            List<Communication> communications, CafcassReferral cafcass, Instant formalDueAt, Instant endedAt,
            String endReason, long version, LocalDate reviewDate, String ending) {
        this(id, childId, procedure, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                raisedBy, raisedAt, status, stages, agreedActions, communications, cafcass, formalDueAt, endedAt,
                endReason, version, reviewDate, ending, List.of());
    }

    /** The concern as version 1.2 of this package had it. */
    public Concern(ConcernId id, String childId, ProcedureRef procedure, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson, String raisedBy,
            Instant raisedAt, ConcernStatus status, List<StageRecord> stages, List<AgreedAction> agreedActions,
            List<Communication> communications, CafcassReferral cafcass, Instant formalDueAt, Instant endedAt,
            String endReason, long version, LocalDate reviewDate) {
        this(id, childId, procedure, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                raisedBy, raisedAt, status, stages, agreedActions, communications, cafcass, formalDueAt, endedAt,
                endReason, version, reviewDate, null, List.of());
    }

    /** A concern raised without the date of a review. */
    public Concern(ConcernId id, String childId, ProcedureRef procedure, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson, String raisedBy,
            Instant raisedAt, ConcernStatus status, List<StageRecord> stages, List<AgreedAction> agreedActions,
            List<Communication> communications, CafcassReferral cafcass, Instant formalDueAt, Instant endedAt,
            String endReason, long version) {
        this(id, childId, procedure, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                raisedBy, raisedAt, status, stages, agreedActions, communications, cafcass, formalDueAt, endedAt,
                endReason, version, null, null, List.of());
    }

    public Concern {
        reasonCodes = List.copyOf(reasonCodes);
        stages = List.copyOf(stages);
        agreedActions = List.copyOf(agreedActions);
        communications = List.copyOf(communications);
        moreTime = moreTime == null ? List.of() : List.copyOf(moreTime);
    }

    /** @return the request for more time waiting for a decision at the current stage, if there is one */
    public Optional<MoreTimeRequest> pendingMoreTime() {
        return currentStage().flatMap(stage -> moreTime.stream()
                .filter(r -> r.stageOrdinal() == stage.ordinal() && r.pending()).findFirst());
    }

    /** @return the stage the concern is at, while it is open */
    public Optional<StageRecord> currentStage() {
        return stages.stream().filter(s -> s.state() == StageState.ACTIVE).findFirst();
    }
}
