package uk.starred.operations;

import java.io.IOException;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the health checks at {@code /system/health} (JSON; {@code ?format=txt}; {@code /system/health.html} for
 * people): configures
 * Felix Health Checks' servlet once, where no configuration of it exists, with Starred's checks as its default
 * tags, JSON by default, answering 503 when a check fails, no cross-origin reading (no JSONP either), and
 * nothing a request may change. An operator's own
 * configuration of the servlet is left alone.
 */
@Component(immediate = true)
public class HealthEndpoint {

    static final String SERVLET_FACTORY = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet";
    static final String PATH = "/system/health";

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    @Activate
    public HealthEndpoint(@Reference ConfigurationAdmin configAdmin) throws IOException {
        try {
            Configuration[] existing = configAdmin.listConfigurations("(service.factoryPid=" + SERVLET_FACTORY + ")");
            if (existing != null && existing.length > 0) {
                return;
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("the filter is Starred's own", e);
        }
        Configuration servlet = configAdmin.getFactoryConfiguration(SERVLET_FACTORY, "starred", "?");
        Hashtable<String, Object> settings = new Hashtable<>();
        settings.put("servletPath", PATH);
        settings.put("tags", new String[] {StarredHealthChecks.TAG});
        settings.put("format", "json");
        settings.put("cors.accessControlAllowOrigin", "");
        // no JSONP (a page elsewhere could read the results through it), and no tags, timeouts or statuses
        // chosen by whoever asks
        settings.put("allowed.formats", "json,txt,html");
        settings.put("disable.request.configuration", Boolean.TRUE);
        servlet.updateIfDifferent(settings);
        LOG.info("Starred's health checks are served at {} (JSON; {}.html for people)", PATH, PATH);
    }
}
