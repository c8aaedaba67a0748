package uk.starred.api;

/**
 * Starred's database cannot be reached just now: the connection was refused, broken or closed, or the
 * server is shutting down or starting. Not a refusal of the command, which may well be right, nor a
 * fault in it. Mostly nothing was changed, and the same command can be sent again once the database
 * answers (Starred reconnects by itself). But when the database stops answering while a change is being
 * committed, whether the database kept it cannot be known from this side: {@link #mayHaveBeenSaved()}
 * then says so, and the caller looks before sending the command again. The REST API answers both with
 * 503 and {@code Retry-After}; the screens with a page that says which.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Seconds a caller is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final boolean mayHaveBeenSaved;

    /** The database could not be reached before anything was committed: nothing was changed. */
    public StoreUnavailableException() {
        super("Starred's database cannot be reached just now, so nothing was changed. It reconnects by itself:"
                + " try again in a few seconds.");
        this.mayHaveBeenSaved = false;
    }

    private StoreUnavailableException(String message) {
        super(message);
        this.mayHaveBeenSaved = true;
    }

    /**
     * @return the database stopped answering while a change was being committed: it may or may not have
     *         kept it, and nobody can tell until it answers again
     * @since 1.2
     */
    public static StoreUnavailableException whileSaving() {
        return new StoreUnavailableException("Starred's database stopped answering while this change was being"
                + " saved, so Starred cannot tell whether it was saved. It reconnects by itself: in a few seconds,"
                + " look at the child's concerns before you send it again.");
    }

    /**
     * @return whether the change may have been kept (the database stopped answering during its commit);
     *         false when nothing was changed
     * @since 1.2
     */
    public boolean mayHaveBeenSaved() {
        return mayHaveBeenSaved;
    }
}
