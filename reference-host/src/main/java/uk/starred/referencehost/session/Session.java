package uk.starred.referencehost.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Who the reference host has signed in on the current thread, and what the host's records answered
 * while they act: a screen asks who holds which role for the child many times over, and within one
 * request each question goes to the records once.
 */
public final class Session {

    private static final ThreadLocal<String> SIGNED_IN = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, Object>> ANSWERS = new ThreadLocal<>();

    private Session() {
    }

    /** Runs the action with the person signed in on this thread, and signs them out after. */
    public static <T> T runAs(String staffId, Callable<T> action) throws Exception {
        String previous = SIGNED_IN.get();
        Map<String, Object> previousAnswers = ANSWERS.get();
        SIGNED_IN.set(staffId);
        // the records' answers do not depend on who asks: one request's nested actions share them
        ANSWERS.set(previousAnswers != null ? previousAnswers : new HashMap<>());
        try {
            return action.call();
        } finally {
            if (previous == null) {
                SIGNED_IN.remove();
                ANSWERS.remove();
            } else {
                SIGNED_IN.set(previous);
                ANSWERS.set(previousAnswers);
            }
        }
    }

    /**
     * The answer to the question, asked of the records once while the person acts; outside
     * {@link #runAs} every time.
     *
     * @param question what is asked, with its arguments, such as {@code "roles|demo-iro|child-1"}
     */
    @SuppressWarnings("unchecked")
    public static <T> T remembered(String question, Supplier<T> ask) {
        Map<String, Object> answers = ANSWERS.get();
        if (answers == null) {
            return ask.get();
        }
        Object known = answers.get(question);
        if (known == null) {
            known = ask.get();
            answers.put(question, known);
        }
        return (T) known;
    }

    /** @return the person signed in on this thread */
    public static Optional<String> current() {
        return Optional.ofNullable(SIGNED_IN.get());
    }
}
