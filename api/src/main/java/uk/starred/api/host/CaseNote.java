package uk.starred.api.host;

import java.time.Instant;
import java.util.Objects;

/**
 * A note for the child's file.
 *
 * @param id       unique and stable: delivering the same note twice carries the same id
 * @param childId  the host's id of the child
 * @param noteType the procedure's case-note type name, for example {@code Informal Safeguarding Alert}
 * @param text     the note
 * @param author   the staff id of the person whose action it records
 * @param at       when the recorded step happened
 */
public record CaseNote(String id, String childId, String noteType, String text, String author, Instant at) {

    public CaseNote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(noteType, "noteType");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
