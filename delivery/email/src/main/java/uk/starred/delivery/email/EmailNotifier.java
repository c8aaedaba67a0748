package uk.starred.delivery.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import uk.starred.api.host.ChannelUnavailableException;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.delivery.common.NoAddressException;
import uk.starred.delivery.common.Recipients;

/**
 * Starred's notifications by e-mail over SMTP: each recipient their own message, to the address the host's staff
 * directory gives. A message that cannot be sent (the server down or refusing it, a recipient without an address)
 * is an exception (the server out of reach or refusing the user name the channel unavailable, so the round tries
 * no more), so the outbox tries it again with growing waits and, after its attempts run out, keeps it as a
 * dead letter for an operator ({@code starred:outbox --dead}). Each message carries a Message-ID made from the
 * notification and the recipient, the same on every attempt, so mail systems can tell a rare repeat after a crash.
 *
 * <p>Nothing about a message goes to the log: not its text, its recipient or its address; and never the
 * password.
 */
@Component(service = Notifier.class, configurationPid = EmailNotifier.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {Notifier.CHANNEL + "=" + EmailNotifier.CHANNEL, Notifier.EACH_RECIPIENT + ":Boolean=true"})
@Designate(ocd = EmailSettings.class)
public class EmailNotifier implements Notifier {

    /** The configuration's persistent identity: {@code etc/uk.starred.delivery.email.cfg}. */
    public static final String PID = "uk.starred.delivery.email";

    /** The channel's name, as the outbox records it and an operator names it. */
    public static final String CHANNEL = "email";

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);

    /** Jakarta Mail's implementation (Eclipse Angus Mail), whose services the API looks up. */
    private static final ClassLoader MAIL_LOADER = org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader();

    private final StaffDirectory staff;
    private final MailServer settings;
    private final Session session;
    private final Clock clock;
    private final Object sending = new Object();
    private final java.util.concurrent.atomic.AtomicLong serverFailures = new java.util.concurrent.atomic.AtomicLong();
    private Transport transport;
    private boolean stopped;

    @Activate
    public EmailNotifier(@Reference StaffDirectory staff, EmailSettings settings) {
        this(staff, MailServer.of(settings), Clock.systemUTC());
    }

    EmailNotifier(StaffDirectory staff, MailServer settings, Clock clock) {
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_LOADER);
        try {
            this.session = Session.getInstance(settings.sessionProperties());
        } finally {
            thread.setContextClassLoader(before);
        }
        LOG.info("E-mail delivery of Starred's notifications is on, through the SMTP server configured in {}", PID);
    }

    @Deactivate
    void deactivate() {
        synchronized (sending) {
            stopped = true;
            close();
        }
    }

    /**
     * @throws uk.starred.api.host.ChannelUnavailableException the server out of reach, not answering, or refusing
     *         the user name
     * @throws NoAddressException the recipient has no usable address
     * @throws Exception the server refused the message: its SMTP reply code, never its words (they quote the
     *         address)
     */
    @Override
    public void send(Notification notification) throws Exception {
        for (String recipient : notification.recipients()) {
            InternetAddress to = address(recipient);
            try {
                MimeMessage message = withMailLoader(() -> message(notification, recipient, to));
                long failedBefore = serverFailures.get();
                synchronized (sending) {
                    if (stopped) {
                        throw new ChannelUnavailableException("the e-mail channel has stopped");
                    }
                    if (serverFailures.get() != failedBefore) {
                        // the server failed another message while this one waited for the connection: not
                        // another time-out now; the outbox tries it again later
                        throw new ChannelUnavailableException("the mail server failed while this message waited");
                    }
                    withMailLoader(() -> {
                        transmit(message);
                        return null;
                    });
                }
            } catch (MessagingException e) {
                Exception told = MailFailures.told(e);
                if (told instanceof ChannelUnavailableException) {
                    serverFailures.incrementAndGet();
                }
                throw told;
            }
        }
    }

    /** @return the recipient's address from the host's staff directory */
    private InternetAddress address(String staffId) throws NoAddressException {
        String email = Recipients.address(staff, staffId);
        try {
            return new InternetAddress(email, true);
        } catch (AddressException e) {
            // the exception's text holds the address: it is not passed on
            throw new NoAddressException("the host's staff directory gives this recipient an address that is not"
                    + " an e-mail address");
        }
    }

    private MimeMessage message(Notification n, String staffId, InternetAddress to) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId(n.id(), staffId));
        message.setFrom(settings.from());
        if (settings.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {settings.replyTo()});
        }
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(n.subject(), StandardCharsets.UTF_8.name());
        message.setText(settings.text(n), StandardCharsets.UTF_8.name());
        message.setHeader("X-Starred-Notification", n.id());
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    /** Sends over the connection kept open between messages, opening it again when the server closed it. */
    private void transmit(MimeMessage message) throws MessagingException {
        try {
            if (transport == null || !transport.isConnected()) {
                close();
                transport = session.getTransport(settings.protocol());
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close();
            throw e;
        }
    }

    private void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    /**
     * The same on every attempt for one notification and recipient; at the sender's domain. The staff id is
     * hashed: it is the host's, not the mail system's.
     */
    private String messageId(String notificationId, String staffId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(staffId.getBytes(StandardCharsets.UTF_8));
            return "<" + notificationId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@" + settings.domain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Runs with the thread's context class loader set to Jakarta Mail's implementation: its API finds the
     * implementation through {@link java.util.ServiceLoader}, which in OSGi sees only that loader's services.
     */
    private static <T> T withMailLoader(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_LOADER);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A message whose Message-ID is Starred's own, not one made up each time it is saved. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
