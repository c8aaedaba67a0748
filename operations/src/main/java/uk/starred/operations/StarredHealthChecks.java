package uk.starred.operations;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Function;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import uk.starred.api.operations.OperationsService;
import uk.starred.api.operations.ServiceStatus;

/**
 * Starred's health checks on the Felix Health Checks, each its own service with the tags {@code starred} and its
 * own ({@code database}, {@code schema}, {@code deadlines}, {@code outbox}, {@code procedures}): each reads
 * Starred's state when run, grades it by {@link HealthRules}, and says the engine is not running when there is no
 * {@link OperationsService} to read. Served at {@code /system/health} ({@link HealthEndpoint}).
 */
@Component(immediate = true, configurationPid = HealthSettings.PID)
@Designate(ocd = HealthSettings.class)
public class StarredHealthChecks {

    /** The tag every Starred check carries: {@code /system/health?tags=starred}. */
    public static final String TAG = "starred";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OperationsService operations;

    private final List<ServiceRegistration<HealthCheck>> registered = new ArrayList<>();

    /** Starred's state as last read: the five checks of one health request share one read. */
    private record Read(long atNanos, ServiceStatus status) {
    }

    private static final long READ_KEPT_NANOS = 1_000_000_000L;

    private volatile Read last;

    @Activate
    void activate(BundleContext context, HealthSettings settings) {
        HealthRules.Thresholds t = HealthRules.Thresholds.of(settings);
        register(context, "Starred database", "database", s -> HealthRules.database(s));
        register(context, "Starred schema", "schema", s -> HealthRules.schema(s));
        register(context, "Starred deadline sweep", "deadlines", s -> HealthRules.sweep(s, t));
        register(context, "Starred notices", "outbox", s -> HealthRules.outbox(s, t));
        register(context, "Starred procedures", "procedures", s -> HealthRules.procedures(s));
    }

    @Deactivate
    void deactivate() {
        registered.forEach(ServiceRegistration::unregister);
        registered.clear();
    }

    private void register(BundleContext context, String name, String tag, Function<ServiceStatus, List<Finding>> rule) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, name);
        properties.put(HealthCheck.TAGS, new String[] {TAG, tag});
        HealthCheck check = () -> result(rule);
        registered.add(context.registerService(HealthCheck.class, check, properties));
    }

    /** @return the state, read again unless a check of the same request read it within the second */
    private ServiceStatus status(OperationsService ops) {
        long now = System.nanoTime();
        Read read = last;
        if (read == null || now - read.atNanos() > READ_KEPT_NANOS) {
            read = new Read(now, ops.status());
            last = read;
        }
        return read.status();
    }

    private Result result(Function<ServiceStatus, List<Finding>> rule) {
        OperationsService ops = operations;
        List<Finding> findings = ops == null ? List.of(Finding.critical(HealthRules.ENGINE_DOWN))
                : rule.apply(status(ops));
        FormattingResultLog log = new FormattingResultLog();
        for (Finding f : findings) {
            switch (f.level()) {
                case OK -> log.info("{}", f.text());
                case WARN -> log.warn("{}", f.text());
                case CRITICAL -> log.critical("{}", f.text());
            }
        }
        return new Result(log);
    }
}
