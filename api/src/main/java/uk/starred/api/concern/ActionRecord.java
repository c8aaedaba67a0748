package uk.starred.api.concern;

import java.time.Instant;

/**
 * A required action of a stage, recorded as done.
 *
 * @param actionId the required action's id in the procedure
 * @param doneBy   the staff id of who did it
 * @param doneAt   when it was recorded
 * @param note     what was done, in the recorder's words
 */
public record ActionRecord(String actionId, String doneBy, Instant doneAt, String note) {
}
