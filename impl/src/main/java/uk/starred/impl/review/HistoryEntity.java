package uk.starred.impl.review;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import uk.starred.api.review.HistoryEntry;
import uk.starred.impl.json.Hashes;

/** One entry of a child's review timetable history: append-only. */
@Entity
@Table(name = "looked_after_history")
@IdClass(HistoryEntity.Key.class)
public class HistoryEntity {

    @Id
    @Column(name = "child_id", length = 100)
    private String childId;

    @Id
    @Column(name = "seq")
    private int seq;

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Column(name = "what", nullable = false, length = 100)
    private String what;

    @Column(name = "detail", nullable = false, length = 4000)
    private String detail;

    /** The timetable as the entry left it, as JSON; {@code null} for an entry written before the chain began. */
    @Column(name = "timetable_after")
    private String timetableAfter;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(name = "hash", length = 64)
    private String hash;

    protected HistoryEntity() {
        // for JPA
    }

    /**
     * @param timetableAfter the timetable as the change left it, as JSON
     * @param previousHash   the hash of the entry before, or {@code null} for the first in the chain
     */
    HistoryEntity(String childId, int seq, Instant at, String actor, String what, String detail, String timetableAfter,
            String previousHash) {
        this.childId = childId;
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.what = what;
        this.detail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        this.timetableAfter = timetableAfter;
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** @return the hash of the entry's content and of the entry before it */
    String computeHash() {
        return Hashes.sha256(String.join("\n", childId, Integer.toString(seq), at.toString(), actor, what, detail,
                timetableAfter == null ? "" : timetableAfter, previousHash == null ? "" : previousHash));
    }

    int seq() {
        return seq;
    }

    String hash() {
        return hash;
    }

    String previousHash() {
        return previousHash;
    }

    String timetableAfter() {
        return timetableAfter;
    }

    public HistoryEntry toEntry() {
        return new HistoryEntry(seq, at, actor, what, detail);
    }

    /** The entry's identity: the child and its place. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String childId;
        private int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.childId.equals(childId) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(childId, seq);
        }
    }
}
