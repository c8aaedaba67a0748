package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import uk.starred.delivery.notify.testing.NotifyApiServer;

/**
 * The demo distribution's notifications reach people by e-mail, through a real SMTP server (GreenMail), and through
 * an HTTP server that speaks GOV.UK Notify's documented API, both configured in {@code etc/} as a council would;
 * a mail server that is down holds nothing back from Notify and loses nothing, and neither the API key, the mail
 * password nor what was written about a child reaches the log. (No browser: this class needs only the
 * distribution.)
 */
public class NotificationDeliveryIT {

    private static final String CHILD = "DEMO-000-S2";
    private static final String MAIL_PASSWORD = "mail-" + UUID.randomUUID();
    private static final GreenMail SMTP = startSmtp(0);
    private static final NotifyApiServer.Template TEMPLATE = NotifyApiServer.starredTemplate();
    private static final NotifyApiServer NOTIFY = startNotify();

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution()
            .configured("uk.starred.delivery.email", Map.of("host", "127.0.0.1",
                    "port", Integer.toString(SMTP.getSmtp().getPort()), "security", "none",
                    "username", "starred", "password", MAIL_PASSWORD, "from", "starred-no-reply@council.example",
                    "caseLink", "https://cases.council.example/children/{child}/starred", "timeoutSeconds", "5"))
            .configured("uk.starred.delivery.govuk.notify", Map.of("apiKey", NOTIFY.apiKey(),
                    "templateId", TEMPLATE.id(), "baseUrl", NOTIFY.baseUrl(),
                    "caseLink", "https://cases.council.example/children/{child}/starred"));

    private static GreenMail smtp = SMTP;

    private static GreenMail startSmtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("starred", MAIL_PASSWORD));
        mail.start();
        return mail;
    }

    private static NotifyApiServer startNotify() {
        try {
            return new NotifyApiServer(Clock.systemUTC(), TEMPLATE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the Notify API server did not start", e);
        }
    }

    @AfterClass
    public static void stopServers() {
        smtp.stop();
        NOTIFY.close();
    }

    @Test
    public void aRaisedConcernReachesTheTeamManagerByEmailAndThroughNotify() throws Exception {
        LogLines log = LogLines.from(demo.karafLog());
        String marker = "mark-" + UUID.randomUUID();
        DemoClient.Answer raised = new DemoClient(demo).raise(CHILD, marker);
        assertEquals(raised.body(), 201, raised.status());

        List<MimeMessage> mails = waitFor("the e-mail about the raise", () -> mailsHolding(smtp, marker), 1);
        MimeMessage mail = mails.stream().filter(m -> to(m).equals("jo.evans@council.example")).findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail to the Team Manager"));
        assertTrue(mail.getSubject(), mail.getSubject().contains(CHILD));
        String text = mail.getContent().toString();
        assertTrue(text, text.contains("https://cases.council.example/children/" + CHILD + "/starred"));
        assertEquals("starred-no-reply@council.example", mail.getFrom()[0].toString());

        List<NotifyApiServer.Sent> sent = waitFor("the Notify e-mail about the raise",
                () -> NOTIFY.sent().stream().filter(s -> s.body().contains(marker)).toList(), 1);
        assertTrue(sent.stream().anyMatch(s -> s.emailAddress().equals("jo.evans@council.example")));
        assertEquals("what Notify was sent has the template's subject", mail.getSubject(), sent.get(0).subject());
        assertNothingSecretIn(log, marker);
    }

    @Test
    public void aMailServerThatIsDownHoldsNothingBackFromNotifyAndItsMailArrivesWhenItIsBack() throws Exception {
        LogLines log = LogLines.from(demo.karafLog());
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        String marker = "mark-" + UUID.randomUUID();
        DemoClient.Answer raised = new DemoClient(demo).raise(CHILD, marker);
        assertEquals(raised.body(), 201, raised.status());
        List<NotifyApiServer.Sent> sent = waitFor("Notify told while the mail server is down",
                () -> NOTIFY.sent().stream().filter(s -> s.body().contains(marker)).toList(), 1);

        DemoDistribution.ConsoleRun waiting = waitFor("the e-mail waiting in the outbox", () -> {
            try {
                DemoDistribution.ConsoleRun run = demo.console("starred:outbox");
                return run.output().contains("[email]") ? List.of(run) : List.of();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 1).get(0);
        assertTrue(waiting.output(), waiting.output().contains("NOTIFICATION"));

        smtp = startSmtp(port);
        for (String line : waiting.output().split("\n")) {
            if (line.contains("[email]")) {
                demo.console("starred:outbox --retry " + line.strip().split("\\s+")[0]);
            }
        }
        List<MimeMessage> mails = waitFor("the e-mail once the mail server is back", () -> mailsHolding(smtp, marker), 1);
        assertTrue(mails.stream().anyMatch(m -> to(m).equals("jo.evans@council.example")));
        assertEquals("Notify was not sent it again", sent.size(),
                NOTIFY.sent().stream().filter(s -> s.body().contains(marker)).count());
        assertNothingSecretIn(log, marker);
    }

    private static void assertNothingSecretIn(LogLines log, String marker) throws Exception {
        String key = NOTIFY.apiKey();
        List<String> found = LogLines.holding(log.since(), key.substring(key.length() - 36), MAIL_PASSWORD, marker,
                "jo.evans@council.example");
        assertTrue("the log holds a secret, an address or what was written: " + found, found.isEmpty());
    }

    private static List<MimeMessage> mailsHolding(GreenMail mail, String marker) {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                if (m.getContent().toString().contains(marker)) {
                    found.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most a minute) for what another process does; @return what was found */
    private static <T> List<T> waitFor(String what, Supplier<List<T>> found, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<T> now = found.get();
            if (now.size() >= atLeast) {
                return now;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(200);
        }
    }
}
