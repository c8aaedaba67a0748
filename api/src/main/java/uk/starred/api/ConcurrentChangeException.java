package uk.starred.api;

/**
 * Someone else changed the record after the caller read it. The caller's command was not applied;
 * read the record again and decide afresh. This is how Starred keeps two people from silently
 * overwriting each other's decisions about a child.
 */
public class ConcurrentChangeException extends CommandRefusedException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
