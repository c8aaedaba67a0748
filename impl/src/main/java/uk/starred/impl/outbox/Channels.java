package uk.starred.impl.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;

/**
 * The notifiers a notification goes through, each its own channel ({@link Notifier#CHANNEL}): the host's inbox,
 * e-mail, GOV.UK Notify. A notification is delivered when every channel running has taken it (and every channel
 * the relay is told to wait for is running); what an attempt reached before one channel failed is written down
 * ("host", "email/staff-id" for a channel that takes each recipient's copy on its own), and the next attempt
 * sends only to the rest.
 */
final class Channels {

    /** One notifier as registered: the highest ranked of a channel's is used. */
    private record Channel(String name, Notifier notifier, boolean eachRecipient, int ranking, long serviceId) {

        boolean outranks(Channel other) {
            return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
        }
    }

    private final Map<String, List<Channel>> registered = new TreeMap<>();
    private final Set<String> required;

    /** @param required channels every notification waits for: it is not delivered while one of them is missing */
    Channels(Set<String> required) {
        this.required = Set.copyOf(required);
    }

    /** @return the channels named, as a configuration file gives them: "host, email" or a list */
    static Set<String> named(String[] configured) {
        Set<String> names = new java.util.TreeSet<>();
        for (String value : configured == null ? new String[0] : configured) {
            for (String name : value.split("[,\\s]+")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    /** One notifier of the host's own channel, whole notifications, as when Starred is not in OSGi. */
    static Channels of(Notifier notifier) {
        Channels channels = new Channels(Set.of());
        channels.add(notifier, Map.of());
        return channels;
    }

    synchronized void add(Notifier notifier, Map<String, ?> properties) {
        Channel c = channel(notifier, properties);
        registered.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
    }

    /** Forgets the notifier, under whichever channel it was added: its properties may have changed since. */
    synchronized void remove(Notifier notifier, Map<String, ?> properties) {
        registered.values().forEach(of -> of.removeIf(c -> c.notifier() == notifier));
        registered.values().removeIf(List::isEmpty);
    }

    /** The channels a notification goes through now, each by its highest ranked notifier. */
    private synchronized List<Channel> running() {
        List<Channel> running = new ArrayList<>();
        for (List<Channel> of : registered.values()) {
            Channel best = of.get(0);
            for (Channel c : of) {
                if (c.outranks(best)) {
                    best = c;
                }
            }
            running.add(best);
        }
        return running;
    }

    /**
     * Sends the notification through each channel it has not reached yet, to each recipient there: one that
     * fails does not keep it from the others.
     *
     * @param reached what earlier attempts reached, as written by this method, or {@code null}
     * @return {@code null} when every channel has it; else the first error and everything reached so far
     */
    Streams.Failure send(Notification notification, String reached) {
        Set<String> done = new LinkedHashSet<>();
        if (reached != null && !reached.isEmpty()) {
            done.addAll(List.of(reached.split("\n")));
        }
        List<Channel> running = running();
        List<String> missing = new ArrayList<>(required);
        running.forEach(c -> missing.remove(c.name()));
        String error = null;
        for (Channel c : running) {
            String failed = c.eachRecipient() ? sendEach(c, notification, done) : sendWhole(c, notification, done);
            error = error == null ? failed : error;
        }
        if (error == null && !missing.isEmpty()) {
            error = "channel(s) " + String.join(", ", missing) + " not running: the notification waits for them";
        } else if (error == null && running.isEmpty()) {
            error = "no notifier is running: the notification waits for one";
        }
        return error == null ? null : new Streams.Failure(error, String.join("\n", done));
    }

    private static String sendWhole(Channel c, Notification notification, Set<String> done) {
        if (done.contains(c.name())) {
            return null;
        }
        String error = attempt(c, notification);
        if (error == null) {
            done.add(c.name());
        }
        return error;
    }

    private static String sendEach(Channel c, Notification n, Set<String> done) {
        String error = null;
        for (String recipient : n.recipients()) {
            String mark = c.name() + "/" + recipient;
            if (done.contains(mark)) {
                continue;
            }
            String failed = attempt(c, new Notification(n.id(), List.of(recipient), n.childId(), n.concernId(),
                    n.subject(), n.body()));
            if (failed == null) {
                done.add(mark);
            } else if (error == null) {
                error = failed;
            }
        }
        return error;
    }

    /** @return {@code null} when sent; else the error as the channel told it, named by its channel */
    private static String attempt(Channel c, Notification notification) {
        try {
            c.notifier().send(notification);
            return null;
        } catch (Exception e) {
            return "[" + c.name() + "] " + e;
        }
    }

    private static Channel channel(Notifier notifier, Map<String, ?> properties) {
        Object name = properties.get(Notifier.CHANNEL);
        Object each = properties.get(Notifier.EACH_RECIPIENT);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        return new Channel(name == null || name.toString().isBlank() ? Notifier.DEFAULT_CHANNEL : name.toString().trim(),
                notifier, each != null && Boolean.parseBoolean(each.toString()),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE);
    }
}
