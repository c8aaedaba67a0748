package uk.starred.api;

/**
 * A command Starred refused. Nothing was changed. Each kind of refusal has its own subclass, so a
 * caller (or the REST layer) can tell "you may not" from "that is wrong" from "someone got there
 * first"; the message always names what was wrong in words a person can act on.
 */
public abstract class CommandRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CommandRefusedException(String message) {
        super(message);
    }
}
