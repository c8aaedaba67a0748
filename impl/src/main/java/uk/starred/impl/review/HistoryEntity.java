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

    protected HistoryEntity() {
        // for JPA
    }

    HistoryEntity(String childId, int seq, Instant at, String actor, String what, String detail) {
        this.childId = childId;
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.what = what;
        this.detail = detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    }

    HistoryEntry toEntry() {
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
