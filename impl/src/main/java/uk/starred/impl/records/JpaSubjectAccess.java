package uk.starred.impl.records;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.audit.SubjectAccess;
import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.core.command.Checks;
import uk.starred.impl.access.Access;
import uk.starred.impl.access.Sightings;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.StoreGuard;

/**
 * {@link SubjectAccess} over the {@code starred} persistence unit: everything held about a child, read in one
 * transaction with the export's own entry in the access log, for those with oversight of the service.
 */
@Component(service = SubjectAccess.class)
public class JpaSubjectAccess implements SubjectAccess {

    private final JpaTemplate jpa;
    private final Access access;
    private final Clock clock;
    private final Sightings sightings = new Sightings();

    @Activate
    public JpaSubjectAccess(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, new Access(caller, staff, children), clock == null ? Clock.systemUTC() : clock);
    }

    public JpaSubjectAccess(JpaTemplate jpa, Access access, Clock clock) {
        this.jpa = StoreGuard.guarded(jpa);
        this.access = access;
        this.clock = clock;
    }

    @Override
    public SubjectAccessExport export(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("Export a child's records", "childId", "is required");
        }
        String actor = access.caller();
        access.requireOversight(actor, "export everything held about a child");
        return jpa.txExpr(TransactionType.Required, em -> {
            sightings.saw(em, actor, childId, AccessedRecords.SUBJECT_ACCESS_EXPORT, clock.instant());
            return ChildExport.of(em, childId, actor, clock.instant());
        });
    }
}
