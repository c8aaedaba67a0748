package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertService;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.alert.ConcernAlerts;
import uk.starred.core.command.Checks;
import uk.starred.impl.access.Access;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/**
 * A child's alerts at the moment they are asked for: reads the concerns that can have one and the
 * child's review timetable, and asks the core's {@link ConcernAlerts} what each shows.
 */
@Component(service = AlertService.class)
public class JpaAlertService implements AlertService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;
    private final ConcernAlerts rules;

    @Activate
    public JpaAlertService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), calendar);
    }

    public JpaAlertService(JpaTemplate jpa, Clock clock, Access access, WorkingCalendar calendar) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.clock = clock;
        this.access = access;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
        this.rules = new ConcernAlerts(calendar);
    }

    @Override
    public List<Alert> alertsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List alerts for child", "childId", "is required");
        }
        String actor = access.caller();
        boolean oversight = access.hasOversight(actor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Alert> alerts = new ArrayList<>();
            // only concerns that can have an alert are read: open ones, resolved ones with an agreed action
            // not done, and those awaiting CAFCASS's decision; a child's ended history costs nothing
            for (ConcernEntity entity : em.createQuery("select c from ConcernEntity c where c.childId = :child"
                    + " and (c.status = :open or c.status = :resolved and exists (select x.id from ConcernEntity x"
                    + " join x.agreedActions a where x = c and a.completedAt is null)"
                    + " or (c.status = :open or c.status = :resolved or c.status = :referred)"
                    + " and c.cafcassReferredAt is not null and c.cafcassDecision is null)", ConcernEntity.class)
                    .setParameter("child", childId).setParameter("open", ConcernStatus.OPEN)
                    .setParameter("resolved", ConcernStatus.RESOLVED)
                    .setParameter("referred", ConcernStatus.REFERRED_TO_CAFCASS).getResultList()) {
                Procedure procedure = definitions.stored(em, entity.procedure());
                if (oversight || !access.procedureRoles(actor, childId, procedure).isEmpty()) {
                    alerts.addAll(rules.of(entity.toConcern(), procedure, access.people(childId), now));
                }
            }
            if (oversight || !access.roles(actor, childId).isEmpty()) {
                uk.starred.impl.review.LookedAfterChildEntity reviews = em.find(
                        uk.starred.impl.review.LookedAfterChildEntity.class, childId);
                if (reviews != null) {
                    alerts.addAll(rules.of(reviews.toTimetable(), access.holders(List.of("IRO"), childId), now));
                }
            }
            alerts.sort(ConcernAlerts.ORDER);
            return alerts;
        });
    }
}
