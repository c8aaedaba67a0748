package uk.starred.operations;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** When a health check calls a delay worth a look, and when failing: {@code etc/uk.starred.operations.health.cfg}. */
@ObjectClassDefinition(name = "Starred health checks",
        description = "How far behind the deadline sweep and the delivery of notices may fall before Starred's"
                + " health checks say so")
public @interface HealthSettings {

    String PID = "uk.starred.operations.health";

    @AttributeDefinition(name = "Sweep behind: warning (seconds)", min = "1",
            description = "the oldest due moment not fired, past its time by more than this, is a warning")
    int sweepLagWarnSeconds() default 120;

    @AttributeDefinition(name = "Sweep behind: failing (seconds)", min = "1")
    int sweepLagCriticalSeconds() default 600;

    @AttributeDefinition(name = "Notices waiting: warning (seconds)", min = "1",
            description = "the oldest notice not delivered, older than this, is a warning")
    int outboxAgeWarnSeconds() default 300;

    @AttributeDefinition(name = "Notices waiting: failing (seconds)", min = "1")
    int outboxAgeCriticalSeconds() default 1800;
}
