package uk.starred.api.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A concern as it stands: an immutable snapshot read from the store.
 *
 * @param id                its identity
 * @param childId           the host platform's id of the child record
 * @param procedure         the local procedure (id and version) it is pinned to
 * @param origin            how it arose
 * @param reasonCodes       the procedure's reason codes, in the order given
 * @param description       what is wrong
 * @param remedyWanted      what the IRO wants done
 * @param remedyDueBy       the IRO's timescale for the remedy
 * @param responsiblePerson the staff id of the manager asked to respond
 * @param raisedBy          the staff id of the IRO or Child Protection Chair who raised it
 * @param raisedAt          when it was raised
 * @param status            where it is in its life
 * @param endedAt           when it ended, or {@code null} while open
 * @param endReason         why it ended, in the words recorded, or {@code null} while open
 * @param version           the optimistic-lock version; pass it back with a change so that a
 *                          change made meanwhile by someone else is detected, not overwritten
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
        Instant endedAt,
        String endReason,
        long version) {

    public Concern {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
