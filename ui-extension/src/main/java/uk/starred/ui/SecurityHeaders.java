package uk.starred.ui;

import javax.servlet.http.HttpServletResponse;

/** The headers every Starred page carries: no scripts or styles from elsewhere, no framing, no caching of child data. */
public final class SecurityHeaders {

    /**
     * Scripts, styles, images and fonts only from this site, no inline script or style, no framing,
     * forms posting only here.
     */
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
