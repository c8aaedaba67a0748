package uk.starred.operations;

/**
 * One thing a health check found, at its level: fine, worth a look, or failing.
 *
 * @param level how bad
 * @param text  what, for an operator; never a child's or a person's details
 */
public record Finding(Level level, String text) {

    /** How bad a finding is, as Felix Health Checks and most monitoring grade it. */
    public enum Level {
        OK, WARN, CRITICAL
    }

    static Finding ok(String text) {
        return new Finding(Level.OK, text);
    }

    static Finding warn(String text) {
        return new Finding(Level.WARN, text);
    }

    static Finding critical(String text) {
        return new Finding(Level.CRITICAL, text);
    }
}
