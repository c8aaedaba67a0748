package uk.starred.ui;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StoreUnavailableException;
import uk.starred.api.host.CallerContext;
import uk.starred.core.fault.Failures;

/** How the documents and reports are answered: a file to save, or a sentence saying why there is none. */
public final class Downloads {

    private Downloads() {
    }

    /** What answers one request for a file, given its path's parts as the container decoded them, once. */
    @FunctionalInterface
    public interface Answer {
        void write(String[] path) throws IOException;
    }

    /**
     * Answers a request for a file, as every download does: nothing kept by the browser, 401 for no one signed
     * in, and each refusal its status with its sentence (400 wrong input, 403 not permitted, 404 none such, 503
     * with {@code Retry-After} while the database is away, 500 logged by its kind only).
     *
     * @param what what is downloaded, in a word: "document", "report"
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response, CallerContext caller,
            Logger log, String what, Answer answer) throws IOException {
        SecurityHeaders.apply(response);
        response.setHeader("Cache-Control", "no-store");
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        try {
            if (caller.currentStaffId().isEmpty()) {
                plain(response, 401, "Sign in first: the host names no one for this request.");
            } else {
                answer.write(path);
            }
        } catch (InvalidCommandException e) {
            plain(response, 400, e.getMessage());
        } catch (NotPermittedException e) {
            plain(response, 403, e.getMessage());
        } catch (NotFoundException | IllegalArgumentException e) {
            plain(response, 404, "There is no such " + what + ".");
        } catch (StoreUnavailableException e) {
            response.setHeader("Retry-After", Integer.toString(StoreUnavailableException.RETRY_AFTER_SECONDS));
            plain(response, 503, e.getMessage());
        } catch (RuntimeException e) {
            log.error("The {} could not be made: {}", what, Failures.describe(e));
            plain(response, 500, "The " + what + " could not be made. The error is logged for the operator.");
        }
    }

    /** The file, to be saved under its name rather than shown. */
    public static void attachment(HttpServletResponse response, String type, String name, byte[] body)
            throws IOException {
        response.setStatus(200);
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A sentence, as plain text, with the status. */
    public static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(text + "\n");
    }
}
