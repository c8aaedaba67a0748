package uk.starred.impl.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.core.oversight.CountLine;
import uk.starred.core.oversight.Counted.Reached;
import uk.starred.core.oversight.Counted;
import uk.starred.core.oversight.Measure;
import uk.starred.core.oversight.OversightLines;
import uk.starred.impl.store.Writes;

/**
 * The oversight figures kept as counts by day ({@code oversight_count}), so that a period's figures
 * are its days' counts summed, however many concerns it had.
 *
 * <p>What a concern counts for follows from the concern as it stands: the day it was raised (how it
 * arose, the child's legal status then, the furthest stage it has reached, its reasons), the day it
 * ended (how, and for a resolved one the working days it took) and the day it was referred to
 * CAFCASS. Each command writes, in its own transaction, the difference between what the concern
 * counted for before and after it: rows of +1 and -1 naming the concern and the version written.
 * Writers only ever insert, so no two commands wait for each other over a count.
 *
 * <p>Now and then the changes are folded into one total a day, measure and item ({@link #fold}).
 * The counts can be made again from the concerns themselves ({@link #recount}): after the schema
 * migration that brought them, or after concerns were loaded other than through Starred. Folding and
 * counting again hold one lock row, so that on several nodes one does it at a time, while commands
 * go on writing their changes.
 */
public final class OversightCounts {

    private static final Logger LOG = LoggerFactory.getLogger(OversightCounts.class);
    private static final int CHUNK = 1000;
    static final int FOLDED_AT_ONCE = 10_000;

    private final OversightLines lines;

    public OversightCounts(WorkingCalendar calendar) {
        this.lines = new OversightLines(calendar);
    }

    /**
     * Writes, in the command's transaction, what it changed in the figures.
     *
     * @param before the concern before the command, or {@code null} when the command raised it
     * @param after  the concern as the command leaves it, its version as written
     */
    void record(EntityManager em, Writes writes, Concern before, Concern after, Set<Cohort> cohorts) {
        String concern = after.id().toString();
        lines.changes(before, after, cohorts).forEach((line, amount) -> OversightCountEntity.write(em, writes, line,
                amount, concern, after.version()));
    }

    /** The counts of a period, by measure and item, and how many concerns were open at its end. */
    record Sums(Map<Measure, Map<String, Long>> counts, long openAtEnd) {

        Map<String, Long> of(Measure measure) {
            return counts.getOrDefault(measure, Map.of());
        }

        long total(Measure measure) {
            return of(measure).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param from the first day
     * @param to   the day after the last
     * @return the period's counts
     */
    Sums sums(EntityManager em, LocalDate from, LocalDate to) {
        Map<Measure, Map<String, Long>> counts = new EnumMap<>(Measure.class);
        for (Object[] row : em.createQuery("select o.measure, o.item, sum(o.amount) from OversightCountEntity o"
                + " where o.day >= :from and o.day < :to group by o.measure, o.item", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            long amount = ((Number) row[2]).longValue();
            if (amount != 0) {
                counts.computeIfAbsent((Measure) row[0], m -> new HashMap<>()).put((String) row[1], amount);
            }
        }
        // raised before the end, less those ended before it
        Map<Measure, Long> before = new EnumMap<>(Measure.class);
        em.createQuery("select o.measure, sum(o.amount) from OversightCountEntity o where o.measure in :measures"
                + " and o.day < :to group by o.measure", Object[].class)
                .setParameter("measures", EnumSet.of(Measure.RAISED, Measure.ENDED)).setParameter("to", to)
                .getResultList().forEach(row -> before.put((Measure) row[0], ((Number) row[1]).longValue()));
        return new Sums(counts, before.getOrDefault(Measure.RAISED, 0L) - before.getOrDefault(Measure.ENDED, 0L));
    }

    /**
     * @param recounted how many concerns were counted again, or -1 when no one had asked
     * @param folded    how many changes were folded into totals
     */
    public record Folded(long recounted, long folded) {
    }

    /**
     * Counts the concerns again when that was asked for, then folds every change written so far into
     * the totals, ten thousand at a time, each in a transaction of its own.
     */
    public Folded foldAll(JpaTemplate jpa, ChildRecords children) {
        long recounted = jpa.txExpr(TransactionType.Required, em -> recount(em, children));
        long folded = 0;
        int now;
        do {
            now = jpa.txExpr(TransactionType.Required, this::fold);
            folded += now;
        } while (now == FOLDED_AT_ONCE);
        return new Folded(recounted, folded);
    }

    /** Asks for the counts to be made again from the concerns, at the next fold or figures asked for. */
    public void askRecount(JpaTemplate jpa, String by, Instant at) {
        jpa.tx(TransactionType.Required, em -> askRecount(em, by, at));
    }

    /**
     * Folds the changes written so far into one total a day, measure and item, up to ten thousand
     * changes at a time, holding the lock row.
     *
     * @return how many changes were folded
     */
    int fold(EntityManager em) {
        lock(em);
        List<Object[]> changes = em.createQuery("select o.id, o.day, o.measure, o.item, o.amount"
                + " from OversightCountEntity o where o.concernId is not null order by o.id", Object[].class)
                .setMaxResults(FOLDED_AT_ONCE).getResultList();
        if (changes.isEmpty()) {
            return 0;
        }
        Map<CountLine, Long> merged = new HashMap<>();
        List<Long> gone = new ArrayList<>();
        // the days' totals are merged with their changes into one row each
        List<Object[]> rows = new ArrayList<>(changes);
        for (List<LocalDate> days : chunks(changes.stream().map(r -> (LocalDate) r[1]).distinct().toList())) {
            rows.addAll(em.createQuery("select o.id, o.day, o.measure, o.item, o.amount from OversightCountEntity o"
                    + " where o.concernId is null and o.day in :days", Object[].class).setParameter("days", days)
                    .getResultList());
        }
        for (Object[] row : rows) {
            gone.add((Long) row[0]);
            merged.merge(new CountLine((LocalDate) row[1], (Measure) row[2], (String) row[3]), (Long) row[4], Long::sum);
        }
        delete(em, gone);
        writeTotals(em, merged);
        stamp(em);
        return changes.size();
    }

    /** @return whether the counts have been asked to be made again */
    boolean recountAsked(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM oversight_recount").getSingleResult())
                .longValue() > 0;
    }

    /** Asks for the counts to be made again, by whom and when, for the next {@link #recount}. */
    void askRecount(EntityManager em, String by, Instant at) {
        em.createNativeQuery("INSERT INTO oversight_recount (requested_at, requested_by) VALUES (?1, ?2)")
                .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, by).executeUpdate();
    }

    /**
     * Makes the counts again from the concerns, when asked to: reads them a thousand at a time by id,
     * with the host's records of the children whose legal status at raising was not recorded, and
     * replaces the totals and the changes already seen. Changes written meanwhile by commands (later
     * versions, or concerns not yet read) are kept, so nothing done during the count is lost.
     *
     * @return how many concerns were counted, or -1 when no one asked
     */
    long recount(EntityManager em, ChildRecords children) {
        lock(em);
        Object latest = em.createNativeQuery("SELECT MAX(requested_at) FROM oversight_recount").getSingleResult();
        if (latest == null) {
            return -1;
        }
        long started = System.nanoTime();
        Map<CountLine, Long> totals = new HashMap<>();
        String last = "";
        long counted = 0;
        while (true) {
            List<Object[]> concerns = em.createQuery(CONCERNS + " where c.id > :last order by c.id", Object[].class)
                    .setParameter("last", last).setMaxResults(CHUNK).getResultList();
            if (concerns.isEmpty()) {
                break;
            }
            List<String> ids = concerns.stream().map(r -> (String) r[0]).toList();
            String high = ids.get(ids.size() - 1);
            // each concern's rows are read in several statements: one changed between them is read again,
            // so that what is counted and the version it is counted at are the same concern's
            Map<String, Long> seen = new HashMap<>();
            Map<String, Counted> read = new HashMap<>();
            List<Object[]> rows = concerns;
            while (!rows.isEmpty()) {
                List<String> some = rows.stream().map(r -> (String) r[0]).toList();
                count(em, children, rows, read, seen);
                Map<String, Long> now = new HashMap<>();
                em.createQuery("select c.id, c.version from ConcernEntity c where c.id in :ids", Object[].class)
                        .setParameter("ids", some).getResultList().forEach(r -> now.put((String) r[0], (Long) r[1]));
                List<String> moved = some.stream().filter(id -> now.containsKey(id) && !now.get(id).equals(seen.get(id)))
                        .toList();
                rows = moved.isEmpty() ? List.of() : em.createQuery(CONCERNS + " where c.id in :ids", Object[].class)
                        .setParameter("ids", moved).getResultList();
            }
            read.values().forEach(c -> lines.of(c).forEach(line -> totals.merge(line, 1L, Long::sum)));
            // the changes these concerns' commands wrote up to the versions read are in what was counted
            List<Long> alreadyCounted = new ArrayList<>();
            for (Object[] r : em.createQuery("select o.id, o.concernId, o.concernVersion from OversightCountEntity o"
                    + " where o.concernId > :last and o.concernId <= :high", Object[].class)
                    .setParameter("last", last).setParameter("high", high).getResultList()) {
                Long version = seen.get((String) r[1]);
                if (version != null && (Long) r[2] <= version) {
                    alreadyCounted.add((Long) r[0]);
                }
            }
            delete(em, alreadyCounted);
            counted += concerns.size();
            last = high;
            em.clear();
        }
        em.createQuery("delete from OversightCountEntity o where o.concernId is null").executeUpdate();
        writeTotals(em, totals);
        em.createNativeQuery("DELETE FROM oversight_recount WHERE requested_at <= ?1").setParameter(1, latest)
                .executeUpdate();
        stamp(em);
        LOG.info("Oversight figures counted again from {} concerns into {} totals in {} ms", counted, totals.size(),
                (System.nanoTime() - started) / 1_000_000);
        return counted;
    }

    /** What a concern counts for, as the recount reads it. */
    private static final String CONCERNS = "select c.id, c.childId, c.childCohorts, c.procedureId, c.procedureVersion,"
            + " c.origin, c.raisedAt, c.status, c.endedAt, c.cafcassReferredAt, c.version, c.formalDueAt"
            + " from ConcernEntity c";

    /** Reads the reasons and stages of the concerns read, and what each counts for at the version read. */
    private void count(EntityManager em, ChildRecords children, List<Object[]> concerns, Map<String, Counted> read,
            Map<String, Long> seen) {
        List<String> ids = concerns.stream().map(r -> (String) r[0]).toList();
        Map<String, List<String>> reasons = new HashMap<>();
        em.createQuery("select c.id, r from ConcernEntity c join c.reasonCodes r where c.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> reasons.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        Map<String, List<Reached>> stages = new HashMap<>();
        em.createQuery("select s.concern.id, s.ordinal, s.stageId, s.state from StageRecordEntity s"
                + " where s.concern.id in :ids", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> stages.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new Reached((Integer) r[1], (String) r[2], (StageState) r[3])));
        Map<String, ChildRecord> unrecorded = children.children(concerns.stream().filter(r -> r[2] == null)
                .map(r -> (String) r[1]).collect(Collectors.toSet()));
        for (Object[] r : concerns) {
            ChildRecord child = unrecorded.get((String) r[1]);
            Set<Cohort> cohorts = r[2] != null ? cohorts((String) r[2]) : child == null ? Set.of() : child.cohorts();
            read.put((String) r[0], new Counted((Instant) r[6], (ConcernOrigin) r[5], cohorts,
                    new ProcedureRef((String) r[3], (String) r[4]), reasons.getOrDefault((String) r[0], List.of()),
                    Counted.furthest(stages.getOrDefault((String) r[0], List.of())), (ConcernStatus) r[7], (Instant) r[8],
                    (Instant) r[9], (Instant) r[11]));
            seen.put((String) r[0], (Long) r[10]);
        }
    }

    /** @return the legal status as the concern row keeps it */
    static String words(Set<Cohort> cohorts) {
        return cohorts.stream().map(Cohort::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Cohort> cohorts(String words) {
        if (words == null || words.isEmpty()) {
            return Set.of();
        }
        EnumSet<Cohort> out = EnumSet.noneOf(Cohort.class);
        Arrays.stream(words.split(",")).map(Cohort::valueOf).forEach(out::add);
        return out;
    }

    private static void lock(EntityManager em) {
        em.createNativeQuery("SELECT id FROM oversight_fold WHERE id = 1 FOR UPDATE").getResultList();
    }

    /** @return the list in parts of a thousand, the most a query's {@code in} list is given here */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            parts.add(all.subList(from, Math.min(from + CHUNK, all.size())));
        }
        return parts;
    }

    private static void stamp(EntityManager em) {
        em.createNativeQuery("UPDATE oversight_fold SET folded_at = CURRENT_TIMESTAMP WHERE id = 1").executeUpdate();
    }

    private static void delete(EntityManager em, List<Long> ids) {
        for (List<Long> some : chunks(ids)) {
            em.createQuery("delete from OversightCountEntity o where o.id in :ids").setParameter("ids", some)
                    .executeUpdate();
        }
    }

    private static void writeTotals(EntityManager em, Map<CountLine, Long> totals) {
        int written = 0;
        for (Map.Entry<CountLine, Long> e : totals.entrySet()) {
            if (e.getValue() != 0) {
                em.persist(new OversightCountEntity(e.getKey(), e.getValue(), null, null));
                if (++written % CHUNK == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        em.flush();
        em.clear();
    }
}
