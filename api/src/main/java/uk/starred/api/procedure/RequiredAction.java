package uk.starred.api.procedure;

import java.util.Objects;

/**
 * Something a stage requires to be done and recorded, with who did it and when: a meeting held, the
 * young person informed of their right to complain and to an advocate, legal advice taken, the
 * Director written to.
 *
 * @param id          the action's id within its stage, for example {@code LEGAL_ADVICE_TAKEN}
 * @param description the action in the procedure's words
 * @param byRole      the role expected to do it (and allowed to record it, besides the IRO)
 */
public record RequiredAction(String id, String description, String byRole) {

    public RequiredAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(byRole, "byRole");
    }
}
