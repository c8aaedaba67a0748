package uk.starred.api.concern;

import java.time.LocalDate;
import java.util.List;

import uk.starred.api.procedure.ProcedureRef;

/**
 * The command to raise a concern for a child. The IRO or Child Protection Chair raising it is the
 * caller the host identifies, never a field of the command.
 *
 * @param childId           the host platform's id of the child record
 * @param procedure         the local procedure the concern will run under, or {@code null} for the one
 *                          selected for the child's legal status (configuration PID
 *                          {@code uk.starred.procedures})
 * @param origin            how the concern arose
 * @param reasonCodes       the procedure's reason codes (at least one, each once, each applying to
 *                          this child's legal status)
 * @param description       what is wrong, in the IRO's words
 * @param remedyWanted      what the IRO wants done about it
 * @param remedyDueBy       the IRO's timescale for the remedy (a date, not in the past)
 * @param responsiblePerson the staff id of the manager asked to respond
 * @param startAtStage      the stage to start at, or {@code null} for the procedure's first; a later
 *                          stage only when the procedure lets the IRO enter it directly
 * @param reviewDate        the date of the review or meeting the concern arose at, or {@code null};
 *                          required where the procedure counts a stage from it, not in the future
 * @param cafcassReferral   the IRO's reason for referring the case to CAFCASS at the same time, alongside
 *                          the process (a concurrent referral, those to be told first told with it), or
 *                          {@code null} for no referral now
 */
public record RaiseConcern(
        String childId,
        ProcedureRef procedure,
        ConcernOrigin origin,
        List<String> reasonCodes,
        String description,
        String remedyWanted,
        LocalDate remedyDueBy,
        String responsiblePerson,
        String startAtStage,
        LocalDate reviewDate,
        String cafcassReferral) {

    public RaiseConcern {
        reasonCodes = reasonCodes == null ? null : List.copyOf(reasonCodes);
    }

    /** A concern raised without the date of a review. */
    public RaiseConcern(String childId, ProcedureRef procedure, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson,
            String startAtStage) {
        this(childId, procedure, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                startAtStage, null, null);
    }

    /** A concern raised with the date of a review and no referral to CAFCASS. */
    public RaiseConcern(String childId, ProcedureRef procedure, ConcernOrigin origin, List<String> reasonCodes,
            String description, String remedyWanted, LocalDate remedyDueBy, String responsiblePerson,
            String startAtStage, LocalDate reviewDate) {
        this(childId, procedure, origin, reasonCodes, description, remedyWanted, remedyDueBy, responsiblePerson,
                startAtStage, reviewDate, null);
    }
}
