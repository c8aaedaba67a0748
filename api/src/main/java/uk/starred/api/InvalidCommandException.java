package uk.starred.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command was refused because its content is wrong. Every problem found is listed, not just the
 * first, so the person can correct them all at once. Nothing was changed.
 */
public class InvalidCommandException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidCommandException(String command, List<Violation> violations) {
        super(command + " refused: " + violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid command has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** @return every problem found, in the order of the command's fields */
    public List<Violation> violations() {
        return violations;
    }
}
