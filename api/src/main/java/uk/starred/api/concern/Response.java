package uk.starred.api.concern;

import java.time.Instant;

/**
 * A manager's response in a stage.
 *
 * @param kind    agree, disagree, no remit, or agreement deemed from silence
 * @param reasons the reasons given (required for a disagreement)
 * @param by      the staff id of who responded, or {@code null} for a deemed agreement
 * @param at      when it was given
 * @param recordedAt when it was recorded: {@code at}, unless it was recorded late (since 1.5)
 * @param lateReason why it was recorded after it was given, or {@code null} when it was not (since 1.5)
 */
public record Response(ResponseKind kind, String reasons, String by, Instant at, Instant recordedAt,
        String lateReason) {

    public Response {
        recordedAt = recordedAt == null ? at : recordedAt;
    }

    /** A response recorded as it was given. */
    public Response(ResponseKind kind, String reasons, String by, Instant at) {
        this(kind, reasons, by, at, at, null);
    }

    /** @return whether it was recorded after it was given */
    public boolean isRecordedLate() {
        return lateReason != null;
    }
}
