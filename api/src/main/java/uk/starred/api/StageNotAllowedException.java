package uk.starred.api;

/** The stage exists, but the procedure does not allow moving to it from where the concern is: it may not be entered directly, a stage in between may not be bypassed, or it lies behind the current stage. Nothing was changed. */
public class StageNotAllowedException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public StageNotAllowedException(String message) {
        super(message);
    }
}
