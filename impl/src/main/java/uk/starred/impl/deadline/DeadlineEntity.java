package uk.starred.impl.deadline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;

/** One due moment of one concern, pending until it fires or no longer applies. */
@Entity
@Table(name = "deadline")
@IdClass(DeadlineEntity.Key.class)
public class DeadlineEntity {

    @Id
    @Column(name = "concern_id", length = 100)
    private String concernId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30)
    private DeadlineKind kind;

    @Id
    @Column(name = "item")
    private int item;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private DeadlineState state;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "fired_at")
    private Instant firedAt;

    @Column(name = "fired_by", length = 100)
    private String firedBy;

    @Column(name = "outcome", length = 2000)
    private String outcome;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected DeadlineEntity() {
        // for JPA
    }

    DeadlineEntity(String concernId, DeadlineKind kind, int item, String childId, Instant dueAt) {
        this.concernId = concernId;
        this.kind = kind;
        this.item = item;
        this.childId = childId;
        this.dueAt = dueAt;
        this.state = DeadlineState.PENDING;
    }

    public String concernId() {
        return concernId;
    }

    public DeadlineKind kind() {
        return kind;
    }

    public int item() {
        return item;
    }

    public String childId() {
        return childId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public DeadlineState state() {
        return state;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant claimedUntil() {
        return claimedUntil;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant firedAt() {
        return firedAt;
    }

    public String firedBy() {
        return firedBy;
    }

    public String outcome() {
        return outcome;
    }

    public Instant settledAt() {
        return settledAt;
    }

    /** The moment has fired: what it did, by which node. */
    public void fired(Instant at, String node, String what) {
        this.state = DeadlineState.FIRED;
        this.firedAt = at;
        this.firedBy = node;
        this.outcome = what.length() > 2000 ? what.substring(0, 2000) : what;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    /** What it waited for happened first (the stage moved on, the action was done): it will not fire. */

    /** Firing failed: it stays pending and is tried again after the wait. */
    public void failed(String error, Instant retryAt) {
        this.attempts++;
        this.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        this.claimedBy = null;
        this.claimedUntil = retryAt;
    }

    public Key key() {
        return new Key(concernId, kind, item);
    }

    /** The deadline's identity: its concern, kind and item. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String concernId;
        private DeadlineKind kind;
        private int item;

        public Key() {
        }

        public Key(String concernId, DeadlineKind kind, int item) {
            this.concernId = concernId;
            this.kind = kind;
            this.item = item;
        }

        public String concernId() {
            return concernId;
        }

        public DeadlineKind kind() {
            return kind;
        }

        public int item() {
            return item;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.concernId.equals(concernId) && k.kind == kind && k.item == item;
        }

        @Override
        public int hashCode() {
            return Objects.hash(concernId, kind, item);
        }

        @Override
        public String toString() {
            return concernId + "/" + kind + "/" + item;
        }
    }
}
