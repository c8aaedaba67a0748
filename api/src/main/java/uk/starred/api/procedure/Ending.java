package uk.starred.api.procedure;

import java.util.List;
import java.util.Objects;

/**
 * A way a concern may end at a stage, besides being resolved, withdrawn, closed or referred, in the
 * procedure's words: "the IRO and IRO Manager decide the matter is for internal decision making only
 * and cannot be referred further by the IRO". The concern ends with status
 * status ENDED and this ending's id. Since 2.1.
 *
 * @param id        unique among its stage's endings, for example {@code INTERNAL_DECISION}
 * @param name      the ending in the procedure's words
 * @param decidedBy the roles that may decide it; empty means those the procedure lets resolve
 */
public record Ending(String id, String name, List<String> decidedBy) {

    public Ending {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
