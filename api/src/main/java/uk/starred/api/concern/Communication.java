package uk.starred.api.concern;

import java.time.Instant;

/**
 * A communication about the concern, recorded as the procedures require ("maintain records of all
 * communication and outcome at each stage").
 *
 * @param at       when it happened
 * @param by       the staff id of who recorded it
 * @param withWhom who it was with, in words (the young person via their advocate, the Team Manager ...)
 * @param channel  how (meeting, telephone, email, letter ...)
 * @param summary  what was said or agreed
 * @param familyUpdate whether it is an update sent to the child and family (the summary is then the
 *                 update as sent); since 1.4
 * @param recordedAt when it was recorded: {@code at}, unless it was recorded late (since 1.5)
 * @param lateReason why it was recorded after it happened, or {@code null} when it was not (since 1.5)
 */
public record Communication(Instant at, String by, String withWhom, String channel, String summary,
        boolean familyUpdate, Instant recordedAt, String lateReason) {

    public Communication {
        recordedAt = recordedAt == null ? at : recordedAt;
    }

    /** A communication recorded as it happened. */
    public Communication(Instant at, String by, String withWhom, String channel, String summary,
            boolean familyUpdate) {
        this(at, by, withWhom, channel, summary, familyUpdate, at, null);
    }

    /** @return whether it was recorded after it happened */
    public boolean isRecordedLate() {
        return lateReason != null;
    }

    /** A communication that is not an update to the family. */
    public Communication(Instant at, String by, String withWhom, String channel, String summary) {
        this(at, by, withWhom, channel, summary, false);
    }
}
