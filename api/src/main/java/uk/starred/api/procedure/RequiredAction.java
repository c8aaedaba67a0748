package uk.starred.api.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something a stage requires to be done and recorded, with who did it and when: a meeting held, the
 * young person informed of their right to complain and to an advocate, legal advice taken, the
 * Director written to.
 *
 * @param id          the action's id within its stage, for example {@code LEGAL_ADVICE_TAKEN}
 * @param description the action in the procedure's words
 * @param byRoles     the roles any one of whom is expected to do it and may record it, besides those
 *                    who drive the concern: "facilitated by the Service Manager or the Head of Service"
 *                    (more than one since 2.2)
 * @param before      the steps it must come before: each is refused, naming the action, until it is
 *                    recorded; empty when it gates nothing
 */
public record RequiredAction(String id, String description, List<String> byRoles, Set<Gate> before) {

    public RequiredAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        byRoles = List.copyOf(byRoles);
        if (byRoles.isEmpty()) {
            throw new IllegalArgumentException("a required action names at least one role: " + id);
        }
        before = before == null ? Set.of() : Set.copyOf(before);
    }

    /** An action one role is expected to do. */
    public RequiredAction(String id, String description, String byRole, Set<Gate> before) {
        this(id, description, List.of(Objects.requireNonNull(byRole, "byRole")), before);
    }

    /** @return the first role expected to do it, as version 2.1 of this package had it */
    public String byRole() {
        return byRoles.get(0);
    }

    /** An action that gates nothing. */
    public RequiredAction(String id, String description, String byRole) {
        this(id, description, byRole, Set.of());
    }
}
