package uk.starred.impl.outbox;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/** A case note or notification waiting to be delivered to the host, or delivered. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {

    /** What the message is for. */
    public enum Kind { CASE_NOTE, NOTIFICATION, EVENT, EPISODE }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private Kind kind;

    @Column(name = "concern_id", length = 100)
    private String concernId;

    @Column(name = "child_id", nullable = false, length = 100)
    private String childId;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "claimed_by", length = 150)
    private String claimedBy;

    @Column(name = "dead_at")
    private Instant deadAt;

    protected OutboxEntity() {
        // for JPA
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String concernId() {
        return concernId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String payload() {
        return payload;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String lastError() {
        return lastError;
    }

    /** @return when it was given up as a dead letter, or {@code null} */
    public Instant deadAt() {
        return deadAt;
    }
}
