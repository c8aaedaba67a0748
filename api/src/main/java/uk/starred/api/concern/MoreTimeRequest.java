package uk.starred.api.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request for more time at a stage, with its explanation, and the decision on it. Since 1.4.
 *
 * @param number       its number within the concern, from 1
 * @param stageOrdinal the ordinal of the stage record it was asked in
 * @param requestedBy  the staff id of who asked
 * @param requestedAt  when they asked
 * @param explanation  why more time is needed, in their words
 * @param until        the day they asked for: the stage would be due by the end of it
 * @param granted      whether it was granted; {@code null} while undecided
 * @param decidedBy    the staff id of who decided, or {@code null} while undecided
 * @param decidedAt    when it was decided, or {@code null} while undecided
 * @param reasons      the reasons given with the decision (required for a refusal), or {@code null}
 */
public record MoreTimeRequest(int number, int stageOrdinal, String requestedBy, Instant requestedAt,
        String explanation, LocalDate until, Boolean granted, String decidedBy, Instant decidedAt, String reasons) {

    public MoreTimeRequest {
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(until, "until");
    }

    /** @return whether it waits for a decision */
    public boolean pending() {
        return granted == null;
    }
}
