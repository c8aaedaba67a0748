package uk.starred.api.procedure;

import java.util.List;
import java.util.Objects;

/**
 * Whose satisfaction resolves a concern at a stage: "resolved only if the IRO and the Head of Quality
 * Assurance are both satisfied". Each of them records whether they are satisfied, with reasons; the
 * concern is resolved when the last answer needed says so, and not before, whoever asks.
 *
 * @param allOf whether every role must be satisfied ({@code allOf}), or any one of them ({@code anyOf})
 * @param roles the roles whose satisfaction counts
 */
public record SatisfiedBy(boolean allOf, List<String> roles) {

    public SatisfiedBy {
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
    }
}
