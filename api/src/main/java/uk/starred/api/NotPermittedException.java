package uk.starred.api;

/** The caller does not hold the right the command needs for this child. The message names the right and the roles that hold it, for example "only the child's IRO or CPC may escalate a concern (you hold: TEAM_MANAGER)". Nothing was changed. */
public class NotPermittedException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
