package uk.starred.impl.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.outbox.OutboxBacklog;
import uk.starred.api.outbox.PendingMessage;

/** What operators see of the outbox: what waits, what was given up, how far behind delivery is. */
final class OutboxViews {

    private OutboxViews() {
    }

    static void checkLimit(String what, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidCommandException(what,
                    List.of(new Violation("limit", "must be between 1 and 1000, was " + limit)));
        }
    }

    /** @param dead only the dead letters, else every undelivered message */
    static List<PendingMessage> pending(EntityManager em, int limit, boolean dead) {
        return em.createQuery("select o from OutboxEntity o where o.deliveredAt is null"
                + (dead ? " and o.deadAt is not null" : "") + " order by o.createdAt, o.id", OutboxEntity.class)
                .setMaxResults(limit).getResultStream().map(OutboxViews::pending).toList();
    }

    private static PendingMessage pending(OutboxEntity o) {
        return new PendingMessage(o.id(), o.kind().name(), o.concernId(), o.createdAt(), o.attempts(),
                o.deadAt() == null ? o.nextAttemptAt() : null, o.lastError());
    }

    static OutboxBacklog backlog(EntityManager em, Instant now) {
        Object[] row = (Object[]) em.createQuery("select count(o), sum(case when o.deadAt is null then 0 else 1 end)"
                + " from OutboxEntity o where o.deliveredAt is null").getSingleResult();
        long undelivered = ((Number) row[0]).longValue();
        long dead = row[1] == null ? 0 : ((Number) row[1]).longValue();
        // the oldest still being tried: a dead letter waits for an operator, and is counted apart
        Instant oldest = undelivered == dead ? null : em.createQuery("select min(o.createdAt) from OutboxEntity o"
                + " where o.deliveredAt is null and o.deadAt is null", Instant.class).getSingleResult();
        Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        return new OutboxBacklog(undelivered, dead, oldest, age);
    }
}
