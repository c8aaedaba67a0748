package uk.starred.api;

import java.util.Objects;

/**
 * One thing wrong with a command: the field (in the command's own words, for example
 * {@code reasonCodes[2]}) and a message a person can act on.
 *
 * @param field   the command field at fault
 * @param message what was expected, in plain English
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
