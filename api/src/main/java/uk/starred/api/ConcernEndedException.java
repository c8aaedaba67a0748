package uk.starred.api;

/** The concern has ended (resolved, withdrawn, referred to CAFCASS or closed), so it can no longer change. Nothing was changed. */
public class ConcernEndedException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public ConcernEndedException(String message) {
        super(message);
    }
}
