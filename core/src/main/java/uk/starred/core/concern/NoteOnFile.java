package uk.starred.core.concern;

/**
 * A case note to write on the child's file.
 *
 * @param type the case-note type the procedure names for the event ("IRO or CPC Oversight")
 * @param text what it says
 */
public record NoteOnFile(String type, String text) {
}
