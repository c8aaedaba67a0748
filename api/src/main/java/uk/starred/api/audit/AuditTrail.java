package uk.starred.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.concern.ConcernId;

/**
 * Reads and verifies the audit trail: each concern's hash-chained entries and each child's review timetable
 * history. For auditors and operators; the caller needs oversight of the service.
 */
@ProviderType
public interface AuditTrail {

    /** @return the concern's entries in order */
    List<AuditEntry> entriesFor(ConcernId concernId);

    /** Checks one concern's trail, and that the concern as stored is what its last entry says. */
    AuditVerification verify(ConcernId concernId);

    /** Checks every concern's trail, and every child's review timetable history (since 1.1). */
    AuditVerification verifyAll();

    /**
     * Checks everything kept for one child: each of their concerns' trails (those no longer stored too), and
     * their review timetable's history, hash-chained the same way, against the timetable as stored. Since 1.1.
     */
    AuditVerification verifyChild(String childId);
}
