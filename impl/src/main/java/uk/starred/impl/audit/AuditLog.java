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

    /** Appends the entry for a command, in the command's transaction, after the concern was flushed. */
    public static void append(EntityManager em, String command, String actor, Instant at, Concern before,
            Concern after) {
        long sequence = after.version() + 1;
        String previousHash = null;
        if (sequence > 1) {
            AuditEntryEntity previous = last(em, after.id().toString());
            if (previous == null || previous.sequence() != sequence - 1) {
                throw new IllegalStateException("audit trail of concern " + after.id() + " does not end at entry "
                        + (sequence - 1) + "; run the audit verification");
            }
            previousHash = previous.hash();
        }
        em.persist(new AuditEntryEntity(after.id().toString(), sequence, after.childId(), command, actor, at,
                before == null ? null : Json.write(before), Json.write(after), previousHash));
    }

    public static List<AuditEntry> entries(EntityManager em, String concernId) {
        return rows(em, concernId).stream().map(AuditEntryEntity::toEntry).toList();
    }

    /**
     * Checks one concern's trail: numbered from 1 without gaps, each hash right, each linked to the
     * one before, and the last recording the concern as it is stored now.
     */
    public static List<String> verify(EntityManager em, String concernId, Concern current) {
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
                } else if (!last.after().equals(Json.write(current))) {
                    problems.add("concern " + concernId + ": as stored differs from the last audit entry; it was"
                            + " changed outside Starred");
                }
            }
        }
        return problems;
    }

    public static AuditVerification summary(int concerns, long entries, List<String> problems) {
        return new AuditVerification(concerns, entries, problems);
    }

    private static AuditEntryEntity last(EntityManager em, String concernId) {
        List<AuditEntryEntity> rows = em.createQuery(
                "select a from AuditEntryEntity a where a.concernId = :c order by a.sequence desc", AuditEntryEntity.class)
                .setParameter("c", concernId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<AuditEntryEntity> rows(EntityManager em, String concernId) {
        return em.createQuery("select a from AuditEntryEntity a where a.concernId = :c order by a.sequence",
                AuditEntryEntity.class).setParameter("c", concernId).getResultList();
    }
}
