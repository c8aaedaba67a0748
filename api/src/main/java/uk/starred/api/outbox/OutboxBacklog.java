package uk.starred.api.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far delivery to the host is behind: what an operator watches, and what the health check and the
 * metrics report. Nothing in it names a child.
 *
 * @param undelivered           messages written and not yet delivered, dead letters among them
 * @param deadLetters           messages given up after their attempts ran out, waiting for an operator
 * @param oldestUndeliveredAt   when the oldest undelivered message still being tried (not a dead letter) was
 *                              written, or {@code null} when none is
 * @param oldestUndeliveredAge  how long it has waited; zero when none is
 * @since 1.1
 */
public record OutboxBacklog(long undelivered, long deadLetters, Instant oldestUndeliveredAt,
        Duration oldestUndeliveredAge) {

    public OutboxBacklog {
        Objects.requireNonNull(oldestUndeliveredAge, "oldestUndeliveredAge");
    }
}
