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
import uk.starred.api.procedure.ProcedureRef;
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

    /**
     * The open concerns, most overdue first. The list is worked out from one query of what it is
     * sorted and filtered by (each open concern with its active stage), and the host's records of
     * their children asked for at once; only the concerns listed are then read whole, each collection
     * for all of them in one query. So a council with tens of thousands of open concerns costs a
     * handful of queries, not several for each concern.
     */
    @Override
    public List<OpenConcern> openConcerns(OversightQuery query) {
        checkLimit(query.limit());
        access.requireOversight(access.caller(), "list every open concern");
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return jpa.txExpr(TransactionType.Required, em -> {
            String jpql = "select c.id, c.childId, c.raisedAt, s.name, s.dueAt"
                    + " from ConcernEntity c left join c.stages s on s.state = :active where c.status = :open"
                    + (query.procedureId() == null ? "" : " and c.procedureId = :procedure")
                    + (query.raisedBy() == null ? "" : " and c.raisedBy = :raisedBy");
            var q = em.createQuery(jpql, Object[].class).setParameter("open", ConcernStatus.OPEN)
                    .setParameter("active", StageState.ACTIVE);
            if (query.procedureId() != null) {
                q.setParameter("procedure", query.procedureId());
            }
            if (query.raisedBy() != null) {
                q.setParameter("raisedBy", query.raisedBy());
            }
            Map<String, Object[]> open = new LinkedHashMap<>();
            for (Object[] row : q.getResultList()) {
                open.putIfAbsent((String) row[0], row);
            }
            Map<String, ChildRecord> known = children.children(open.values().stream().map(r -> (String) r[1])
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            record Row(String id, ChildRecord child, String stageName, Instant raisedAt, int overdue) {
            }
            List<Row> rows = new ArrayList<>();
            for (Object[] r : open.values()) {
                ChildRecord child = known.get((String) r[1]);
                String team = child == null ? "" : child.team();
                Set<Cohort> cohorts = child == null ? Set.of() : child.cohorts();
                if (query.team() != null && !query.team().equals(team)
                        || query.cohort() != null && !cohorts.contains(query.cohort())) {
                    continue;
                }
                Instant due = (Instant) r[4];
                int overdue = due == null || !due.isBefore(now) ? 0 : Math.max(1,
                        calendar.workingDaysBetween(LocalDate.ofInstant(due, zone), today));
                if (query.overdueOnly() && overdue == 0) {
                    continue;
                }
                rows.add(new Row((String) r[0], child, (String) r[3], (Instant) r[2], overdue));
            }
            rows.sort(Comparator.comparingInt(Row::overdue).reversed().thenComparing(Row::raisedAt)
                    .thenComparing(Row::id));
            List<Row> listed = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
            Map<String, Concern> whole = read(em, listed.stream().map(Row::id).toList());
            List<OpenConcern> out = new ArrayList<>();
            for (Row row : listed) {
                Concern concern = whole.get(row.id());
                String title = definitions.stored(em, concern.procedure()).title();
                out.add(new OpenConcern(concern, row.child() == null ? concern.childId() : row.child().displayName(),
                        row.child() == null ? "" : row.child().team(),
                        row.child() == null ? Set.of() : row.child().cohorts(), title, row.stageName(),
                        (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(concern.raisedAt(), zone), today),
                        row.overdue()));
            }
            return List.copyOf(out);
        });
    }

    /** The concerns read whole: each collection for all of them in one query, a thousand at a time. */
    private static Map<String, Concern> read(EntityManager em, List<String> ids) {
        Map<String, Concern> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> some = ids.subList(from, Math.min(from + 1000, ids.size()));
            // read only: nothing to write first, and nothing to check for changes afterwards
            List<ConcernEntity> found = readOnly(em.createQuery("select distinct c from ConcernEntity c left join fetch"
                    + " c.stages where c.id in :ids", ConcernEntity.class)).setParameter("ids", some).getResultList();
            for (String collection : List.of("reasonCodes", "agreedActions", "communications")) {
                readOnly(em.createQuery("select distinct c from ConcernEntity c left join fetch c." + collection
                        + " where c.id in :ids", ConcernEntity.class)).setParameter("ids", some).getResultList();
            }
            readOnly(em.createQuery("select distinct s from StageRecordEntity s left join fetch s.actions"
                    + " where s.concern.id in :ids", StageRecordEntity.class)).setParameter("ids", some).getResultList();
            for (ConcernEntity c : found) {
                out.put(c.id().toString(), c.toConcern());
                em.detach(c); // read, and not to be checked for changes when the transaction ends
            }
        }
        return out;
    }

    private static <T> javax.persistence.TypedQuery<T> readOnly(javax.persistence.TypedQuery<T> query) {
        return query.setFlushMode(javax.persistence.FlushModeType.COMMIT).setHint("org.hibernate.readOnly", true);
    }

    /**
     * The figures, each counted by the database over the period's concerns (indexes on when concerns
     * were raised, ended and referred), with the host's records of the children asked for at once.
     */
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
            String raisedIn = " c.raisedAt >= :start and c.raisedAt < :end";
            // raised: by child and origin, for the children's legal status and how concerns arose
            long raised = 0;
            Map<ConcernOrigin, Long> origins = new java.util.EnumMap<>(ConcernOrigin.class);
            Map<String, Long> byChild = new HashMap<>();
            for (Object[] row : em.createQuery("select c.childId, c.origin, count(c) from ConcernEntity c where"
                    + raisedIn + " group by c.childId, c.origin", Object[].class).setParameter("start", start)
                    .setParameter("end", end).getResultList()) {
                long n = (Long) row[2];
                raised += n;
                origins.merge((ConcernOrigin) row[1], n, Long::sum);
                byChild.merge((String) row[0], n, Long::sum);
            }
            Map<String, ChildRecord> known = children.children(byChild.keySet());
            long lookedAfter = 0;
            long childProtection = 0;
            for (Map.Entry<String, Long> e : byChild.entrySet()) {
                ChildRecord child = known.get(e.getKey());
                Set<Cohort> cohorts = child == null ? Set.of() : child.cohorts();
                lookedAfter += cohorts.contains(Cohort.LOOKED_AFTER) ? e.getValue() : 0;
                childProtection += cohorts.contains(Cohort.CHILD_PROTECTION) ? e.getValue() : 0;
            }
            // the furthest stage each reached, bypassed stages aside
            List<Count> stages = new ArrayList<>();
            for (Object[] row : em.createQuery("select c.procedureId, s.stageId, s.name, count(c), min(s.ordinal)"
                    + " from ConcernEntity c join c.stages s where" + raisedIn + " and s.state <> :bypassed"
                    + " and s.ordinal = (select max(x.ordinal) from StageRecordEntity x where x.concern = c"
                    + " and x.state <> :bypassed) group by c.procedureId, s.stageId, s.name"
                    + " order by c.procedureId, min(s.ordinal), s.stageId", Object[].class)
                    .setParameter("start", start).setParameter("end", end)
                    .setParameter("bypassed", StageState.BYPASSED).getResultList()) {
                String key = row[0] + "/" + row[1];
                stages.add(new Count(key, (String) row[2], (Long) row[3]));
            }
            // reasons, with the label their procedure gives them
            Map<String, Count> reasons = new TreeMap<>();
            for (Object[] row : em.createQuery("select c.procedureId, c.procedureVersion, r, count(c) from"
                    + " ConcernEntity c join c.reasonCodes r where" + raisedIn
                    + " group by c.procedureId, c.procedureVersion, r", Object[].class).setParameter("start", start)
                    .setParameter("end", end).getResultList()) {
                String code = (String) row[2];
                ProcedureRef ref = new ProcedureRef((String) row[0], (String) row[1]);
                String label = definitions.stored(em, ref).reason(code).map(r -> r.label()).orElse(code);
                reasons.merge(code, new Count(code, label, (Long) row[3]),
                        (a, b) -> new Count(a.key(), a.label(), a.count() + b.count()));
            }
            // ended: how, and for those resolved, how many working days it took
            List<Integer> toResolve = new ArrayList<>();
            long withdrawn = 0;
            long closed = 0;
            for (Object[] row : em.createQuery("select c.status, c.raisedAt, c.endedAt from ConcernEntity c"
                    + " where c.endedAt >= :start and c.endedAt < :end", Object[].class).setParameter("start", start)
                    .setParameter("end", end).getResultList()) {
                switch ((ConcernStatus) row[0]) {
                    case RESOLVED -> toResolve.add(calendar.workingDaysBetween(
                            LocalDate.ofInstant((Instant) row[1], zone), LocalDate.ofInstant((Instant) row[2], zone)));
                    case WITHDRAWN -> withdrawn++;
                    case CLOSED -> closed++;
                    default -> {
                    }
                }
            }
            long cafcass = em.createQuery("select count(c) from ConcernEntity c where c.cafcassReferredAt >= :start"
                    + " and c.cafcassReferredAt < :end", Long.class).setParameter("start", start)
                    .setParameter("end", end).getSingleResult();
            // open at the end: raised before it, and still open now or ended after it
            long openAtEnd = em.createQuery("select count(c) from ConcernEntity c where c.status = :open"
                    + " and c.raisedAt < :end", Long.class).setParameter("open", ConcernStatus.OPEN)
                    .setParameter("end", end).getSingleResult()
                    + em.createQuery("select count(c) from ConcernEntity c where c.endedAt >= :end"
                    + " and c.raisedAt < :end", Long.class).setParameter("end", end).getSingleResult();

            long resolved = toResolve.size();
            long within = toResolve.stream().filter(d -> d <= TARGET_WORKING_DAYS).count();
            List<Integer> sorted = toResolve.stream().sorted().toList();
            double median = sorted.isEmpty() ? -1
                    : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            List<Count> byReason = reasons.values().stream()
                    .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();
            List<Count> byOrigin = origins.entrySet().stream()
                    .map(e -> new Count(e.getKey().name(), e.getKey().words(), e.getValue())).toList();
            return new OversightFigures(from, to, raised,
                    origins.getOrDefault(ConcernOrigin.STARRED_DECISION, 0L), resolved, withdrawn, closed, within,
                    resolved - within, TARGET_WORKING_DAYS, median, cafcass, lookedAfter, childProtection,
                    List.copyOf(stages), byReason, byOrigin, openAtEnd);
        });
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > JpaConcernService.MAX_LIST) {
            Checks.single("List open concerns", "limit", "must be between 1 and " + JpaConcernService.MAX_LIST
                    + ", was " + limit);
        }
    }
}
