package uk.starred.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way of telling people: the host's own inbox, email over SMTP, GOV.UK Notify. Starred delivers each
 * notification through every notifier registered as a service, one channel at a time, and remembers which
 * channels (and, for a channel that sends each recipient their own copy, which recipients) it has reached:
 * a channel that fails is tried again later, without sending again through those that worked.
 *
 * <p>A notifier names its channel with the service property {@link #CHANNEL} (since 1.4); one that names none
 * is the channel {@value #DEFAULT_CHANNEL}, the host's own. Two notifiers naming the same channel are one
 * channel: the one ranked highest is used.
 */
@ConsumerType
public interface Notifier {

    /** Service property: the channel's name, as operators and the outbox's records see it (since 1.4). */
    String CHANNEL = "starred.channel";

    /** The channel of a notifier that names none: the host platform's own delivery (since 1.4). */
    String DEFAULT_CHANNEL = "host";

    /**
     * Service property: {@code true} when the channel is given each recipient's copy on its own (a
     * notification whose recipients are one person), so that one address that fails does not send the others
     * theirs twice when it is tried again; email and GOV.UK Notify send that way (since 1.4).
     */
    String EACH_RECIPIENT = "starred.channel.each-recipient";

    /**
     * Sends the notification. Throw when it could not be sent: Starred keeps it and tries again
     * later; throw {@link ChannelUnavailableException} when nothing can be sent through this channel at the
     * moment, so that Starred does not try it again for every notification of the round. An exception's
     * message is kept with the notification for an operator: it names the kind of failure, never a recipient
     * or what the notification says. A notification whose id was already sent must be accepted and ignored;
     * each step of an attempt has a time-out (30 seconds at most is usual), so that a channel that hangs is
     * found out.
     */
    void send(Notification notification) throws Exception;
}
