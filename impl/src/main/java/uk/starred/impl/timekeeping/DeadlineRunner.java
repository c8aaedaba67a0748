package uk.starred.impl.timekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.StoreUnavailableException;
import uk.starred.api.NotFoundException;
import uk.starred.api.Violation;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.deadline.DueItem;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.core.fault.Failures;
import uk.starred.impl.access.Access;
import uk.starred.impl.concern.ConcernStore;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.outbox.Rounds;
import uk.starred.impl.review.ReviewStore;
import uk.starred.impl.review.ReviewTimetableConfig;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.Nodes;

/**
 * Fires due moments when they fall, exactly once across every node on one database. Each round
 * claims the pending moments that have fallen due: on PostgreSQL in one statement that skips rows
 * another node holds ({@code FOR UPDATE SKIP LOCKED}), elsewhere row by row with a conditional
 * update. A claim is a lease: the moment is the node's until the lease runs out, so a node that dies
 * holding claims lets them come back. The claimed moments then fire a few to a transaction, each
 * checking the claim is still the node's and marking the moment fired with everything it causes, so
 * that a sweep waits on the database's commit once for several moments rather than once for each.
 * When any moment of a transaction fails, the transaction is undone and its moments fire again one by
 * one, each in its own, so a moment that fails never holds up the rest: it is left pending with the
 * failure recorded, and tried again with growing waits. A round reads only what has fallen due (an
 * index on state and due moment), whatever the number of open concerns.
 */
@Component(service = DeadlineService.class, immediate = true,
        configurationPid = {DeadlineRunner.PID, ReviewTimetableConfig.PID})
public class DeadlineRunner implements DeadlineService {

    // designated by PID here: the component reads two configurations, which @Designate cannot name
    @ObjectClassDefinition(pid = DeadlineRunner.PID, name = "Starred deadline runner",
            description = "Fires stage, agreed action, total limit and CAFCASS deadlines when they fall")
    public @interface Config {
        @AttributeDefinition(name = "Poll interval (seconds)", min = "1")
        int pollSeconds() default 30;

        @AttributeDefinition(name = "Moments claimed per round", min = "1")
        int batchSize() default 200;

        @AttributeDefinition(name = "Moments fired per transaction", min = "1", description = "how many claimed "
                + "moments fire together in one transaction; when one fails, the others fire again one by one")
        int firedPerTransaction() default DEFAULT_PER_TRANSACTION;

        @AttributeDefinition(name = "Node name", description = "how this node is named on the moments it claims"
                + " and fires, the same across restarts so that it takes back what it held; when empty, the Karaf"
                + " instance's name and the host's (root@host). Give each node its own when two share a host")
        String node() default "";
    }

    /** The runner's own configuration; it reads the review timetable's ({@link ReviewTimetableConfig#PID}) too. */
    public static final String PID = "uk.starred.impl.deadline.DeadlineRunner";

    /** How many claimed moments fire in one transaction unless configured otherwise. */
    public static final int DEFAULT_PER_TRANSACTION = 20;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final int MAX_LIST = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRunner.class);

    private final JpaTemplate jpa;
    private final ConcernStore concerns;
    private final ReviewStore reviews;
    private final Clock clock;
    private final boolean postgres;
    private final String node;
    private final int batchSize;
    private final int perTransaction;
    private Rounds rounds;

    @Activate
    public DeadlineRunner(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            Config config,
            ReviewTimetableConfig reviewTimetable,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, new ConcernStore(jpa, new Access(caller, staff, children), calendar),
                new ReviewStore(jpa, new Access(caller, staff, children), calendar, reviewTimetable),
                clock == null ? Clock.systemUTC() : clock, schema.database().startsWith("PostgreSQL"),
                config.node().isBlank() ? Nodes.thisNode() : config.node(),
                config.batchSize(), config.firedPerTransaction());
        rounds = Rounds.every(config.pollSeconds(), "starred-deadlines", LOG, "Deadline", () -> {
            fireAllDue();
        });
    }

    /** A runner that fires only when {@link #fireDue()} is called, {@value #DEFAULT_PER_TRANSACTION} to a transaction. */
    public DeadlineRunner(JpaTemplate jpa, ConcernStore concerns, ReviewStore reviews,
            Clock clock, boolean postgres, String node, int batchSize) {
        this(jpa, concerns, reviews, clock, postgres, node, batchSize, DEFAULT_PER_TRANSACTION);
    }

    /** A runner that fires only when {@link #fireDue()} is called. */
    public DeadlineRunner(JpaTemplate jpa, ConcernStore concerns, ReviewStore reviews,
            Clock clock, boolean postgres, String node, int batchSize, int perTransaction) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.concerns = concerns;
        this.reviews = reviews;
        this.clock = clock;
        this.postgres = postgres;
        this.node = node;
        this.batchSize = batchSize;
        this.perTransaction = perTransaction;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (rounds != null) {
            rounds.close();
        }
    }

    public String node() {
        return node;
    }

    /**
     * One round: claims what has fallen due and fires it. Rounds of one runner never overlap, so any claim the
     * node holds when a round begins was left by a round that failed (the database dropped under it) or by the
     * node before it restarted: the round takes it back at once rather than waiting out its lease.
     */
    @Override
    public synchronized int fireDue() {
        return round().fired();
    }

    /**
     * Fires rounds until one claims less than a whole batch: what the runner's timer does each time. A round
     * counts the moments it claimed, not only those that fired: a moment settled with nothing outstanding
     * fires nothing, and a round of those says nothing about what waits behind it.
     *
     * @return how many fired
     */
    public synchronized int fireAllDue() {
        int fired = 0;
        for (Round round = round(); ; round = round()) {
            fired += round.fired();
            if (round.claimed() < batchSize) {
                return fired;
            }
        }
    }

    /** What one round came to: the moments it claimed, and of those how many fired. */
    private record Round(int claimed, int fired) {
    }

    private Round round() {
        List<DeadlineEntity.Key> claimed = claim(now());
        int fired = 0;
        for (int from = 0; from < claimed.size(); from += perTransaction) {
            List<DeadlineEntity.Key> together = claimed.subList(from, Math.min(from + perTransaction, claimed.size()));
            Integer n = together.size() > 1 ? fireTogether(together) : null;
            if (n != null) {
                fired += n;
                continue;
            }
            for (DeadlineEntity.Key key : together) {
                if (fire(key, true) != null) {
                    fired++;
                }
            }
        }
        return new Round(claimed.size(), fired);
    }

    /**
     * Fires the claimed moments in one transaction. @return how many fired, or {@code null} when one
     * failed and the transaction was undone, so that they fire again one by one
     */
    private Integer fireTogether(List<DeadlineEntity.Key> keys) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                concerns.readForFiring(em, keys);
                int fired = 0;
                for (DeadlineEntity.Key key : keys) {
                    if (fireOne(key, true, true) != null) {
                        fired++;
                    }
                }
                return fired;
            });
        } catch (StoreUnavailableException e) {
            // fired one by one they would fail the same way: the round ends, and its claims are taken back
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("{} deadlines fired together failed ({}); each fires again on its own", keys.size(),
                    Failures.describe(e));
            return null;
        }
    }

    /** @param locked whether this transaction has locked the moment's concern already ({@code readForFiring}) */
    private String fireOne(DeadlineEntity.Key key, boolean claimed, boolean locked) {
        Instant now = now();
        return key.kind().ofReviewTimetable() ? reviews.fireDeadline(key, node, claimed, now)
                : concerns.fireDeadline(key, node, claimed, locked, now);
    }

    /** Claims, for this node, up to a batch of pending moments that have fallen due. */
    public List<DeadlineEntity.Key> claim(Instant now) {
        Instant until = now.plus(LEASE);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<DeadlineEntity.Key> keys = new ArrayList<>();
            if (postgres) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("UPDATE deadline SET claimed_by = ?1, claimed_until = ?2"
                        + " WHERE (concern_id, kind, item) IN (SELECT concern_id, kind, item FROM deadline"
                        + " WHERE state = 'PENDING' AND due_at <= ?3"
                        + " AND (claimed_until IS NULL OR claimed_until <= ?3 OR claimed_by = ?1)"
                        + " ORDER BY due_at LIMIT ?4 FOR UPDATE SKIP LOCKED) RETURNING concern_id, kind, item, due_at")
                        .setParameter(1, node).setParameter(2, until).setParameter(3, now).setParameter(4, batchSize)
                        .getResultList();
                // fired in the order they fell due, as on one node
                rows.sort(java.util.Comparator.comparingLong(row -> ((java.util.Date) row[3]).getTime()));
                for (Object[] row : rows) {
                    keys.add(new DeadlineEntity.Key((String) row[0], DeadlineKind.valueOf((String) row[1]),
                            ((Number) row[2]).intValue()));
                }
                return keys;
            }
            List<DeadlineEntity> due = em.createQuery("select d from DeadlineEntity d where d.state = :pending"
                    + " and d.dueAt <= :now and (d.claimedUntil is null or d.claimedUntil <= :now or d.claimedBy = :node)"
                    + " order by d.dueAt", DeadlineEntity.class).setParameter("pending", DeadlineState.PENDING)
                    .setParameter("now", now).setParameter("node", node).setMaxResults(batchSize).getResultList();
            for (DeadlineEntity d : due) {
                int won = em.createQuery("update DeadlineEntity d set d.claimedBy = :node, d.claimedUntil = :until"
                        + " where d.concernId = :concern and d.kind = :kind and d.item = :item and d.state = :pending"
                        + " and (d.claimedUntil is null or d.claimedUntil <= :now or d.claimedBy = :node)")
                        .setParameter("node", node).setParameter("until", until).setParameter("concern", d.concernId())
                        .setParameter("kind", d.kind()).setParameter("item", d.item())
                        .setParameter("pending", DeadlineState.PENDING).setParameter("now", now).executeUpdate();
                if (won == 1) {
                    keys.add(d.key());
                }
            }
            return keys;
        });
    }

    /** Fires one moment; a failure is recorded on it and it is tried again later. */
    private String fire(DeadlineEntity.Key key, boolean claimed) {
        try {
            return fireOne(key, claimed, false);
        } catch (StoreUnavailableException e) {
            // not the moment's failure: nothing can be recorded, and the next round takes the claim back
            throw e;
        } catch (RuntimeException e) {
            Instant now = now();
            jpa.tx(TransactionType.Required, em -> {
                DeadlineEntity d = em.find(DeadlineEntity.class, key);
                if (d != null && d.state() == DeadlineState.PENDING) {
                    d.failed(e.toString(), now.plus(backoff(d.attempts() + 1)));
                }
            });
            // the error as thrown stays with the moment, for `starred:deadlines --stuck`; the log names the
            // moment by kind (a review timetable's is the child's) and the failure by its kind
            LOG.warn("A due moment ({}{}) failed to fire; it will be tried again: {}", key.kind(),
                    key.kind().ofReviewTimetable() ? "" : " of concern " + key.concernId(), Failures.describe(e));
            return null;
        }
    }

    /** @return the wait before the given attempt: 30 s, doubling, at most an hour */
    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    @Override
    public List<DueItem> dueWithin(Duration within, int limit) {
        checkLimit("List due moments", limit);
        if (within == null || within.isNegative()) {
            throw new InvalidCommandException("List due moments",
                    List.of(new Violation("within", "must be a length of time from now, not " + within)));
        }
        Instant now = now();
        return list("select d from DeadlineEntity d where d.state = :pending and d.dueAt <= :to order by d.dueAt",
                limit, q -> q.setParameter("pending", DeadlineState.PENDING).setParameter("to", now.plus(within)));
    }

    @Override
    public List<DueItem> overdue(int limit) {
        checkLimit("List overdue", limit);
        return list("select d from DeadlineEntity d where d.state = :fired and d.settledAt is null"
                + " and d.kind <> :soon order by d.dueAt", limit,
                q -> q.setParameter("fired", DeadlineState.FIRED).setParameter("soon", DeadlineKind.STAGE_DUE_SOON));
    }

    @Override
    public List<DueItem> stuck(int limit) {
        checkLimit("List stuck", limit);
        return list("select d from DeadlineEntity d where d.state = :pending and d.attempts > 0 order by d.dueAt",
                limit, q -> q.setParameter("pending", DeadlineState.PENDING));
    }

    @Override
    public DueItem fireNow(String reference) {
        DeadlineEntity.Key key = parse(reference);
        DeadlineEntity found = jpa.txExpr(TransactionType.Required, em -> em.find(DeadlineEntity.class, key));
        if (found == null) {
            throw new NotFoundException("no due moment " + reference);
        }
        if (found.state() != DeadlineState.PENDING) {
            throw new InvalidCommandException("Fire now", List.of(new Violation("reference", reference + " has "
                    + (found.state() == DeadlineState.FIRED ? "already fired" : "been cancelled"))));
        }
        fireOne(key, false, false);
        LOG.info("A due moment ({}) fired by hand on {}", key.kind(), node);
        return jpa.txExpr(TransactionType.Required, em -> item(em.find(DeadlineEntity.class, key)));
    }

    private static DeadlineEntity.Key parse(String reference) {
        try {
            int itemAt = reference.lastIndexOf('/');
            int kindAt = reference.lastIndexOf('/', itemAt - 1);
            if (kindAt > 0) {
                DeadlineKind kind = DeadlineKind.valueOf(reference.substring(kindAt + 1, itemAt));
                String subject = reference.substring(0, kindAt);
                return new DeadlineEntity.Key(kind.ofReviewTimetable() ? subject : ConcernId.parse(subject).toString(),
                        kind, Integer.parseInt(reference.substring(itemAt + 1)));
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InvalidCommandException("Fire now", List.of(new Violation("reference", "'" + reference
                + "' is not a due moment's reference; expected concern id/kind/item, as the due and stuck lists show")));
    }

    private List<DueItem> list(String jpql, int limit,
            java.util.function.UnaryOperator<javax.persistence.TypedQuery<DeadlineEntity>> bind) {
        return jpa.txExpr(TransactionType.Required, em -> bind.apply(em.createQuery(jpql, DeadlineEntity.class))
                .setMaxResults(limit).getResultStream().map(DeadlineRunner::item).toList());
    }

    private static void checkLimit(String what, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidCommandException(what,
                    List.of(new Violation("limit", "must be between 1 and " + MAX_LIST + ", was " + limit)));
        }
    }

    static DueItem item(DeadlineEntity d) {
        return new DueItem(d.kind().ofReviewTimetable() ? null : ConcernId.parse(d.concernId()), d.childId(), d.kind(),
                d.item(), d.dueAt(), d.state(),
                d.attempts(), d.lastError(), d.firedAt(), d.firedBy(), d.outcome());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
