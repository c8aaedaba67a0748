package uk.starred.api;

/**
 * Starred's database cannot be reached just now: the connection was refused, broken or closed, or the
 * server is shutting down or starting. Not a refusal of the command, which may well be right, nor a
 * fault in it: nothing was changed, and the same command can be sent again once the database answers
 * (Starred reconnects by itself). The REST API answers this with 503 and {@code Retry-After}; the screens
 * with a page that says so.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Seconds a caller is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public StoreUnavailableException() {
        super("Starred's database cannot be reached just now, so nothing was changed. It reconnects by itself:"
                + " try again in a few seconds.");
    }
}
