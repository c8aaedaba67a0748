package uk.starred.impl.concern;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.concern.RaiseConcern;

/**
 * Checks a {@link RaiseConcern} command's fields before anything is looked up or written, and lists
 * every problem at once.
 */
final class RaiseConcernValidator {

    static final int PROCEDURE_VERSION_MAX = 50;
    static final int REASON_CODE_MAX = 50;

    private RaiseConcernValidator() {
    }

    static void check(RaiseConcern command, LocalDate today) {
        Checks checks = new Checks("Raise concern");
        if (command == null) {
            checks.add("command", "is required");
            checks.done();
        }
        checks.text("childId", command.childId(), Checks.ID_MAX);
        if (command.procedure() != null) {
            checks.text("procedure.id", command.procedure().id(), Checks.ID_MAX);
            checks.text("procedure.version", command.procedure().version(), PROCEDURE_VERSION_MAX);
        }
        if (command.origin() == null) {
            checks.add("origin",
                    "is required: starred decision, red RAG rating, concern outside review or missed statutory timetable");
        }
        reasons(checks, command.reasonCodes());
        checks.text("description", command.description(), Checks.TEXT_MAX);
        checks.text("remedyWanted", command.remedyWanted(), Checks.TEXT_MAX);
        if (command.remedyDueBy() == null) {
            checks.add("remedyDueBy", "is required: the IRO's timescale for the remedy");
        } else if (command.remedyDueBy().isBefore(today)) {
            checks.add("remedyDueBy",
                    "must not be in the past: " + command.remedyDueBy() + " is before today, " + today);
        }
        checks.text("responsiblePerson", command.responsiblePerson(), Checks.ID_MAX);
        checks.optional("startAtStage", command.startAtStage(), Checks.ID_MAX);
        checks.done();
    }

    private static void reasons(Checks checks, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            checks.add("reasonCodes", "at least one reason from the procedure's taxonomy is required");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "reasonCodes[" + i + "]";
            String code = codes.get(i);
            if (checks.text(field, code, REASON_CODE_MAX) && !seen.add(code)) {
                checks.add(field, "'" + code + "' is given more than once");
            }
        }
    }
}
