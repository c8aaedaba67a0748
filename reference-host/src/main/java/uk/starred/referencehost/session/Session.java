package uk.starred.referencehost.session;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Who the reference host has signed in on the current thread. */
public final class Session {

    private static final ThreadLocal<String> SIGNED_IN = new ThreadLocal<>();

    private Session() {
    }

    /** Runs the action with the person signed in on this thread, and signs them out after. */
    public static <T> T runAs(String staffId, Callable<T> action) throws Exception {
        String previous = SIGNED_IN.get();
        SIGNED_IN.set(staffId);
        try {
            return action.call();
        } finally {
            if (previous == null) {
                SIGNED_IN.remove();
            } else {
                SIGNED_IN.set(previous);
            }
        }
    }

    /** @return the person signed in on this thread */
    public static Optional<String> current() {
        return Optional.ofNullable(SIGNED_IN.get());
    }
}
