package uk.starred.impl.concern;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.AuditTrail;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.impl.access.Access;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.concern.ConcernSnapshots;
import uk.starred.impl.schema.StarredSchema;

/** {@link AuditTrail} over the {@code starred} persistence unit. */
@Component(service = AuditTrail.class)
public class JpaAuditTrail implements AuditTrail {

    static final int PAGE = 200;

    private final JpaTemplate jpa;
    private final Access access;

    @Activate
    public JpaAuditTrail(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children) {
        this(jpa, new Access(caller, staff, children));
    }

    public JpaAuditTrail(JpaTemplate jpa, Access access) {
        this.jpa = jpa;
        this.access = access;
    }

    @Override
    public List<AuditEntry> entriesFor(ConcernId concernId) {
        access.requireOversight(access.caller(), "read the audit trail");
        return jpa.txExpr(TransactionType.Required, em -> AuditLog.entries(em, concernId.toString()));
    }

    @Override
    public AuditVerification verify(ConcernId concernId) {
        access.requireOversight(access.caller(), "verify the audit trail");
        return jpa.txExpr(TransactionType.Required, em -> {
            String id = concernId.toString();
            List<String> problems = problems(em, id);
            return AuditLog.summary(1, AuditLog.entries(em, id).size(), problems);
        });
    }

    @Override
    public AuditVerification verifyAll() {
        access.requireOversight(access.caller(), "verify the audit trail");
        List<String> problems = new ArrayList<>();
        int concerns = 0;
        long entries = 0;
        List<String> ids;
        int page = 0;
        do {
            int first = page * PAGE;
            ids = jpa.txExpr(TransactionType.Required, em -> ConcernSnapshots.idsWithTrails(em, first, PAGE));
            for (String id : ids) {
                long[] count = new long[1];
                problems.addAll(jpa.txExpr(TransactionType.Required, em -> {
                    count[0] = AuditLog.entries(em, id).size();
                    return problems(em, id);
                }));
                entries += count[0];
                concerns++;
            }
            page++;
        } while (ids.size() == PAGE);
        return AuditLog.summary(concerns, entries, problems);
    }

    /** The problems of one concern's trail, checked against the concern as stored and the end it records. */
    private static List<String> problems(EntityManager em, String id) {
        return AuditLog.verify(em, id, ConcernSnapshots.find(em, id), ConcernSnapshots.auditHead(em, id));
    }
}
