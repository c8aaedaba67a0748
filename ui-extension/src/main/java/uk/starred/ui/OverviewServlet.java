package uk.starred.ui;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import uk.starred.api.concern.OversightService;

/**
 * The front page at {@code /}: how many concerns are open under each procedure, read from the
 * database through {@link OversightService}. It names no child. Every other path under the root is
 * answered 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-overview")
@HttpWhiteboardServletPattern("/")
public class OverviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient OversightService oversight;

    @Activate
    public OverviewServlet(@Reference OversightService oversight) {
        this.oversight = oversight;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
        if (!(path == null || path.isEmpty() || "/".equals(path))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] page = OverviewPage.render(oversight.openConcernCounts()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
