package uk.starred.impl.outbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import uk.starred.api.host.Notifier;

/** The outbox relay's settings: {@code etc/uk.starred.impl.outbox.OutboxRelay.cfg}. */
@ObjectClassDefinition(name = "Starred outbox relay",
        description = "Delivery of case notes and notifications to the host platform")
public @interface OutboxSettings {
    @AttributeDefinition(name = "Poll interval (seconds)", min = "1",
            description = "how often the relay looks for messages other nodes wrote and retries that fell due;"
                    + " this node's own are delivered as soon as they are committed")
    int pollSeconds() default 5;

    @AttributeDefinition(name = "Messages per batch", min = "1", max = "5000")
    int batchSize() default 500;

    @AttributeDefinition(name = "Delivery threads", min = "1", max = "64",
            description = "how many concerns' messages are delivered at once")
    int deliveryThreads() default 4;

    @AttributeDefinition(name = "Attempts before a dead letter", min = "1",
            description = "failed deliveries of one message before it is given up for an operator to retry;"
                    + " with the waits doubling from 10 s to an hour, 16 attempts take about ten hours")
    int attemptsBeforeDeadLetter() default 16;

    @AttributeDefinition(name = "Node name", description = "how this node names its claims; empty for the"
            + " Karaf instance's name and the host's, as the deadline runner names its own")
    String node() default "";

    @AttributeDefinition(name = "Channels to wait for", required = false,
            description = "notification channels (host, email, govuk-notify) every notification must go"
                    + " through: while one of them is not running, notifications wait for it (and count"
                    + " their attempts). The host's own by default, so that its inbox misses nothing while"
                    + " its adapter restarts; empty for whichever are running, where the host has no inbox")
    String[] channels() default {Notifier.DEFAULT_CHANNEL};
}
