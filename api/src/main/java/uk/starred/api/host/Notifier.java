package uk.starred.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/** The host's way of telling people: email, its own inbox, or both. */
@ConsumerType
public interface Notifier {

    /**
     * Sends the notification. Throw when it could not be sent: Starred keeps it and tries again
     * later. A notification whose id was already sent must be accepted and ignored.
     */
    void send(Notification notification) throws Exception;
}
