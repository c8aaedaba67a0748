package uk.starred.api;

/** The procedure has no stage with the id given. Nothing was changed. */
public class UnknownStageException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public UnknownStageException(String message) {
        super(message);
    }
}
