package uk.starred.api.outbox;

import java.time.Instant;

/**
 * A case note or notification not yet delivered to the host.
 *
 * @param id            the message id the host sees
 * @param kind          {@code CASE_NOTE} or {@code NOTIFICATION}
 * @param concernId     the concern it is about, or {@code null} for the child's review timetable
 * @param createdAt     when the change that caused it was made
 * @param attempts      how many deliveries have failed
 * @param nextAttemptAt when it will be tried next; {@code null} for a dead letter, tried again only when an
 *                      operator says so
 * @param lastError     why the last delivery failed, or {@code null}
 */
public record PendingMessage(String id, String kind, String concernId, Instant createdAt, int attempts,
        Instant nextAttemptAt, String lastError) {
}
