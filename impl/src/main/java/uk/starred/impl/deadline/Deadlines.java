package uk.starred.impl.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.impl.store.Writes;

/**
 * Keeps a concern's stored due moments in step with the concern, in the transaction of every change
 * to it: moments it now has are added, moved ones moved, and those it no longer has cancelled (or,
 * when already fired, marked dealt with). When each moment falls is the core's rule
 * ({@link DueMoments}); this class only stores it.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** @return every due moment the concern has now, keyed as stored */
    public static Map<DeadlineEntity.Key, Instant> of(Concern c, WorkingCalendar calendar) {
        return keyed(c.id().toString(), DueMoments.of(c, calendar));
    }

    /** @return the subject's due moments with their keys as stored */
    public static Map<DeadlineEntity.Key, Instant> keyed(String subjectId, Map<DueKey, Instant> due) {
        Map<DeadlineEntity.Key, Instant> keyed = new LinkedHashMap<>();
        due.forEach((key, at) -> keyed.put(new DeadlineEntity.Key(subjectId, key.kind(), key.item()), at));
        return keyed;
    }

    /**
     * Brings the stored moments of the concern in line with what it has now.
     *
     * @param raised whether the concern is being raised, so has no moments stored yet to read
     */
    public static void reconcile(EntityManager em, Concern c, boolean raised, WorkingCalendar calendar, Instant now) {
        String id = c.id().toString();
        reconcile(em, raised ? List.of() : stored(em, id), c.childId(), false, of(c, calendar), now);
    }

    /**
     * Brings the stored moments of one subject (a concern, or a child's review timetable) in line
     * with those it has now.
     *
     * @param reviewTimetable whether the subject is a child's review timetable
     * @param wanted          every moment the subject has now, by key
     */
    public static void reconcile(EntityManager em, String subjectId, String childId, boolean reviewTimetable,
            Map<DeadlineEntity.Key, Instant> wanted, Instant now) {
        reconcile(em, stored(em, subjectId), childId, reviewTimetable, wanted, now);
    }

    /**
     * The subject's stored moments. Those already read in this transaction come back as they are in
     * memory, so the change need not be written first: no flush before the query.
     */
    private static List<DeadlineEntity> stored(EntityManager em, String subjectId) {
        return em.createQuery("select d from DeadlineEntity d where d.concernId = :id", DeadlineEntity.class)
                .setParameter("id", subjectId).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    private static void reconcile(EntityManager em, List<DeadlineEntity> stored, String childId,
            boolean reviewTimetable, Map<DeadlineEntity.Key, Instant> wanted, Instant now) {
        Map<DeadlineEntity.Key, Instant> left = new LinkedHashMap<>(wanted);
        for (DeadlineEntity d : stored) {
            if (d.kind().ofReviewTimetable() != reviewTimetable) {
                continue;
            }
            Instant want = left.remove(d.key());
            if (d.state() == DeadlineState.PENDING) {
                if (want == null) {
                    d.cancel(now);
                } else if (!want.equals(d.dueAt())) {
                    d.moveTo(want);
                }
            } else if (d.state() == DeadlineState.FIRED && want == null && d.settledAt() == null) {
                d.settle(now);
            } else if (d.state() == DeadlineState.CANCELLED && want != null) {
                // the subject has the moment again: a cancelled row left as it was would never fire
                d.reopen(want);
            }
        }
        left.forEach((key, at) -> em.persist(new DeadlineEntity(key.concernId(), key.kind(), key.item(), childId, at)));
    }

    /**
     * Marks a moment fired among a change's writes, as {@link DeadlineEntity#fired} and, when the
     * rule dealt with its matter, {@link DeadlineEntity#settle} would.
     *
     * @param settled when its matter was dealt with, or {@code null}
     */
    public static void fired(Writes writes, DeadlineEntity.Key key, Instant at, String node, String outcome,
            Instant settled) {
        writes.add("UPDATE deadline SET state = 'FIRED', fired_at = ?, fired_by = ?, outcome = ?, claimed_by = NULL,"
                + " claimed_until = NULL, settled_at = ? WHERE concern_id = ? AND kind = ? AND item = ?", at, node,
                outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome, Writes.maybe(settled, Instant.class),
                key.concernId(), key.kind().name(), key.item());
    }

    /** A due moment as stored, as far as keeping it in step needs it. */
    public record Stored(DeadlineKind kind, int item, DeadlineState state, Instant dueAt, Instant settledAt) {
    }

    /**
     * Brings the stored moments of one subject in line with those it has now, as statements added to
     * the change's writes rather than through the entities: moments no longer wanted are cancelled
     * (or, when already fired, marked dealt with), moved ones moved, cancelled ones wanted again
     * reopened, and new ones inserted.
     *
     * @param stored the subject's moments as stored, read with it
     * @param wanted every moment the subject has now
     */
    public static void reconcile(Writes writes, String subjectId, String childId, Collection<Stored> stored,
            Map<DueKey, Instant> wanted, Instant now) {
        Map<DueKey, Instant> left = new LinkedHashMap<>(wanted);
        for (Stored d : stored) {
            DueKey key = new DueKey(d.kind(), d.item());
            Instant want = left.remove(key);
            if (d.state() == DeadlineState.PENDING) {
                if (want == null) {
                    writes.add("UPDATE deadline SET state = 'CANCELLED', settled_at = ?, claimed_by = NULL,"
                            + " claimed_until = NULL WHERE concern_id = ? AND kind = ? AND item = ?", now, subjectId,
                            d.kind().name(), d.item());
                } else if (!want.equals(d.dueAt())) {
                    writes.add("UPDATE deadline SET due_at = ? WHERE concern_id = ? AND kind = ? AND item = ?", want,
                            subjectId, d.kind().name(), d.item());
                }
            } else if (d.state() == DeadlineState.FIRED && want == null && d.settledAt() == null) {
                writes.add("UPDATE deadline SET settled_at = ? WHERE concern_id = ? AND kind = ? AND item = ?", now,
                        subjectId, d.kind().name(), d.item());
            } else if (d.state() == DeadlineState.CANCELLED && want != null) {
                // the subject has the moment again: a cancelled row left as it was would never fire
                writes.add("UPDATE deadline SET state = 'PENDING', due_at = ?, settled_at = NULL, attempts = 0,"
                        + " last_error = NULL, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE concern_id = ? AND kind = ? AND item = ?", want, subjectId, d.kind().name(), d.item());
            }
        }
        left.forEach((key, at) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("concern_id", subjectId);
            row.put("kind", key.kind().name());
            row.put("item", key.item());
            row.put("child_id", childId);
            row.put("due_at", at);
            row.put("state", DeadlineState.PENDING.name());
            row.put("attempts", 0);
            writes.insert("deadline", row);
        });
    }
}
