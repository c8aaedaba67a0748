package uk.starred.api.ui;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CaseTab#act} did.
 *
 * @param status     the HTTP status: 303 when done (the host redirects), or the 4xx of a refusal
 * @param message    for the viewer: what was done, or what is wrong and how to put it right
 * @param parameters when done, the query of the page to return to (such as the tab and the concern
 *                   shown); when refused, ignored: the page is re-drawn from the form
 */
public record TabOutcome(int status, String message, Map<String, String> parameters) {

    public TabOutcome {
        Objects.requireNonNull(message, "message");
        parameters = Map.copyOf(parameters);
    }

    /** @return an outcome saying it was done, returning to the page with these parameters */
    public static TabOutcome done(String message, Map<String, String> parameters) {
        return new TabOutcome(303, message, parameters);
    }

    /** @return a refusal with its 4xx status and a message naming what is wrong */
    public static TabOutcome refused(int status, String message) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refusal is a 4xx status, was " + status);
        }
        return new TabOutcome(status, message, Map.of());
    }

    /** @return whether it was done */
    public boolean isDone() {
        return status == 303;
    }
}
