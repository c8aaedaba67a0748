package uk.starred.impl.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import uk.starred.api.host.ChannelUnavailableException;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.core.fault.Failures;

/**
 * The notifiers a notification goes through, each its own channel ({@link Notifier#CHANNEL}): the host's inbox,
 * e-mail, GOV.UK Notify. A notification is delivered when every channel running has taken it (and every channel
 * the relay is told to wait for is running); what an attempt reached before one channel failed is written down
 * ("host", "email/staff-id" for a channel that takes each recipient's copy on its own), and the next attempt
 * sends only to the rest. A concern's notifications reach the channels every notification waits for in the
 * order they were written; on the others (e-mail, GOV.UK Notify, unless an operator names them) one that failed
 * is tried again without holding back those after it, so a mailbox that fails for a weekend delays nobody's
 * inbox.
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

    /**
     * One notifier of the host's own channel, whole notifications, as when Starred is not in OSGi: waited for,
     * as the relay waits for the host's own by default.
     */
    static Channels of(Notifier notifier) {
        Channels channels = new Channels(Set.of(Notifier.DEFAULT_CHANNEL));
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

    /** A round of deliveries, in which a channel that said it can send nothing is not tried again. */
    Round round() {
        return new Round(running());
    }

    /**
     * One round of deliveries on the channels running when it began. A channel that throws
     * {@link ChannelUnavailableException} (its server out of reach, its credentials refused) is not tried again
     * in the round: its notifications wait for their retry, not for a time-out each.
     */
    final class Round {

        private final List<Channel> running;
        private final Map<String, String> down = new ConcurrentHashMap<>();

        private Round(List<Channel> running) {
            this.running = running;
        }

        /**
         * Sends the notification through each channel it has not reached yet, to each recipient there: one that
         * fails does not keep it from the others.
         *
         * @param reached what earlier attempts reached, as written by this method, or {@code null}
         * @return {@code null} when every channel has it; else the first error, everything reached so far, and
         *         whether the failure holds back the concern's later notifications: only when a channel every
         *         notification waits for has not got it, so that their order is kept where it is kept
         */
        Streams.Failure send(Notification notification, String reached) {
            Set<String> done = new LinkedHashSet<>();
            if (reached != null && !reached.isEmpty()) {
                done.addAll(List.of(reached.split("\n")));
            }
            List<String> missing = new ArrayList<>(required);
            running.forEach(c -> missing.remove(c.name()));
            String error = null;
            boolean holdsBack = false;
            for (Channel c : running) {
                String failed = c.eachRecipient() ? sendEach(c, notification, done) : sendWhole(c, notification, done);
                if (failed != null) {
                    error = error == null ? failed : error;
                    holdsBack |= required.contains(c.name());
                }
            }
            if (!missing.isEmpty()) {
                error = error == null ? "channel(s) " + String.join(", ", missing)
                        + " not running: the notification waits for them" : error;
                holdsBack = true;
            } else if (running.isEmpty()) {
                error = "no notifier is running: the notification waits for one";
                holdsBack = true;
            }
            // one that reached no one holds back those after it, whatever channels are named
            holdsBack |= error != null && done.isEmpty();
            return error == null ? null : new Streams.Failure(error, String.join("\n", done), holdsBack);
        }

        private String sendWhole(Channel c, Notification notification, Set<String> done) {
            if (done.contains(c.name())) {
                return null;
            }
            String error = attempt(c, notification);
            if (error == null) {
                done.add(c.name());
            }
            return error;
        }

        private String sendEach(Channel c, Notification n, Set<String> done) {
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
                } else {
                    error = error == null ? failed : error;
                    if (down.containsKey(c.name())) {
                        return error;
                    }
                }
            }
            return error;
        }

        /**
         * @return {@code null} when sent; else the error as the channel told it, named by its channel. Whatever a
         *         channel throws but the virtual machine's own failures is its failure, not the round's.
         */
        private String attempt(Channel c, Notification notification) {
            String unavailable = down.get(c.name());
            if (unavailable != null) {
                return "[" + c.name() + "] not tried: " + unavailable;
            }
            try {
                c.notifier().send(notification);
                return null;
            } catch (ChannelUnavailableException e) {
                down.putIfAbsent(c.name(), e.toString());
                return "[" + c.name() + "] " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "[" + c.name() + "] interrupted: the relay is stopping";
            } catch (Exception e) {
                return "[" + c.name() + "] " + e;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Error e) {
                // its code failing to link (its bundle refreshed under it), an assertion: what the notification
                // reached on the other channels is still written down
                return "[" + c.name() + "] " + Failures.describe(e);
            }
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
