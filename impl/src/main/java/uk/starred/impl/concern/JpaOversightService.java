package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.StoreUnavailableException;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.OpenConcern;
import uk.starred.api.concern.OpenConcernSummary;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.OversightService;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.core.command.Checks;
import uk.starred.core.oversight.OversightFigureRules;
import uk.starred.core.fault.Failures;
import uk.starred.impl.access.Access;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/** {@link OversightService} over the {@code starred} persistence unit. */
@Component(service = OversightService.class)
public class JpaOversightService implements OversightService {

    /** How many open concerns are read at a time when the host's records filter them. */
    static final int PAGE = 1000;

    /** The longest period figures are worked out for: a year and a little. */
    static final int MAX_PERIOD_DAYS = 400;

    /** How often the changes to the figures' counts are folded into totals. */
    static final int FOLD_EVERY_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(JpaOversightService.class);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;
    private final OversightCounts counts;
    /** Folds the counts in the background; only when DS runs the component, not in tests that build it. */
    private ScheduledExecutorService folding;

    @Activate
    public JpaOversightService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), children, calendar);
        folding = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "starred-oversight-counts");
            t.setDaemon(true);
            return t;
        });
        // at once, so that counts asked for by an upgrade are made before anyone asks for the figures
        folding.scheduleWithFixedDelay(this::foldInBackground, 0, FOLD_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stopFolding() throws InterruptedException {
        if (folding != null) {
            folding.shutdownNow();
            folding.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void foldInBackground() {
        try {
            OversightCounts.Folded done = foldCounts();
            if (done.folded() > 0) {
                LOG.debug("Folded {} changes to the oversight figures' counts", done.folded());
            }
        } catch (StoreUnavailableException e) {
            // the outage is logged once, where it began; the changes wait where they are
        } catch (RuntimeException e) {
            // the changes stay where they are, counted by every reader; the next round tries again
            LOG.warn("Could not fold the oversight figures' counts; will try again in {} s: {}", FOLD_EVERY_SECONDS,
                    Failures.describe(e));
        }
    }

    public JpaOversightService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
        this.counts = new OversightCounts(calendar);
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
            // only columns of the index on status and procedure, so the database need not read the rows
            em.createQuery("select c.procedureId, count(c.procedureId) from ConcernEntity c where c.status = :open"
                    + " group by c.procedureId order by c.procedureId", Object[].class)
                    .setParameter("open", ConcernStatus.OPEN).getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
            return counts;
        });
    }

    /**
     * The open concerns, most overdue first, as {@link #openConcernSummaries} lists them, each then
     * read whole: each collection for all of them in one query.
     */
    @Override
    public List<OpenConcern> openConcerns(OversightQuery query) {
        checkLimit(query.limit());
        access.requireOversight(access.caller(), "list every open concern");
        return jpa.txExpr(TransactionType.Required, em -> {
            List<OpenConcernSummary> listed = summaries(em, query);
            Map<String, Concern> whole = read(em, listed.stream().map(r -> r.concernId().toString()).toList());
            List<OpenConcern> out = new ArrayList<>();
            for (OpenConcernSummary row : listed) {
                Concern concern = whole.get(row.concernId().toString());
                if (concern != null) { // else ended, or gone, between the two reads
                    out.add(new OpenConcern(concern, row.childName(), row.team(), row.cohorts(), row.procedureTitle(),
                            row.stageName(), row.daysOpen(), row.workingDaysOverdue()));
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<OpenConcernSummary> openConcernSummaries(OversightQuery query) {
        checkLimit(query.limit());
        access.requireOversight(access.caller(), "list every open concern");
        return jpa.txExpr(TransactionType.Required, em -> summaries(em, query));
    }

    /**
     * The open concerns, most overdue first. The database gives them in that order: first those whose
     * stage's due moment has passed, the earliest first (an index on stages by state and due moment),
     * then the rest, the oldest first (an index on concerns by status and when raised). They are read a
     * page at a time, with the columns the list shows and no entity, the host asked about each page's
     * children at once for the team and legal status filters, until the list is full. So the list costs
     * a handful of queries however many concerns are open.
     */
    private List<OpenConcernSummary> summaries(EntityManager em, OversightQuery query) {
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, OpenConcernSummary> listed = new LinkedHashMap<>();
        boolean hostFilters = query.team() != null || query.cohort() != null;
        int page = hostFilters ? Math.max(PAGE, query.limit()) : query.limit();
        for (boolean overdue : query.overdueOnly() ? List.of(true) : List.of(true, false)) {
            String jpql = "select c.id, c.childId, s.name, s.dueAt, c.procedureId, c.procedureVersion, c.raisedBy,"
                    + " c.raisedAt from ConcernEntity c left join c.stages s on s.state = :active where c.status = :open"
                    + (overdue ? " and s.dueAt < :now" : " and (s.dueAt is null or s.dueAt >= :now)")
                    + (query.procedureId() == null ? "" : " and c.procedureId = :procedure")
                    + (query.raisedBy() == null ? "" : " and c.raisedBy = :raisedBy")
                    + (overdue ? " order by s.dueAt, c.raisedAt, c.id" : " order by c.raisedAt, c.id");
            for (int first = 0; listed.size() < query.limit(); first += page) {
                var q = em.createQuery(jpql, Object[].class).setParameter("open", ConcernStatus.OPEN)
                        .setParameter("active", StageState.ACTIVE).setParameter("now", now)
                        .setFirstResult(first).setMaxResults(page);
                if (query.procedureId() != null) {
                    q.setParameter("procedure", query.procedureId());
                }
                if (query.raisedBy() != null) {
                    q.setParameter("raisedBy", query.raisedBy());
                }
                List<Object[]> rows = q.getResultList();
                Map<String, ChildRecord> known = children.children(rows.stream().map(r -> (String) r[1])
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
                for (Object[] r : rows) {
                    String childId = (String) r[1];
                    ChildRecord child = known.get(childId);
                    String team = child == null ? "" : child.team();
                    Set<Cohort> cohorts = child == null ? Set.of() : child.cohorts();
                    if (query.team() != null && !query.team().equals(team)
                            || query.cohort() != null && !cohorts.contains(query.cohort())
                            || listed.size() == query.limit()) {
                        continue;
                    }
                    Instant dueAt = (Instant) r[3];
                    Instant raisedAt = (Instant) r[7];
                    int days = overdue ? Math.max(1, calendar.workingDaysBetween(LocalDate.ofInstant(dueAt, zone),
                            today)) : 0;
                    ProcedureRef procedure = new ProcedureRef((String) r[4], (String) r[5]);
                    listed.putIfAbsent((String) r[0], new OpenConcernSummary(ConcernId.parse((String) r[0]), childId,
                            child == null ? childId : child.displayName(), team, cohorts, procedure,
                            definitions.stored(em, procedure).title(), (String) r[6], raisedAt, (String) r[2], dueAt,
                            (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(raisedAt, zone), today), days));
                }
                if (rows.size() < page) {
                    break;
                }
            }
        }
        return List.copyOf(listed.values());
    }

    /** The concerns read whole: each collection for all of them in one query, a thousand at a time. */
    static Map<String, Concern> read(EntityManager em, List<String> ids) {
        Map<String, Concern> out = new HashMap<>();
        for (List<String> some : OversightCounts.chunks(ids)) {
            // read only: nothing to write first, and nothing to check for changes afterwards
            List<ConcernEntity> found = readOnly(em.createQuery("select distinct c from ConcernEntity c left join fetch"
                    + " c.stages where c.id in :ids", ConcernEntity.class)).setParameter("ids", some).getResultList();
            for (String collection : List.of("reasonCodes", "agreedActions", "communications", "moreTime")) {
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
     * The figures, summed from the period's counts by day ({@link OversightCounts}): a year is a few
     * thousand rows, however many concerns it had. When the counts have been asked to be made again
     * (after an upgrade, or concerns loaded other than through Starred), they are made first.
     */
    @Override
    public OversightFigures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
            Checks.single("Work out the figures", "period", "must run forward from its first day to the day after its"
                    + " last, at most " + MAX_PERIOD_DAYS + " days, was " + from + " to " + to);
        }
        access.requireOversight(access.caller(), "see the service's figures");
        return jpa.txExpr(TransactionType.Required, em -> {
            if (counts.recountAsked(em)) {
                counts.recount(em, children);
            }
            OversightCounts.Sums sums = counts.sums(em, from, to);
            return OversightFigureRules.figures(from, to, sums.counts(), sums.openAtEnd(),
                    ref -> definitions.stored(em, ref));
        });
    }

    /** Folds the figures' counts now, counting the concerns again first when that was asked for. */
    public OversightCounts.Folded foldCounts() {
        return counts.foldAll(jpa, children);
    }

    /** Asks for the figures' counts to be made again from the concerns, at the next fold or figures asked for. */
    public void askRecount(String by) {
        counts.askRecount(jpa, by, clock.instant());
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > JpaConcernService.MAX_LIST) {
            Checks.single("List open concerns", "limit", "must be between 1 and " + JpaConcernService.MAX_LIST
                    + ", was " + limit);
        }
    }
}
