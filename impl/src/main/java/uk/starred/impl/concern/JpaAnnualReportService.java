package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.MonthlyTrends;
import uk.starred.api.report.ReportYear;
import uk.starred.core.report.DisputeResolutionRules;
import uk.starred.core.report.TrendRules;
import uk.starred.impl.access.Access;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/**
 * {@link AnnualReportService} over the {@code starred} persistence unit: the concerns raised in the year and the
 * year before, read whole (a thousand at a time, each collection in one query), the children's names and teams
 * from the host in one request, and the figures worked out by {@link DisputeResolutionRules}; the twelve months'
 * trends likewise, by {@link TrendRules}.
 */
@Component(service = AnnualReportService.class)
public class JpaAnnualReportService implements AnnualReportService {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final StaffDirectory staff;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;
    private volatile Made lastTrends;

    /** How long the trends made are shown again before they are made afresh. */
    static final java.time.Duration TRENDS_KEPT = java.time.Duration.ofMinutes(1);

    @Activate
    public JpaAnnualReportService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), children, staff,
                calendar);
    }

    public JpaAnnualReportService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            StaffDirectory staff, WorkingCalendar calendar) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.staff = staff;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
    }

    @Override
    public DisputeResolutionReport disputeResolution(ReportYear year) {
        access.requireOversight(access.caller(), "make the IRO annual report");
        ZoneId zone = calendar.zone();
        Instant from = year.previous().from().atStartOfDay(zone).toInstant();
        Instant to = year.to().atStartOfDay(zone).toInstant();
        Instant madeAt = clock.instant();
        List<DisputeResolutionRules.Reported> reported = jpa.txExpr(TransactionType.Required, em -> reported(em,
                em.createQuery("select c.id, c.childCohorts from ConcernEntity c where c.raisedAt >= :from"
                        + " and c.raisedAt < :to order by c.raisedAt, c.id", Object[].class)
                        .setParameter("from", from).setParameter("to", to).getResultList()));
        return DisputeResolutionRules.report(year, madeAt, reported, calendar);
    }

    /**
     * The concerns of the twelve months: raised before the last month ended, and raised in the twelve, still
     * open, or ended in them.
     */
    @Override
    public MonthlyTrends trends(YearMonth last) {
        access.requireOversight(access.caller(), "see the twelve months' trends");
        // the oversight screen shows them on every page: made again at most once a minute
        Instant now = clock.instant();
        Made kept = lastTrends;
        if (kept != null && kept.last().equals(last) && now.isBefore(kept.at().plus(TRENDS_KEPT))
                && !now.isBefore(kept.at())) {
            return kept.trends();
        }
        MonthlyTrends made = makeTrends(last, now);
        lastTrends = new Made(last, now, made);
        return made;
    }

    /** The trends last made, for one month, at a moment. */
    private record Made(YearMonth last, Instant at, MonthlyTrends trends) {
    }

    private MonthlyTrends makeTrends(YearMonth last, Instant now) {
        ZoneId zone = calendar.zone();
        Instant from = last.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<DisputeResolutionRules.Reported> reported = jpa.txExpr(TransactionType.Required, em -> reported(em,
                em.createQuery("select c.id, c.childCohorts from ConcernEntity c where c.raisedAt < :to and"
                        + " (c.raisedAt >= :from or c.endedAt is null or c.endedAt >= :from)"
                        + " order by c.raisedAt, c.id", Object[].class)
                        .setParameter("from", from).setParameter("to", to).getResultList()));
        return TrendRules.trends(last, now, reported, zone);
    }

    /**
     * The concerns whose ids and kept legal status the rows give, read whole, with the children's names and teams
     * from the host in one request and the chairs' names.
     */
    private List<DisputeResolutionRules.Reported> reported(EntityManager em, List<Object[]> rows) {
        Map<String, String> keptCohorts = new HashMap<>();
        rows.forEach(r -> keptCohorts.put((String) r[0], (String) r[1]));
        Map<String, Concern> whole = JpaOversightService.read(em, rows.stream().map(r -> (String) r[0]).toList());
        Map<String, ChildRecord> known = children.children(whole.values().stream().map(Concern::childId)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        Map<String, String> names = new HashMap<>();
        List<DisputeResolutionRules.Reported> out = new ArrayList<>(whole.size());
        for (Concern c : whole.values()) {
            ChildRecord child = known.get(c.childId());
            Set<Cohort> cohorts = OversightCounts.cohorts(keptCohorts.get(c.id().toString()));
            if (cohorts.isEmpty() && child != null) {
                cohorts = child.cohorts();
            }
            ProcedureRef ref = c.procedure();
            String chair = names.computeIfAbsent(c.raisedBy(), id -> staff.member(id).map(StaffMember::name)
                    .orElse(id));
            out.add(new DisputeResolutionRules.Reported(c, definitions.stored(em, ref), cohorts,
                    child == null ? c.childId() : child.displayName(), child == null ? null : child.team(), chair));
        }
        return out;
    }
}
