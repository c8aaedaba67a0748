package uk.starred.impl.verify;

import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.AuditTrail;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.impl.access.Access;
import uk.starred.impl.access.Sightings;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.schema.StarredSchema;

/** {@link AuditTrail} over the {@code starred} persistence unit: concerns' trails and review timetable histories. */
@Component(service = AuditTrail.class)
public class JpaAuditTrail implements AuditTrail {

    private final JpaTemplate jpa;
    private final Access access;
    private final Verification verification;
    private final Sightings sightings = new Sightings();

    @Activate
    public JpaAuditTrail(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children) {
        this(jpa, new Access(caller, staff, children));
    }

    public JpaAuditTrail(JpaTemplate jpa, Access access) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.access = access;
        this.verification = new Verification(jpa);
    }

    @Override
    public List<AuditEntry> entriesFor(ConcernId concernId) {
        String actor = access.caller();
        access.requireOversight(actor, "read the audit trail");
        return jpa.txExpr(TransactionType.Required, em -> {
            List<AuditEntry> entries = AuditLog.entries(em, concernId.toString());
            String childId = entries.isEmpty() ? null : AuditLog.childOf(em, concernId.toString());
            sightings.saw(em, actor, childId, AccessedRecords.AUDIT_TRAIL, Instant.now());
            return entries;
        });
    }

    @Override
    public AuditVerification verify(ConcernId concernId) {
        access.requireOversight(access.caller(), "verify the audit trail");
        return verification.concern(concernId.toString());
    }

    @Override
    public AuditVerification verifyAll() {
        access.requireOversight(access.caller(), "verify the audit trail");
        return verification.all();
    }

    @Override
    public AuditVerification verifyChild(String childId) {
        access.requireOversight(access.caller(), "verify the audit trail");
        if (childId == null || childId.isBlank()) {
            uk.starred.core.command.Checks.single("Verify a child's records", "childId", "is required");
        }
        return verification.child(childId);
    }
}
