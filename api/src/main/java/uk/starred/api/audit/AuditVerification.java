package uk.starred.api.audit;

import java.util.List;

/**
 * The result of checking audit trails.
 *
 * @param concernsChecked how many concerns' trails were checked
 * @param entriesChecked  how many entries
 * @param problems        each entry found edited, missing or out of place, and each concern whose
 *                        stored state does not match the end of its trail; empty when all is intact
 */
public record AuditVerification(int concernsChecked, long entriesChecked, List<String> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
