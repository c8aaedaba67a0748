package uk.starred.impl.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import uk.starred.api.audit.AuditEntry;
import uk.starred.impl.audit.AuditEntryEntity;
import uk.starred.impl.json.Hashes;
import uk.starred.impl.store.Writes;

/** One row of the append-only audit trail. Never updated or deleted by Starred. */
@Entity
@Table(name = "audit_entry")
@IdClass(AuditEntryEntity.Key.class)
public class AuditEntryEntity {

    @Id
    @Column(name = "concern_id", length = 36)
    private String concernId;

    @Id
    @Column(name = "seq")
    private long sequence;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Column(name = "command", nullable = false, length = 60)
    private String command;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(name = "before_state")
    private String before;

    @Column(name = "after_state", nullable = false)
    private String after;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEntryEntity() {
        // for JPA
    }

    AuditEntryEntity(String concernId, long sequence, String childId, String command, String actor, Instant at,
            String before, String after, String previousHash) {
        this.concernId = concernId;
        this.sequence = sequence;
        this.childId = childId;
        this.command = command;
        this.actor = actor;
        this.at = at;
        this.before = before;
        this.after = after;
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** Adds the entry's row to the writes of the change it records. */
    public void writeTo(Writes writes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("concern_id", concernId);
        row.put("seq", sequence);
        row.put("child_id", childId);
        row.put("command", command);
        row.put("actor", actor);
        row.put("happened_at", at);
        row.put("before_state", Writes.maybe(before, String.class));
        row.put("after_state", after);
        row.put("previous_hash", Writes.maybe(previousHash, String.class));
        row.put("hash", hash);
        writes.insert("audit_entry", row);
    }

    /** The hash over everything the entry says and the hash of the entry before it. */
    String computeHash() {
        return Hashes.sha256(String.join("\n", concernId, Long.toString(sequence), childId, command, actor,
                at.toString(), before == null ? "" : before, after, previousHash == null ? "" : previousHash));
    }

    long sequence() {
        return sequence;
    }

    /** @return the hash over the entry and the one before it: the trail's head once it is appended */
    public String hash() {
        return hash;
    }

    String previousHash() {
        return previousHash;
    }

    String after() {
        return after;
    }

    AuditEntry toEntry() {
        return new AuditEntry(concernId, sequence, command, actor, at, before, after, previousHash, hash);
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String concernId;
        private long sequence;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sequence == k.sequence && Objects.equals(concernId, k.concernId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(concernId, sequence);
        }
    }
}
