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
        String startAtStage) {

    public RaiseConcern {
        reasonCodes = reasonCodes == null ? null : List.copyOf(reasonCodes);
    }
}
