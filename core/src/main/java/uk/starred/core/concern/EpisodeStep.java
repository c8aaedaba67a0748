package uk.starred.core.concern;

/**
 * An episode the host opens or closes on the child's record because of a change: a stage that names one
 * entered, or the concern ended with one open.
 *
 * @param type    the procedure's episode type name
 * @param closing whether it closes the episode opened for the concern and type
 * @param text    what happened, in words, for the episode's record
 */
public record EpisodeStep(String type, boolean closing, String text) {
}
