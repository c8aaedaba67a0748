package uk.starred.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.concern.ConcernId;

/** Reads and verifies the audit trail. For auditors and operators; the caller needs oversight of the service. */
@ProviderType
public interface AuditTrail {

    /** @return the concern's entries in order */
    List<AuditEntry> entriesFor(ConcernId concernId);

    /** Checks one concern's trail, and that the concern as stored is what its last entry says. */
    AuditVerification verify(ConcernId concernId);

    /** Checks every concern's trail. */
    AuditVerification verifyAll();
}
