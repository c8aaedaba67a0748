package uk.starred.api.host;

/**
 * Thrown by a {@link Notifier} that can send nothing at the moment, to anyone: its server out of reach or not
 * answering in time, its credentials refused, its service rate limiting or down. Starred then stops trying that
 * channel until its next round of deliveries, rather than waiting out a time-out for every notification, and
 * tries each notification again later as for any failure (since 1.5).
 *
 * <p>Its message is kept with the notification for an operator ({@code starred:outbox}): it must name the kind of
 * failure, never a recipient, an address or anything the notification says.
 */
public class ChannelUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ChannelUnavailableException(String message) {
        super(message);
    }

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
