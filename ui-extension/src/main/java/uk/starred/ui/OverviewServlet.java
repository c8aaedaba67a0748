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
 * The product's own page at {@code /starred}: how many concerns are open under each procedure, read from the
 * database through {@link OversightService}. It names no child. The host owns {@code /}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-overview")
@HttpWhiteboardServletPattern({"/starred", "/starred/"})
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
        String uri = request.getRequestURI();
        if (!uri.equals("/starred") && !uri.equals("/starred/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] page = OverviewPage.render(oversight.openConcernCounts()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
