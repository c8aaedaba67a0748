package uk.starred.core.command;

import java.util.ArrayList;
import java.util.List;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;

/**
 * The field checks every command shares. The limits match the columns the engine stores, so that the
 * database never refuses what passes here; every problem of a command is listed at once.
 */
public final class Checks {

    /** An id: a staff id, a child's id, a stage's or action's id. */
    public static final int ID_MAX = 100;
    /** A text someone wrote: a description, reasons, a note. */
    public static final int TEXT_MAX = 4000;
    /** A short text: with whom a communication was. */
    public static final int SHORT_MAX = 300;
    /** How a concern was resolved, or why it was withdrawn or closed. */
    public static final int ENDING_MAX = 2000;

    private final String command;
    private final List<Violation> violations = new ArrayList<>();

    /** @param command the command in words, for the refusal ("Raise concern") */
    public Checks(String command) {
        this.command = command;
    }

    /** A required text, at most {@code max} characters. @return whether it passed */
    public boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        return optional(field, value, max);
    }

    /** An optional text, at most {@code max} characters. @return whether it passed */
    public boolean optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "is " + value.length() + " characters long; at most " + max
                    + " are kept"));
            return false;
        }
        return true;
    }

    public void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    public void require(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
    }

    /** @throws InvalidCommandException listing every violation, when there is any */
    public void done() {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(command, violations);
        }
    }

    /** @throws InvalidCommandException with the one violation */
    public static void single(String command, String field, String message) {
        throw new InvalidCommandException(command, List.of(new Violation(field, message)));
    }
}
