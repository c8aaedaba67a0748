package uk.starred.api;

/** The record a command names does not exist (or is not visible to the caller). Nothing was changed. */
public class NotFoundException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
