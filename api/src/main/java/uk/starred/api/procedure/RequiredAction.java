package uk.starred.api.procedure;

import java.util.Objects;
import java.util.Set;

/**
 * Something a stage requires to be done and recorded, with who did it and when: a meeting held, the
 * young person informed of their right to complain and to an advocate, legal advice taken, the
 * Director written to.
 *
 * @param id          the action's id within its stage, for example {@code LEGAL_ADVICE_TAKEN}
 * @param description the action in the procedure's words
 * @param byRole      the role expected to do it (and allowed to record it, besides those who drive
 *                    the concern)
 * @param before      the steps it must come before: each is refused, naming the action, until it is
 *                    recorded; empty when it gates nothing
 */
public record RequiredAction(String id, String description, String byRole, Set<Gate> before) {

    public RequiredAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(byRole, "byRole");
        before = before == null ? Set.of() : Set.copyOf(before);
    }

    /** An action that gates nothing. */
    public RequiredAction(String id, String description, String byRole) {
        this(id, description, byRole, Set.of());
    }
}
