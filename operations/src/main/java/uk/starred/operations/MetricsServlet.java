package uk.starred.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

import uk.starred.api.StoreUnavailableException;
import uk.starred.api.operations.OperationsService;
import uk.starred.api.operations.StageCount;

/**
 * Starred's metrics at {@code /starred/metrics}, in Prometheus's text format ({@link PrometheusText}): the
 * database, the schema, the deadline sweep, the outbox, refused procedures, open and overdue concerns by stage,
 * and command latency. 503 while Starred's engine is not running; a bearer token when the council sets one.
 */
@Component(service = Servlet.class, configurationPid = MetricsSettings.PID)
@Designate(ocd = MetricsSettings.class)
@HttpWhiteboardServletName("starred-metrics")
@HttpWhiteboardServletPattern(MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    static final String PATH = "/starred/metrics";

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile OperationsService operations;

    private final transient byte[] token;

    @Activate
    public MetricsServlet(MetricsSettings settings) {
        String t = settings.bearerToken() == null ? "" : settings.bearerToken().strip();
        this.token = t.isEmpty() ? null : ("Bearer " + t).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (token != null && !allowed(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"starred-metrics\"");
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "A bearer token is needed to read Starred's metrics.\n");
            return;
        }
        OperationsService ops = operations;
        if (ops == null) {
            plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, HealthRules.ENGINE_DOWN + "\n");
            return;
        }
        List<StageCount> open;
        var status = ops.status();
        try {
            open = status.databaseUp() && status.schemaVersion() != null ? ops.openConcerns() : null;
        } catch (StoreUnavailableException e) {
            open = null;
        }
        byte[] body = PrometheusText.of(status, open, ops.commandTimings()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private boolean allowed(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(token, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.getWriter().write(text);
    }
}
