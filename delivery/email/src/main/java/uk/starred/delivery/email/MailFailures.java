package uk.starred.delivery.email;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import uk.starred.api.host.ChannelUnavailableException;

/**
 * What Jakarta Mail's failures mean to the outbox, told without their messages: a mail server's reply quotes the
 * recipient's address ({@code 550 <tom.reid@council>: no such user}), and the outbox keeps the error with the
 * notification. A server out of reach, not answering, refusing the secure connection or the user name is the
 * channel unavailable; a server that answers and refuses one message is that message's failure, told by its SMTP
 * reply code.
 */
final class MailFailures {

    private MailFailures() {
    }

    static Exception told(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new ChannelUnavailableException("the mail server refused the user name and password");
        }
        int code = replyCode(e);
        if (code == 421) {
            return new ChannelUnavailableException("the mail server is not taking mail now (SMTP reply 421)");
        }
        if (code > 0) {
            return new MailRefusedException("the mail server refused the message (SMTP reply " + code + ")");
        }
        String network = network(e);
        if (network != null) {
            return new ChannelUnavailableException("the mail server could not be reached or did not answer ("
                    + network + ")");
        }
        return new MailRefusedException("the message could not be sent (" + e.getClass().getSimpleName() + ")");
    }

    /** @return the SMTP reply code a server gave for the message or one of its recipients, else 0 */
    private static int replyCode(MessagingException e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (t instanceof SMTPSendFailedException f && f.getReturnCode() > 0) {
                return f.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException f && f.getReturnCode() > 0) {
                return f.getReturnCode();
            }
        }
        return 0;
    }

    /** @return the kind of the network failure beneath, when there is one */
    private static String network(MessagingException e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (t instanceof IOException) {
                return t.getClass().getSimpleName();
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    /** The mail server answered and did not take the message; its reply code says why. */
    static final class MailRefusedException extends IOException {

        private static final long serialVersionUID = 1L;

        MailRefusedException(String message) {
            super(message);
        }
    }
}
