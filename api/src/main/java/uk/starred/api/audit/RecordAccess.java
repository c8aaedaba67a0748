package uk.starred.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One sight of a child's dispute records: who saw which child's records, which records, and when. Kept so
 * that a council can say who looked at a child's disputes. Since 1.2.
 *
 * @param staffId the person the host named as acting
 * @param childId the child whose records they were
 * @param records which records
 * @param at      when; views of the same records of one child by one person within a minute are kept once
 */
public record RecordAccess(String staffId, String childId, AccessedRecords records, Instant at) {

    public RecordAccess {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(at, "at");
    }
}
