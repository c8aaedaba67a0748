package uk.starred.api;

/** No procedure with the id and version given is installed, or the procedure does not serve this child (a child protection procedure for a child who is only looked after). Nothing was changed. */
public class UnknownProcedureException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public UnknownProcedureException(String message) {
        super(message);
    }
}
