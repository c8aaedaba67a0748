package uk.starred.impl.alert;

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
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.core.alert.ConcernAlerts;
import uk.starred.core.command.Checks;
import uk.starred.impl.access.Access;
import uk.starred.impl.concern.ConcernStore;
import uk.starred.impl.review.ReviewStore;
import uk.starred.impl.review.ReviewTimetableConfig;
import uk.starred.impl.schema.StarredSchema;

/**
 * A child's alerts at the moment they are asked for: reads the concerns that can have one and the
 * child's review timetable, and asks the core's {@link ConcernAlerts} what each shows.
 */
@Component(service = AlertService.class, configurationPid = ReviewTimetableConfig.PID)
public class JpaAlertService implements AlertService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ConcernStore concerns;
    private final ConcernAlerts rules;
    /** The role that chairs reviews, as the council's review timetable names it: told of a review late. */
    private final String chairRole;

    @Activate
    public JpaAlertService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            ReviewTimetableConfig reviews,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), calendar,
                reviews.iroRole());
    }

    /** @param chairRole the role that chairs reviews ({@code IRO} unless the council's timetable names another) */
    public JpaAlertService(JpaTemplate jpa, Clock clock, Access access, WorkingCalendar calendar, String chairRole) {
        this.chairRole = Objects.requireNonNull(chairRole, "chairRole");
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(Objects.requireNonNull(jpa, "jpa"));
        this.clock = clock;
        this.access = access;
        this.calendar = calendar;
        this.concerns = new ConcernStore(jpa, access, calendar);
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
            for (ConcernStore.Stored stored : concerns.mayHaveAlerts(em, childId)) {
                if (oversight || !access.procedureRoles(actor, childId, stored.procedure()).isEmpty()) {
                    alerts.addAll(rules.of(stored.concern(), stored.procedure(), access.people(childId), now));
                }
            }
            if (oversight || !access.roles(actor, childId).isEmpty()) {
                ReviewStore.timetable(em, childId).ifPresent(timetable -> alerts.addAll(rules.of(timetable, chairRole,
                        access.holders(List.of(chairRole), childId), now)));
            }
            alerts.sort(ConcernAlerts.ORDER);
            return alerts;
        });
    }
}
