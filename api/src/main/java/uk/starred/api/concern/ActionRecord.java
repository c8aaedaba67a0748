package uk.starred.api.concern;

import java.time.Instant;

/**
 * A required action of a stage, recorded as done.
 *
 * @param actionId the required action's id in the procedure
 * @param doneBy   the staff id of who did it
 * @param doneAt   when it was recorded
 * @param note     what was done, in the recorder's words
 * @param occurredAt when it happened: when it was recorded, unless it was recorded late
 * @param lateReason why it was recorded after it happened, or {@code null} when it was not
 */
public record ActionRecord(String actionId, String doneBy, Instant doneAt, String note, Instant occurredAt,
        String lateReason) {

    public ActionRecord {
        occurredAt = occurredAt == null ? doneAt : occurredAt;
    }

    /** An action recorded as it happened. */
    public ActionRecord(String actionId, String doneBy, Instant doneAt, String note) {
        this(actionId, doneBy, doneAt, note, doneAt, null);
    }

    /** @return whether it was recorded after it happened */
    public boolean recordedLate() {
        return lateReason != null;
    }
}
