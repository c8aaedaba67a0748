package uk.starred.referencehost.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import uk.starred.referencehost.session.Session;

/**
 * Names the signed-in person for Starred on every request: the host's {@code CallerContext} reads
 * it from the thread. The person comes from the host's session, or, for API clients without one,
 * from HTTP Basic credentials checked against the demo JAAS realm. This is the one place an
 * integrator connects their platform's sign-in to Starred.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("starred-reference-host-caller")
@HttpWhiteboardFilterPattern("/*")
public class CallerFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String staff = SignedIn.staff(request);
        if (staff == null && request.getRequestURI().startsWith("/starred/api/")) {
            staff = basic(request.getHeader("Authorization"));
        }
        if (staff == null) {
            chain.doFilter(req, response);
            return;
        }
        try {
            Session.runAs(staff, () -> {
                chain.doFilter(req, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static String basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return SignedIn.authenticate(user, decoded.substring(colon + 1)) ? user : null;
    }
}
