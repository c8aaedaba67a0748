package uk.starred.api.host;

import java.time.Instant;
import java.util.Objects;

/**
 * An episode on the child's record in the host's case-management system, opened when a concern enters a
 * stage that names one and closed when the concern ends: seed 004's "a Formal Alert will be raised using
 * the Mosaic Episode 'Dispute Resolution (Safeguarding) Alert'". Since 1.3.
 *
 * @param id          unique and stable: delivering the same step twice carries the same id
 * @param childId     the host's id of the child
 * @param concernId   the concern it belongs to; with the type, which episode a closing closes
 * @param episodeType the procedure's episode type name
 * @param closing     {@code false} to open the episode, {@code true} to close the one opened for the concern
 *                    and type
 * @param text        what happened, in words, for the episode's record
 * @param author      the staff id of the person whose step it records
 * @param at          when the step happened
 */
public record Episode(String id, String childId, String concernId, String episodeType, boolean closing, String text,
        String author, Instant at) {

    public Episode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(concernId, "concernId");
        Objects.requireNonNull(episodeType, "episodeType");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** @return the episode as a note for a host that keeps no episodes: a case note of the episode's type */
    public CaseNote asCaseNote() {
        return new CaseNote(id, childId, episodeType, text, author, at);
    }
}
