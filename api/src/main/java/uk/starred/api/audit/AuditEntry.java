package uk.starred.api.audit;

import java.time.Instant;

/**
 * One command on one concern, as recorded.
 *
 * @param concernId    the concern
 * @param sequence     its place in the concern's trail, from 1 (the concern's version after the command, plus one)
 * @param command      the command, for example {@code escalate}
 * @param actor        the staff id of who gave it
 * @param at           when
 * @param before       the concern before, as JSON, or {@code null} for the command that raised it
 * @param after        the concern after, as JSON
 * @param previousHash the hash of the entry before, or {@code null} for the first
 * @param hash         SHA-256 over this entry's content and {@code previousHash}, in hex
 */
public record AuditEntry(String concernId, long sequence, String command, String actor, Instant at, String before,
        String after, String previousHash, String hash) {
}
