package uk.starred.impl.concern;

import java.util.ArrayList;
import java.util.List;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;

/** Field checks shared by the commands; the limits match the columns, so the database never refuses what passes. */
final class Checks {

    static final int ID_MAX = 100;
    static final int TEXT_MAX = 4000;
    static final int SHORT_MAX = 300;

    private final String command;
    private final List<Violation> violations = new ArrayList<>();

    Checks(String command) {
        this.command = command;
    }

    /** A required text, at most {@code max} characters. @return whether it passed */
    boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        return optional(field, value, max);
    }

    /** An optional text, at most {@code max} characters. @return whether it passed */
    boolean optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "is " + value.length() + " characters long; at most " + max
                    + " are kept"));
            return false;
        }
        return true;
    }

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    void require(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
    }

    /** @throws InvalidCommandException listing every violation, when there is any */
    void done() {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(command, violations);
        }
    }

    static void single(String command, String field, String message) {
        throw new InvalidCommandException(command, List.of(new Violation(field, message)));
    }
}
