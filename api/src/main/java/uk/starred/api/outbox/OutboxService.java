package uk.starred.api.outbox;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What operators see of the outbox and what they can do about it. */
@ProviderType
public interface OutboxService {

    /** @return the messages not yet delivered, oldest first, at most {@code limit} (1 to 1000) */
    List<PendingMessage> pending(int limit);

    /**
     * @return the dead letters: messages given up after their attempts ran out, oldest first, at most
     *         {@code limit} (1 to 1000); each waits for {@link #retryNow(String)}
     * @since 1.1
     */
    List<PendingMessage> deadLetters(int limit);

    /** @return how far delivery is behind now @since 1.1 */
    OutboxBacklog backlog();

    /** Delivers every message that is due now, as the relay's timer would. @return how many were delivered */
    int deliverDue();

    /**
     * Makes a message that is waiting for its next attempt, or given up as a dead letter, due now, for example
     * once the host's mail server is back. @return whether there was such a message, undelivered
     */
    boolean retryNow(String messageId);
}
