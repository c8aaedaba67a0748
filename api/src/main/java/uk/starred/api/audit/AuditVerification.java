package uk.starred.api.audit;

import java.util.List;

/**
 * The result of checking audit trails.
 *
 * @param concernsChecked how many concerns' trails were checked
 * @param entriesChecked  how many entries
 * @param problems        each entry found edited, missing or out of place, and each concern or review timetable
 *                        whose stored state does not match the end of its trail; empty when all is intact
 * @param timetablesChecked how many children's review timetable histories were checked (since 1.1)
 */
public record AuditVerification(int concernsChecked, long entriesChecked, List<String> problems,
        int timetablesChecked) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    /** A verification of concerns' trails alone. */
    public AuditVerification(int concernsChecked, long entriesChecked, List<String> problems) {
        this(concernsChecked, entriesChecked, problems, 0);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
