package uk.starred.impl.concern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.OversightService;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.StaffDirectory;
import uk.starred.impl.access.Access;
import uk.starred.impl.schema.StarredSchema;

/** {@link OversightService} over the {@code starred} persistence unit. */
@Component(service = OversightService.class)
public class JpaOversightService implements OversightService {

    private final JpaTemplate jpa;
    private final Access access;

    @Activate
    public JpaOversightService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff) {
        this(jpa, new Access(caller, staff));
    }

    public JpaOversightService(JpaTemplate jpa, Access access) {
        this.jpa = jpa;
        this.access = access;
    }

    @Override
    public List<Concern> openConcerns(int limit) {
        if (limit < 1 || limit > JpaConcernService.MAX_LIST) {
            Checks.single("List open concerns", "limit", "must be between 1 and " + JpaConcernService.MAX_LIST
                    + ", was " + limit);
        }
        access.requireOversight(access.caller(), "list every open concern");
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select c from ConcernEntity c where c.status = :open order by c.raisedAt, c.id",
                        ConcernEntity.class)
                .setParameter("open", ConcernStatus.OPEN).setMaxResults(limit)
                .getResultStream().map(ConcernEntity::toConcern).toList());
    }

    @Override
    public Map<String, Long> openConcernCounts() {
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            em.createQuery("select c.procedureId, count(c) from ConcernEntity c where c.status = :open"
                    + " group by c.procedureId order by c.procedureId", Object[].class)
                    .setParameter("open", ConcernStatus.OPEN).getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
            return counts;
        });
    }
}
