package uk.starred.impl.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.AuditVerification;
import uk.starred.api.concern.Concern;
import uk.starred.impl.json.Json;

/**
 * Appends to and verifies the audit trail. A concern's trail has one entry per command, numbered
 * from 1; entry {@code n} records the concern at version {@code n - 1}, so the trail's end must match
 * the concern as stored. The primary key (concern, number) means two commands can never both
 * append the same entry: the optimistic lock on the concern already lets only one of them commit.
 */
public final class AuditLog {

    private AuditLog() {
    }

    /**
     * The entry for a command, for the command's transaction to store.
     *
     * @param head  the hash of the trail's last entry as the concern records it; {@code null} for a new concern
     * @param after the concern as the command leaves it, at the version it is written with
     * @return the entry; its hash is the trail's head from then on, to record on the concern
     */
    public static AuditEntryEntity entry(String command, String actor, Instant at, Concern before, Concern after,
            String head) {
        long sequence = after.version() + 1;
        if (sequence > 1 && head == null) {
            throw new IllegalStateException("concern " + after.id() + " does not record the end of its audit trail"
                    + " (entry " + (sequence - 1) + "); run the audit verification");
        }
        return new AuditEntryEntity(after.id().toString(), sequence, after.childId(), command, actor, at,
                before == null ? null : Json.write(before), Json.write(after), sequence > 1 ? head : null);
    }

    public static List<AuditEntry> entries(EntityManager em, String concernId) {
        return rows(em, concernId).stream().map(AuditEntryEntity::toEntry).toList();
    }

    /** @return the child the concern's trail is about, or {@code null} when it has no trail */
    public static String childOf(EntityManager em, String concernId) {
        List<?> child = em.createNativeQuery("SELECT child_id FROM audit_entry WHERE concern_id = ?1 AND seq = 1")
                .setParameter(1, concernId).getResultList();
        return child.isEmpty() ? null : (String) child.get(0);
    }

    /**
     * Checks one concern's trail: numbered from 1 without gaps, each hash right, each linked to the
     * one before, and the last recording the concern as it is stored now and being the one the
     * concern records as its trail's end.
     *
     * @param head the hash of the trail's last entry as the concern records it
     */
    public static List<String> verify(EntityManager em, String concernId, Concern current, String head) {
        List<String> problems = new ArrayList<>();
        List<AuditEntryEntity> rows = rows(em, concernId);
        String previousHash = null;
        long expected = 1;
        for (AuditEntryEntity row : rows) {
            String where = "concern " + concernId + " audit entry " + row.sequence();
            if (row.sequence() != expected) {
                problems.add(where + ": expected entry " + expected + " here; an entry is missing");
                expected = row.sequence();
            }
            if (!row.computeHash().equals(row.hash())) {
                problems.add(where + ": its content does not match its hash; it was edited");
            }
            if (!java.util.Objects.equals(previousHash, row.previousHash())) {
                problems.add(where + ": it does not link to the entry before it");
            }
            previousHash = row.hash();
            expected++;
        }
        if (current == null) {
            if (!rows.isEmpty()) {
                problems.add("concern " + concernId + ": has an audit trail but is missing from the store; it was"
                        + " deleted outside Starred");
            }
        } else {
            if (rows.isEmpty()) {
                problems.add("concern " + concernId + ": has no audit trail");
            } else {
                AuditEntryEntity last = rows.get(rows.size() - 1);
                if (last.sequence() != current.version() + 1) {
                    problems.add("concern " + concernId + ": is at version " + current.version()
                            + " but its trail ends at entry " + last.sequence() + "; entries are missing");
                } else if (!sameConcern(last.after(), current)) {
                    problems.add("concern " + concernId + ": as stored differs from the last audit entry; it was"
                            + " changed outside Starred");
                } else if (!last.hash().equals(head)) {
                    problems.add("concern " + concernId + ": records a different end of its audit trail than its"
                            + " last entry " + last.sequence() + "; the trail or the concern was changed outside"
                            + " Starred");
                }
            }
        }
        return problems;
    }

    /**
     * Whether the entry's text is the concern as stored: the same text, or, for an entry written before
     * the record gained a field, the same concern once read back.
     */
    private static boolean sameConcern(String entry, Concern current) {
        return entry.equals(Json.write(current)) || Json.read(entry, Concern.class).equals(current);
    }

    public static AuditVerification summary(int concerns, long entries, List<String> problems) {
        return new AuditVerification(concerns, entries, problems);
    }

    private static List<AuditEntryEntity> rows(EntityManager em, String concernId) {
        return em.createQuery("select a from AuditEntryEntity a where a.concernId = :c order by a.sequence",
                AuditEntryEntity.class).setParameter("c", concernId).getResultList();
    }
}
