package uk.starred.ui.rest;

import java.util.List;

import uk.starred.api.Violation;

/**
 * The body of every refused API request.
 *
 * @param status     the HTTP status
 * @param message    what is wrong, in words
 * @param violations each field that is wrong, when the content of the request is
 */
public record ApiError(int status, String message, List<Violation> violations) {
}
