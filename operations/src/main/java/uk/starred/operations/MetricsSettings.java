package uk.starred.operations;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who may read Starred's metrics: {@code etc/uk.starred.operations.metrics.cfg}. */
@ObjectClassDefinition(name = "Starred metrics", description = "Metrics in Prometheus's text format at /starred/metrics")
public @interface MetricsSettings {

    String PID = "uk.starred.operations.metrics";

    @AttributeDefinition(name = "Bearer token", type = AttributeType.PASSWORD, required = false,
            description = "when set, a scrape must send 'Authorization: Bearer <token>' (Prometheus's"
                    + " authorization.credentials); empty to let anyone who reaches the server read the figures,"
                    + " which name no child or person")
    String bearerToken() default "";
}
