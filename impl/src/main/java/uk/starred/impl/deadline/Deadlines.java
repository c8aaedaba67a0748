package uk.starred.impl.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.impl.store.Writes;

/**
 * Keeps a subject's stored due moments (a concern's, a child's review timetable's) in step with it,
 * among the writes of every change to it: moments it now has are added, moved ones moved, and those
 * it no longer has cancelled (or, when already fired, marked dealt with). When each moment falls is
 * the core's rule ({@link uk.starred.core.deadline.DueMoments}); this class only stores it.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * The subject's stored moments (a concern's, or a child's review timetable's). Those already read
     * in this transaction come back as they are in memory, so a change to them need not be written
     * first: no flush before the query.
     */
    public static List<Stored> stored(EntityManager em, String subjectId) {
        return em.createQuery("select d from DeadlineEntity d where d.concernId = :id", DeadlineEntity.class)
                .setParameter("id", subjectId).setFlushMode(FlushModeType.COMMIT).getResultStream()
                .map(d -> new Stored(d.kind(), d.item(), d.state(), d.dueAt(), d.settledAt())).toList();
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
            } else if (d.state() == DeadlineState.FIRED && want != null && want.isAfter(d.dueAt())) {
                // more time granted after the moment fired: the stage is due again, later
                writes.add("UPDATE deadline SET state = 'PENDING', due_at = ?, settled_at = NULL, fired_at = NULL,"
                        + " fired_by = NULL, outcome = NULL, attempts = 0, last_error = NULL, claimed_by = NULL,"
                        + " claimed_until = NULL WHERE concern_id = ? AND kind = ? AND item = ?", want, subjectId,
                        d.kind().name(), d.item());
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
