package uk.starred.ui;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;

/** How the documents and reports are answered: a file to save, or a sentence saying why there is none. */
public final class Downloads {

    private Downloads() {
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
