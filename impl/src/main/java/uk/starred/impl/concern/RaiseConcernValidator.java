package uk.starred.impl.concern;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.concern.RaiseConcern;

/**
 * Checks a {@link RaiseConcern} command before anything is written, and lists every problem at
 * once. The limits match the columns of the {@code concern} table, so the database never has to
 * refuse what this let through.
 */
final class RaiseConcernValidator {

    static final int ID_MAX = 100;
    static final int PROCEDURE_VERSION_MAX = 50;
    static final int REASON_CODE_MAX = 50;
    static final int TEXT_MAX = 4000;

    private RaiseConcernValidator() {
    }

    static void check(RaiseConcern command, LocalDate today) {
        if (command == null) {
            throw new InvalidCommandException("Raise concern", List.of(new Violation("command", "is required")));
        }
        List<Violation> violations = new ArrayList<>();
        text(violations, "childId", command.childId(), ID_MAX);
        if (command.procedure() == null) {
            violations.add(new Violation("procedure", "is required: the id and version of the local procedure"));
        } else {
            text(violations, "procedure.id", command.procedure().id(), ID_MAX);
            text(violations, "procedure.version", command.procedure().version(), PROCEDURE_VERSION_MAX);
        }
        if (command.origin() == null) {
            violations.add(new Violation("origin",
                    "is required: starred decision, red RAG rating, concern outside review or missed statutory timetable"));
        }
        reasons(violations, command.reasonCodes());
        text(violations, "description", command.description(), TEXT_MAX);
        text(violations, "remedyWanted", command.remedyWanted(), TEXT_MAX);
        if (command.remedyDueBy() == null) {
            violations.add(new Violation("remedyDueBy", "is required: the IRO's timescale for the remedy"));
        } else if (command.remedyDueBy().isBefore(today)) {
            violations.add(new Violation("remedyDueBy",
                    "must not be in the past: " + command.remedyDueBy() + " is before today, " + today));
        }
        text(violations, "responsiblePerson", command.responsiblePerson(), ID_MAX);
        text(violations, "raisedBy", command.raisedBy(), ID_MAX);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException("Raise concern", violations);
        }
    }

    private static void reasons(List<Violation> violations, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            violations.add(new Violation("reasonCodes", "at least one reason from the procedure's taxonomy is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "reasonCodes[" + i + "]";
            String code = codes.get(i);
            if (text(violations, field, code, REASON_CODE_MAX) && !seen.add(code)) {
                violations.add(new Violation(field, "'" + code + "' is given more than once"));
            }
        }
    }

    /** @return whether the value passed */
    static boolean text(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        if (value.length() > max) {
            violations.add(new Violation(field, "is " + value.length() + " characters long; at most " + max + " are kept"));
            return false;
        }
        return true;
    }
}
