package uk.starred.impl.records;

import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.audit.AccessLog;
import uk.starred.api.audit.RecordAccess;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.core.command.Checks;
import uk.starred.impl.access.Access;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.StoreGuard;

/** {@link AccessLog} over the {@code starred} persistence unit, for those with oversight of the service. */
@Component(service = AccessLog.class)
public class JpaAccessLog implements AccessLog {

    private final JpaTemplate jpa;
    private final Access access;

    @Activate
    public JpaAccessLog(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children) {
        this(jpa, new Access(caller, staff, children));
    }

    public JpaAccessLog(JpaTemplate jpa, Access access) {
        this.jpa = StoreGuard.guarded(jpa);
        this.access = access;
    }

    @Override
    public List<RecordAccess> forChild(String childId, int limit) {
        if (childId == null || childId.isBlank()) {
            Checks.single("Read the access log", "childId", "is required");
        }
        AccessLogQueries.checkLimit("Read the access log", limit);
        access.requireOversight(access.caller(), "read the access log");
        return jpa.txExpr(TransactionType.Required, em -> AccessLogQueries.forChild(em, childId, limit));
    }

    @Override
    public List<RecordAccess> between(Instant from, Instant to, int limit) {
        AccessLogQueries.checkPeriod("Read the access log", from, to);
        AccessLogQueries.checkLimit("Read the access log", limit);
        access.requireOversight(access.caller(), "read the access log");
        return jpa.txExpr(TransactionType.Required, em -> AccessLogQueries.between(em, from, to, limit));
    }
}
