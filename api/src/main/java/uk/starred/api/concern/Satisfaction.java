package uk.starred.api.concern;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's answer, in a stage whose procedure names whose satisfaction resolves the concern:
 * satisfied or not, and why.
 *
 * @param role      the procedure's role they answered as, for example {@code HEAD_OF_QUALITY_ASSURANCE}
 * @param by        the staff id of who answered
 * @param satisfied whether they are satisfied the concern is resolved
 * @param reasons   why, in their words; required when they are not satisfied
 * @param at        when they answered
 */
public record Satisfaction(String role, String by, boolean satisfied, String reasons, Instant at) {

    public Satisfaction {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
