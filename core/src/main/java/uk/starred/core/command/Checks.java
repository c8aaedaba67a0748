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
        String wrong = characterProblem(value);
        if (wrong != null) {
            violations.add(new Violation(field, "holds " + wrong));
            return false;
        }
        return true;
    }

    /**
     * What no text Starred keeps may hold: a control character other than a tab or a line break (a NUL
     * among them, which a database refuses), or half of a character (a lone surrogate).
     *
     * @return what the text holds that it may not, in words, or {@code null} when nothing
     */
    public static String characterProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return "a control character (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "half of a character (a lone surrogate) at position " + (i + 1);
            }
        }
        return null;
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
