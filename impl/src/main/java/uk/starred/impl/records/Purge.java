package uk.starred.impl.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.audit.RetentionPurge.Outcome;

/**
 * The council's retention applied: concerns ended longer ago than their period are deleted, one to a
 * transaction, with everything written with them, each leaving a purge record; so are the review timetables of
 * children who ceased to be looked after that long ago; access log entries older than theirs likewise. A
 * concern or timetable with a message still to deliver waits for a later purge.
 */
public final class Purge {

    /** How long each kind of record is kept, in years; 0 keeps it for ever. */
    public record Settings(int endedConcernsKeptYears, int accessLogKeptYears) {
    }

    private static final int BATCH = 200;

    /** The concern's rows, children first: every table written with a concern. */
    private static final List<String> WRITTEN_WITH_A_CONCERN = List.of("stage_satisfaction", "more_time_request",
            "stage_action", "stage_record", "concern_reason", "agreed_action", "communication", "deadline", "outbox",
            "audit_entry");

    private static final String DUE = " FROM concern c WHERE c.status <> 'OPEN' AND c.ended_at < ?1 AND NOT EXISTS"
            + " (SELECT 1 FROM outbox o WHERE o.concern_id = c.id AND o.delivered_at IS NULL)";

    /** A review timetable's rows, children first; its due moments and messages are kept under the child's id. */
    private static final List<String> WRITTEN_WITH_A_TIMETABLE = List.of("looked_after_case_summary",
            "looked_after_review", "looked_after_history");

    private static final String TIMETABLE_DUE = " FROM looked_after_child t WHERE t.ceased_on IS NOT NULL"
            + " AND t.ceased_on < ?1 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.concern_id = t.child_id"
            + " AND o.delivered_at IS NULL)";

    private Purge() {
    }

    public static Outcome run(JpaTemplate jpa, Settings settings, ZoneId zone, Instant now, String by,
            boolean dryRun) {
        Instant endedBefore = before(now, zone, settings.endedConcernsKeptYears());
        Instant viewedBefore = before(now, zone, settings.accessLogKeptYears());
        int concerns = 0;
        int timetables = 0;
        if (endedBefore != null) {
            timetables = timetables(jpa, endedBefore.atZone(zone).toLocalDate(), now, by, dryRun);
            if (dryRun) {
                concerns = jpa.txExpr(TransactionType.Required, em -> count(em, "SELECT count(*)" + DUE, endedBefore));
            } else {
                concerns = inBatches(jpa, em -> ids(em, endedBefore),
                        (em, id) -> purge(em, id, endedBefore, now, by));
            }
        }
        int access = 0;
        if (viewedBefore != null) {
            access = jpa.txExpr(TransactionType.Required, em -> dryRun
                    ? count(em, "SELECT count(*) FROM access_log WHERE viewed_at < ?1", viewedBefore)
                    : em.createNativeQuery("DELETE FROM access_log WHERE viewed_at < ?1").setParameter(1, viewedBefore)
                            .executeUpdate());
        }
        return new Outcome(concerns, timetables, access, endedBefore, viewedBefore);
    }

    /** Review timetables of children who ceased to be looked after before the day, one to a transaction. */
    @SuppressWarnings("unchecked")
    private static int timetables(JpaTemplate jpa, java.time.LocalDate before, Instant now, String by,
            boolean dryRun) {
        if (dryRun) {
            return jpa.txExpr(TransactionType.Required, em -> ((Number) em.createNativeQuery("SELECT count(*)"
                    + TIMETABLE_DUE).setParameter(1, before).getSingleResult()).intValue());
        }
        return inBatches(jpa, em -> em.createNativeQuery("SELECT t.child_id" + TIMETABLE_DUE
                + " ORDER BY t.ceased_on, t.child_id").setParameter(1, before).setMaxResults(BATCH).getResultList(),
                (em, child) -> purgeTimetable(em, child, before, now, by));
    }

    private static boolean purgeTimetable(EntityManager em, String child, java.time.LocalDate before, Instant now,
            String by) {
        if (em.createNativeQuery("SELECT t.child_id" + TIMETABLE_DUE + " AND t.child_id = ?2 FOR UPDATE")
                .setParameter(1, before).setParameter(2, child).getResultList().isEmpty()) {
            return false;
        }
        em.createNativeQuery("INSERT INTO purged_timetable (id, ceased_on, history_entries, last_hash, purged_at,"
                + " purged_by) SELECT ?2, t.ceased_on, (SELECT count(*) FROM looked_after_history h WHERE h.child_id"
                + " = t.child_id), (SELECT h.hash FROM looked_after_history h WHERE h.child_id = t.child_id AND h.seq"
                + " = (SELECT max(m.seq) FROM looked_after_history m WHERE m.child_id = t.child_id)), ?3, ?4"
                + " FROM looked_after_child t WHERE t.child_id = ?1").setParameter(1, child)
                .setParameter(2, java.util.UUID.randomUUID().toString()).setParameter(3, now).setParameter(4, by)
                .executeUpdate();
        for (String table : WRITTEN_WITH_A_TIMETABLE) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE child_id = ?1").setParameter(1, child)
                    .executeUpdate();
        }
        for (String table : List.of("deadline", "outbox")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE concern_id = ?1").setParameter(1, child)
                    .executeUpdate();
        }
        em.createNativeQuery("DELETE FROM looked_after_child WHERE child_id = ?1").setParameter(1, child)
                .executeUpdate();
        return true;
    }

    /**
     * Deletes what the query finds due, a batch at a time, each record in a transaction of its own, until a batch
     * comes back short or deletes nothing (what is left was changed meanwhile, and waits for the next purge).
     *
     * @return how many records were deleted
     */
    private static int inBatches(JpaTemplate jpa, java.util.function.Function<EntityManager, List<String>> due,
            java.util.function.BiPredicate<EntityManager, String> purgeOne) {
        int purged = 0;
        List<String> batch;
        do {
            batch = jpa.txExpr(TransactionType.Required, due::apply);
            int round = 0;
            for (String id : batch) {
                if (jpa.txExpr(TransactionType.Required, em -> purgeOne.test(em, id))) {
                    round++;
                }
            }
            purged += round;
            if (round == 0) {
                break;
            }
        } while (batch.size() == BATCH);
        return purged;
    }

    private static Instant before(Instant now, ZoneId zone, int years) {
        return years <= 0 ? null : now.atZone(zone).minusYears(years).toInstant();
    }

    private static int count(EntityManager em, String sql, Instant before) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, before).getSingleResult()).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(EntityManager em, Instant before) {
        return em.createNativeQuery("SELECT c.id" + DUE + " ORDER BY c.ended_at, c.id").setParameter(1, before)
                .setMaxResults(BATCH).getResultList();
    }

    /** @return whether the concern was deleted: it is still ended before the cut, with nothing left to deliver */
    private static boolean purge(EntityManager em, String id, Instant before, Instant now, String by) {
        List<?> still = em.createNativeQuery("SELECT c.id" + DUE + " AND c.id = ?2 FOR UPDATE")
                .setParameter(1, before).setParameter(2, id).getResultList();
        if (still.isEmpty()) {
            return false;
        }
        em.createNativeQuery("INSERT INTO purge_record (concern_id, procedure_id, procedure_version, ended_at,"
                + " audit_entries, last_hash, purged_at, purged_by) SELECT c.id, c.procedure_id, c.procedure_version,"
                + " c.ended_at, (SELECT count(*) FROM audit_entry a WHERE a.concern_id = c.id), c.audit_head, ?2, ?3"
                + " FROM concern c WHERE c.id = ?1").setParameter(1, id).setParameter(2, now).setParameter(3, by)
                .executeUpdate();
        for (String table : WRITTEN_WITH_A_CONCERN) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE concern_id = ?1").setParameter(1, id).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM concern WHERE id = ?1").setParameter(1, id).executeUpdate();
        return true;
    }
}
