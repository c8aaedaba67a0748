package uk.starred.delivery.email;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import uk.starred.api.host.ChannelUnavailableException;
import uk.starred.api.host.Notification;
import uk.starred.testkit.ComponentSettings;
import uk.starred.testkit.TestHost;

/** Starred's e-mail reaches people through a real SMTP server (GreenMail), started and stopped here. */
public class EmailNotifierTest {

    private static final Notification STAGE = new Notification("5b0c7e9e-5e4d-3c3f-9a5e-1c0f2f6b7a01",
            List.of("tm-1", "sw-1"), "C1", "concern-1", "Starred: child C1: stage 'Ratification'",
            "The concern is now at stage 'Ratification'; due by the end of Wed 18 Nov 2026.");

    /** The host's staff directory: two people with addresses, one without. */
    private final TestHost staff = new TestHost().email("tm-1", "priya.shah@council.example")
            .email("sw-1", "tom.reid@council.example").email("nobody", null);

    private GreenMail smtp;

    @Before
    public void startMailServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("starred", "s3cret-Pa55"));
        smtp.start();
    }

    @After
    public void stopMailServer() {
        smtp.stop();
    }

    /** The settings as Declarative Services gives them from etc/. */
    static EmailSettings settings(Map<String, Object> configured) {
        return ComponentSettings.of(EmailSettings.class, configured);
    }

    private Map<String, Object> plain() {
        Map<String, Object> s = new HashMap<>();
        s.put("host", "127.0.0.1");
        s.put("port", smtp.getSmtp().getPort());
        s.put("security", "none");
        s.put("username", "starred");
        s.put("password", "s3cret-Pa55");
        s.put("from", "starred-no-reply@council.example");
        s.put("caseLink", "https://cases.council.example/children/{child}/starred");
        s.put("timeoutSeconds", 5);
        return s;
    }

    private EmailNotifier notifier(Map<String, Object> s) {
        return new EmailNotifier(staff, MailServer.of(settings(s)),
                Clock.fixed(Instant.parse("2026-11-16T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    public void eachRecipientGetsTheirOwnMessageWithTheNoticeAndTheLinkToTheChild() throws Exception {
        EmailNotifier email = notifier(plain());
        email.send(STAGE);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        for (MimeMessage m : received) {
            assertEquals("one recipient a message", 1, m.getAllRecipients().length);
            assertEquals(STAGE.subject(), m.getSubject());
            assertEquals("starred-no-reply@council.example", m.getFrom()[0].toString());
            String text = m.getContent().toString();
            assertTrue(text, text.contains("The concern is now at stage 'Ratification'"));
            assertTrue(text, text.contains("https://cases.council.example/children/C1/starred"));
            assertEquals(STAGE.id(), m.getHeader("X-Starred-Notification")[0]);
        }
        assertEquals(Set.of("priya.shah@council.example", "tom.reid@council.example"),
                Set.of(received[0].getAllRecipients()[0].toString(), received[1].getAllRecipients()[0].toString()));
        email.deactivate();
    }

    @Test
    public void aMessageSentAgainCarriesTheSameMessageIdSoMailSystemsCanTellTheRepeat() throws Exception {
        EmailNotifier email = notifier(plain());
        Notification one = new Notification(STAGE.id(), List.of("tm-1"), "C1", "concern-1", STAGE.subject(),
                STAGE.body());
        email.send(one);
        email.send(one);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        String id = received[0].getMessageID();
        assertTrue(id, id.startsWith("<" + STAGE.id() + ".") && id.endsWith("@council.example>"));
        assertEquals(id, received[1].getMessageID());
        assertFalse("the staff id is not in the Message-ID", id.contains("tm-1"));
    }

    @Test
    public void withContentLinkTheTextStaysInTheCaseSystem() throws Exception {
        Map<String, Object> s = plain();
        s.put("content", "link");
        notifier(s).send(STAGE);
        String text = smtp.getReceivedMessages()[0].getContent().toString();
        assertFalse(text, text.contains("Ratification"));
        assertTrue(text, text.contains("https://cases.council.example/children/C1/starred"));
    }

    @Test
    public void aServerThatIsDownIsAnErrorToRetryAndTheNextSendConnectsAgain() throws Exception {
        EmailNotifier email = notifier(plain());
        email.send(new Notification("n-1", List.of("tm-1"), "C1", null, "first", "first"));
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        try {
            email.send(new Notification("n-2", List.of("tm-1"), "C1", null, "second", "second"));
            fail("sent with the server down");
        } catch (ChannelUnavailableException expected) {
            // the outbox keeps the notification, tries no more of the round, and tries again
            assertTrue(expected.getMessage(), expected.getMessage().contains("could not be reached"));
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("starred", "s3cret-Pa55"));
        smtp.start();
        email.send(new Notification("n-2", List.of("tm-1"), "C1", null, "second", "second"));
        assertEquals("second", smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    public void aWrongPasswordIsRefusedAndTheErrorDoesNotHoldIt() throws Exception {
        Map<String, Object> s = plain();
        s.put("password", "not-the-Pa55word");
        try {
            notifier(s).send(STAGE);
            fail("sent with a wrong password");
        } catch (ChannelUnavailableException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("refused the user name and password"));
            assertFalse(e.toString(), e.toString().contains("not-the-Pa55word"));
        }
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void aRecipientWithoutAnAddressIsAnErrorThatNamesNeitherThemNorTheChild() throws Exception {
        try {
            notifier(plain()).send(new Notification("n-3", List.of("nobody"), "C1", null, "s", "b"));
            fail("sent to nobody");
        } catch (uk.starred.delivery.common.NoAddressException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no e-mail address for this recipient"));
            assertFalse(e.getMessage().contains("nobody") || e.getMessage().contains("C1"));
        }
        staff.email("bad", "tom.reid at council");
        try {
            notifier(plain()).send(new Notification("n-4", List.of("bad"), "C1", null, "s", "b"));
            fail("sent to an address that is not one");
        } catch (uk.starred.delivery.common.NoAddressException e) {
            assertFalse("the address is not repeated", e.getMessage().contains("tom.reid"));
        }
    }

    @Test
    public void settingsThatCannotWorkAreRefusedEachNamed() {
        Map<String, Object> s = new HashMap<>();
        s.put("host", " ");
        s.put("security", "ssl3");
        s.put("from", "not an address");
        s.put("content", "link");
        s.put("username", "starred");
        try {
            MailServer.of(settings(s));
            fail("accepted");
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            for (String setting : List.of("host:", "security:", "from:", "caseLink:", "password:")) {
                assertTrue(setting + " in " + m, m.contains(setting));
            }
        }
        assertNotNull(MailServer.of(settings(plain())));
        assertFalse("the password is never shown", MailServer.of(settings(plain())).toString().contains("s3cret"));
    }

    @Test
    public void tlsFromTheStartToAServerWhoseOwnCertificateIsTrusted() throws Exception {
        GreenMail smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("starred", "s3cret-Pa55"));
        smtps.start();
        try {
            Map<String, Object> s = plain();
            s.put("port", smtps.getSmtps().getPort());
            s.put("security", "tls");
            try {
                notifier(s).send(STAGE);
                fail("a certificate no authority signed was trusted");
            } catch (ChannelUnavailableException expected) {
                assertEquals(0, smtps.getReceivedMessages().length);
            }
            s.put("trustedHosts", "127.0.0.1");
            EmailNotifier trusting = notifier(s);
            trusting.send(STAGE);
            trusting.deactivate();
            assertEquals(2, smtps.getReceivedMessages().length);
        } finally {
            smtps.stop();
        }
    }
}
