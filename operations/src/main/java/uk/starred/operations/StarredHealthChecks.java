package uk.starred.operations;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BiFunction;

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

    @Activate
    void activate(BundleContext context, HealthSettings settings) {
        HealthRules.Thresholds t = HealthRules.Thresholds.of(settings);
        register(context, "Starred database", "database", (s, x) -> HealthRules.database(s));
        register(context, "Starred schema", "schema", (s, x) -> HealthRules.schema(s));
        register(context, "Starred deadline sweep", "deadlines", (s, x) -> HealthRules.sweep(s, x), t);
        register(context, "Starred notices", "outbox", (s, x) -> HealthRules.outbox(s, x), t);
        register(context, "Starred procedures", "procedures", (s, x) -> HealthRules.procedures(s));
    }

    @Deactivate
    void deactivate() {
        registered.forEach(ServiceRegistration::unregister);
        registered.clear();
    }

    private void register(BundleContext context, String name, String tag,
            BiFunction<ServiceStatus, HealthRules.Thresholds, List<Finding>> rule) {
        register(context, name, tag, rule, null);
    }

    private void register(BundleContext context, String name, String tag,
            BiFunction<ServiceStatus, HealthRules.Thresholds, List<Finding>> rule, HealthRules.Thresholds t) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, name);
        properties.put(HealthCheck.TAGS, new String[] {TAG, tag});
        HealthCheck check = () -> result(rule, t);
        registered.add(context.registerService(HealthCheck.class, check, properties));
    }

    private Result result(BiFunction<ServiceStatus, HealthRules.Thresholds, List<Finding>> rule,
            HealthRules.Thresholds t) {
        OperationsService ops = operations;
        List<Finding> findings = ops == null ? List.of(Finding.critical(HealthRules.ENGINE_DOWN))
                : rule.apply(ops.status(), t);
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
