package uk.starred.core.concern;

import java.time.Instant;

import uk.starred.core.command.Checks;
import uk.starred.core.wording.ConcernWords;

/**
 * A step recorded after it happened ("the Service Manager answered by letter last week"): when it
 * happened, checked against now and the earliest it could have, and why it is recorded only now.
 */
final class Lateness {

    private Lateness() {
    }

    /**
     * Adds to {@code checks} what is wrong with when it happened and the reason given.
     *
     * @param occurredAt     when it happened, as given, or {@code null} for now
     * @param earliest       the earliest it could have happened, or {@code null} for no bound
     * @param earliestWords  what that moment is, in words ("the stage began")
     * @return when it happened, if before now; {@code null} when it happens now
     */
    static Instant check(Checks checks, Draft d, Instant occurredAt, String lateReason, Instant earliest,
            String earliestWords) {
        boolean late = occurredAt != null && occurredAt.isBefore(d.now());
        if (occurredAt != null && occurredAt.isAfter(d.now())) {
            checks.add("occurredAt", "must not be in the future");
        }
        if (late && earliest != null && occurredAt.isBefore(earliest)) {
            checks.add("occurredAt", "must not be before " + earliestWords + ", "
                    + new ConcernWords(d.ctx.calendar().zone()).when(earliest));
        }
        if (late) {
            checks.text("lateReason", lateReason, Checks.TEXT_MAX);
        } else {
            checks.optional("lateReason", lateReason, Checks.TEXT_MAX);
        }
        return late ? occurredAt : null;
    }

    /** @return what the file says of a step recorded late, after what it says of the step; empty when it was not */
    static String noted(Draft d, Instant happened, String lateReason) {
        return happened == null ? "" : " " + new ConcernWords(d.ctx.calendar().zone()).recordedLate(happened, lateReason);
    }
}
