package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.Count;
import uk.starred.api.concern.OpenConcern;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.OversightService;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.access.Access;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/** {@link OversightService} over the {@code starred} persistence unit. */
@Component(service = OversightService.class)
public class JpaOversightService implements OversightService {

    /** The seeds' target for the whole process: resolved within 20 working days. */
    static final int TARGET_WORKING_DAYS = 20;

    /** The longest period figures are worked out for: a year and a little. */
    static final int MAX_PERIOD_DAYS = 400;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;

    @Activate
    public JpaOversightService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), children, calendar);
    }

    public JpaOversightService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar) {
        this.jpa = jpa;
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
    }

    @Override
    public List<Concern> openConcerns(int limit) {
        checkLimit(limit);
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

    @Override
    public List<OpenConcern> openConcerns(OversightQuery query) {
        checkLimit(query.limit());
        access.requireOversight(access.caller(), "list every open concern");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        return jpa.txExpr(TransactionType.Required, em -> {
            String jpql = "select c from ConcernEntity c where c.status = :open"
                    + (query.procedureId() == null ? "" : " and c.procedureId = :procedure")
                    + (query.raisedBy() == null ? "" : " and c.raisedBy = :raisedBy")
                    + " order by c.raisedAt, c.id";
            var q = em.createQuery(jpql, ConcernEntity.class).setParameter("open", ConcernStatus.OPEN);
            if (query.procedureId() != null) {
                q.setParameter("procedure", query.procedureId());
            }
            if (query.raisedBy() != null) {
                q.setParameter("raisedBy", query.raisedBy());
            }
            Map<String, Optional<ChildRecord>> childCache = new HashMap<>();
            List<OpenConcern> rows = new ArrayList<>();
            for (ConcernEntity entity : q.getResultList()) {
                Concern concern = entity.toConcern();
                Optional<ChildRecord> child = childCache.computeIfAbsent(concern.childId(), children::child);
                String team = child.map(ChildRecord::team).orElse("");
                Set<Cohort> cohorts = child.map(ChildRecord::cohorts).orElse(Set.of());
                if (query.team() != null && !query.team().equals(team)
                        || query.cohort() != null && !cohorts.contains(query.cohort())) {
                    continue;
                }
                Optional<StageRecord> stage = concern.currentStage();
                int overdue = stage.map(StageRecord::dueAt).filter(due -> due.isBefore(now))
                        .map(due -> Math.max(1, calendar.workingDaysBetween(LocalDate.ofInstant(due, calendar.zone()),
                                today)))
                        .orElse(0);
                if (query.overdueOnly() && overdue == 0) {
                    continue;
                }
                String title = definition(em, concern).map(Procedure::title).orElse(concern.procedure().id());
                rows.add(new OpenConcern(concern, child.map(ChildRecord::displayName).orElse(concern.childId()), team,
                        cohorts, title, stage.map(StageRecord::name).orElse(null),
                        (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(concern.raisedAt(), calendar.zone()), today),
                        overdue));
            }
            rows.sort(Comparator.comparingInt(OpenConcern::workingDaysOverdue).reversed()
                    .thenComparing(r -> r.concern().raisedAt()));
            return rows.size() > query.limit() ? List.copyOf(rows.subList(0, query.limit())) : rows;
        });
    }

    @Override
    public OversightFigures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
            Checks.single("Work out the figures", "period", "must run forward from its first day to the day after its"
                    + " last, at most " + MAX_PERIOD_DAYS + " days, was " + from + " to " + to);
        }
        access.requireOversight(access.caller(), "see the service's figures");
        ZoneId zone = calendar.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Concern> raised = concerns(em, "c.raisedAt >= :start and c.raisedAt < :end", start, end);
            List<Concern> ended = concerns(em, "c.endedAt >= :start and c.endedAt < :end", start, end);
            long cafcass = em.createQuery("select count(c) from ConcernEntity c where c.cafcassReferredAt >= :start"
                    + " and c.cafcassReferredAt < :end", Long.class).setParameter("start", start)
                    .setParameter("end", end).getSingleResult();
            long openAtEnd = em.createQuery("select count(c) from ConcernEntity c where c.raisedAt < :end"
                    + " and (c.endedAt is null or c.endedAt >= :end)", Long.class).setParameter("end", end)
                    .getSingleResult();

            Map<String, Optional<ChildRecord>> childCache = new HashMap<>();
            long lookedAfter = 0;
            long childProtection = 0;
            Map<String, Count> stages = new LinkedHashMap<>();
            Map<String, Count> reasons = new TreeMap<>();
            Map<ConcernOrigin, Long> origins = new java.util.EnumMap<>(ConcernOrigin.class);
            for (Concern concern : raised) {
                Set<Cohort> cohorts = childCache.computeIfAbsent(concern.childId(), children::child)
                        .map(ChildRecord::cohorts).orElse(Set.of());
                lookedAfter += cohorts.contains(Cohort.LOOKED_AFTER) ? 1 : 0;
                childProtection += cohorts.contains(Cohort.CHILD_PROTECTION) ? 1 : 0;
                origins.merge(concern.origin(), 1L, Long::sum);
                Optional<Procedure> procedure = definition(em, concern);
                concern.stages().stream().filter(s -> s.state() != StageState.BYPASSED)
                        .max(Comparator.comparingInt(StageRecord::ordinal)).ifPresent(s -> {
                            String key = concern.procedure().id() + "/" + s.stageId();
                            stages.merge(key, new Count(key, s.name(), 1),
                                    (a, b) -> new Count(a.key(), a.label(), a.count() + 1));
                        });
                for (String code : concern.reasonCodes()) {
                    String label = procedure.flatMap(p -> p.reason(code)).map(r -> r.label()).orElse(code);
                    reasons.merge(code, new Count(code, label, 1),
                            (a, b) -> new Count(a.key(), a.label(), a.count() + 1));
                }
            }
            List<Integer> toResolve = new ArrayList<>();
            long resolved = 0;
            long withdrawn = 0;
            long closed = 0;
            for (Concern concern : ended) {
                switch (concern.status()) {
                    case RESOLVED -> {
                        resolved++;
                        toResolve.add(calendar.workingDaysBetween(LocalDate.ofInstant(concern.raisedAt(), zone),
                                LocalDate.ofInstant(concern.endedAt(), zone)));
                    }
                    case WITHDRAWN -> withdrawn++;
                    case CLOSED -> closed++;
                    default -> {
                    }
                }
            }
            long within = toResolve.stream().filter(d -> d <= TARGET_WORKING_DAYS).count();
            List<Integer> sorted = toResolve.stream().sorted().toList();
            double median = sorted.isEmpty() ? -1
                    : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            List<Count> byReason = reasons.values().stream()
                    .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();
            List<Count> byOrigin = origins.entrySet().stream()
                    .map(e -> new Count(e.getKey().name(), e.getKey().words(), e.getValue())).toList();
            return new OversightFigures(from, to, raised.size(),
                    origins.getOrDefault(ConcernOrigin.STARRED_DECISION, 0L), resolved, withdrawn, closed, within,
                    resolved - within, TARGET_WORKING_DAYS, median, cafcass, lookedAfter, childProtection,
                    List.copyOf(stages.values()), byReason, byOrigin, openAtEnd);
        });
    }

    private List<Concern> concerns(EntityManager em, String where, Instant start, Instant end) {
        return em.createQuery("select c from ConcernEntity c where " + where + " order by c.raisedAt, c.id",
                ConcernEntity.class).setParameter("start", start).setParameter("end", end)
                .getResultStream().map(ConcernEntity::toConcern).toList();
    }

    private Optional<Procedure> definition(EntityManager em, Concern concern) {
        return Optional.of(definitions.stored(em, concern.procedure()));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > JpaConcernService.MAX_LIST) {
            Checks.single("List open concerns", "limit", "must be between 1 and " + JpaConcernService.MAX_LIST
                    + ", was " + limit);
        }
    }
}
