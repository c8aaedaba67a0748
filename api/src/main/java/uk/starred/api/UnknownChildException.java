package uk.starred.api;

/** The host platform has no child record with the id given. Nothing was changed. */
public class UnknownChildException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public UnknownChildException(String message) {
        super(message);
    }
}
