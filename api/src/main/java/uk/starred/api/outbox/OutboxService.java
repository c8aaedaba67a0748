package uk.starred.api.outbox;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What operators see of the outbox and what they can do about it. */
@ProviderType
public interface OutboxService {

    /** @return the messages not yet delivered, oldest first, at most {@code limit} (1 to 1000) */
    List<PendingMessage> pending(int limit);

    /** Delivers every message that is due now, as the relay's timer would. @return how many were delivered */
    int deliverDue();

    /**
     * Makes a message that is waiting for its next attempt due now, for example once the host's mail
     * server is back. @return whether there was such a message, undelivered
     */
    boolean retryNow(String messageId);
}
