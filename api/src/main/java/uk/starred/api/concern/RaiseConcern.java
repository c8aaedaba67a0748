package uk.starred.api.concern;

import java.time.LocalDate;
import java.util.List;

/**
 * The command to raise a concern for a child.
 *
 * @param childId           the host platform's id of the child record
 * @param procedure         the local procedure the concern will run under
 * @param origin            how the concern arose
 * @param reasonCodes       the procedure's reason codes (at least one, each once)
 * @param description       what is wrong, in the IRO's words
 * @param remedyWanted      what the IRO wants done about it
 * @param remedyDueBy       the IRO's timescale for the remedy (a date, not in the past)
 * @param responsiblePerson the staff id of the manager asked to respond
 * @param raisedBy          the staff id of the IRO or Child Protection Chair raising it
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
        String raisedBy) {

    public RaiseConcern {
        reasonCodes = reasonCodes == null ? null : List.copyOf(reasonCodes);
    }
}
