package uk.starred.benchmarks.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;

/**
 * Where the notices go: counted, each kept once by its id with the moment it arrived and the concern it is
 * about, as a host that keeps messages by id does. Called from several threads at once.
 */
final class Sink implements CaseFile, Notifier {

    /** One notice as it arrived. */
    record Arrival(String concernId, long nanos) {
    }

    final Map<String, Arrival> notifications = new ConcurrentHashMap<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong lastNanos = new AtomicLong();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    @Override
    public void write(CaseNote note) {
        arrived(note.id());
    }

    @Override
    public void send(Notification notification) {
        long at = arrived(notification.id());
        notifications.put(notification.id(), new Arrival(notification.concernId(), at));
    }

    /** @return when it arrived */
    long arrived(String id) {
        long at = System.nanoTime();
        if (seen.putIfAbsent(id, Boolean.TRUE) != null) {
            duplicates.incrementAndGet();
        }
        delivered.incrementAndGet();
        lastNanos.accumulateAndGet(at, Math::max);
        return at;
    }
}
