package uk.starred.api.concern;

/**
 * One line of a figure: how many, of what.
 *
 * @param key   a stable key (a reason code, {@code procedureId/stageId}, a status)
 * @param label the words to show
 * @param count how many
 */
public record Count(String key, String label, long count) {
}
