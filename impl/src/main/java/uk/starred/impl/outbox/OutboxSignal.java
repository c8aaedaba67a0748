package uk.starred.impl.outbox;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import uk.starred.impl.store.StoreGuard;

/**
 * Tells the outbox relays of this node that a change which wrote messages has committed, so that they
 * deliver them at once rather than at their next poll. Other nodes' relays find them when they poll.
 */
final class OutboxSignal {

    private static final Set<Runnable> RELAYS = new CopyOnWriteArraySet<>();
    private static final Runnable WAKE_ALL = () -> RELAYS.forEach(Runnable::run);

    private OutboxSignal() {
    }

    static void listen(Runnable relay) {
        RELAYS.add(relay);
    }

    static void ignore(Runnable relay) {
        RELAYS.remove(relay);
    }

    /** A message is being written in this thread's transaction: the relays are woken once it commits. */
    static void written() {
        if (!RELAYS.isEmpty()) {
            StoreGuard.afterCommit(WAKE_ALL);
        }
    }
}
