package uk.starred.impl.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/** A descriptor was refused; every problem found is listed. */
public class DescriptorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<DescriptorError> errors;

    public DescriptorException(String source, List<DescriptorError> errors) {
        super("Procedure descriptor " + source + " refused, " + errors.size() + " problem(s):\n  "
                + errors.stream().map(DescriptorError::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<DescriptorError> errors() {
        return errors;
    }
}
