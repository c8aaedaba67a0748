package uk.starred.api.operations;

/**
 * Open concerns waiting at one stage of one procedure.
 *
 * @param procedure the procedure's id (all its versions together)
 * @param stage     the stage's id
 * @param open      how many open concerns are at the stage
 * @param overdue   how many of them are past the stage's due moment
 */
public record StageCount(String procedure, String stage, long open, long overdue) {
}
