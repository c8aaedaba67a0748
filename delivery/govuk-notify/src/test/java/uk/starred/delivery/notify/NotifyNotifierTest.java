package uk.starred.delivery.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.host.Notification;
import uk.starred.delivery.notify.testing.NotifyApiServer;
import uk.starred.testkit.SettableClock;
import uk.starred.testkit.ComponentSettings;
import uk.starred.testkit.TestHost;

/** Starred's notifications through an HTTP server that speaks GOV.UK Notify's documented API. */
public class NotifyNotifierTest {

    private static final Notification STAGE = new Notification("5b0c7e9e-5e4d-3c3f-9a5e-1c0f2f6b7a01",
            List.of("tm-1", "sw-1"), "C1", "concern-1", "Starred: child C1: stage 'Ratification'",
            "The concern is now at stage 'Ratification'; due by the end of Wed 18 Nov 2026.");

    private final TestHost staff = new TestHost().email("tm-1", "priya.shah@council.example")
            .email("sw-1", "tom.reid@council.example").email("nobody", null);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-16T10:00:00Z"));
    private final NotifyApiServer.Template template = NotifyApiServer.starredTemplate();
    private NotifyApiServer notify;

    @Before
    public void startNotify() throws Exception {
        notify = new NotifyApiServer(clock, template);
    }

    @After
    public void stopNotify() {
        notify.close();
    }

    /** The settings as Declarative Services gives them from etc/. */
    static NotifySettings settings(Map<String, Object> configured) {
        return ComponentSettings.of(NotifySettings.class, configured);
    }

    private Map<String, Object> configured() {
        Map<String, Object> s = new HashMap<>();
        s.put("apiKey", notify.apiKey());
        s.put("templateId", template.id());
        s.put("caseLink", "https://cases.council.example/children/{child}/starred");
        s.put("baseUrl", notify.baseUrl());
        s.put("timeoutSeconds", 5);
        return s;
    }

    private NotifyNotifier notifier(Map<String, Object> s) {
        return new NotifyNotifier(staff, NotifyService.of(settings(s)), clock);
    }

    @Test
    public void eachRecipientIsSentTheCouncilsTemplateWithTheNoticeAndTheLink() throws Exception {
        notifier(configured()).send(STAGE);
        List<NotifyApiServer.Sent> sent = notify.sent();
        assertEquals(2, sent.size());
        assertEquals(Set.of("priya.shah@council.example", "tom.reid@council.example"),
                sent.stream().map(NotifyApiServer.Sent::emailAddress).collect(Collectors.toSet()));
        for (NotifyApiServer.Sent s : sent) {
            assertEquals(STAGE.subject(), s.subject());
            assertTrue(s.body(), s.body().startsWith(STAGE.body()));
            assertTrue(s.body(), s.body().endsWith("https://cases.council.example/children/C1/starred"));
            assertTrue(s.reference(), s.reference().startsWith("starred-" + STAGE.id() + "-"));
        }
        assertFalse("two recipients, two references", sent.get(0).reference().equals(sent.get(1).reference()));
    }

    @Test
    public void aMessageSentAgainCarriesTheSameReference() throws Exception {
        Notification one = new Notification(STAGE.id(), List.of("tm-1"), "C1", null, "s", "b");
        notifier(configured()).send(one);
        notifier(configured()).send(one);
        assertEquals(notify.sent().get(0).reference(), notify.sent().get(1).reference());
        assertFalse("the staff id is not in the reference", notify.sent().get(0).reference().contains("tm-1"));
    }

    @Test
    public void withContentLinkTheTextIsNotSentToNotify() throws Exception {
        Map<String, Object> s = configured();
        s.put("content", "link");
        notifier(s).send(STAGE);
        String body = notify.sent().get(0).body();
        assertFalse(body, body.contains("Ratification"));
        assertTrue(body, body.contains("https://cases.council.example/children/C1/starred"));
    }

    @Test
    public void whatNotifyRefusesIsAnErrorToRetryNamingNotifysOwnWords() throws Exception {
        NotifyNotifier notifier = notifier(configured());
        notify.rateLimitNext(1);
        try {
            notifier.send(STAGE);
            fail("sent over the rate limit");
        } catch (NotifyNotifier.NotifyUnavailableException e) {
            assertEquals(429, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("RateLimitError: Exceeded rate limit"));
        }
        notify.failNext(1);
        try {
            notifier.send(STAGE);
            fail("sent while Notify failed");
        } catch (NotifyNotifier.NotifyUnavailableException e) {
            assertEquals(500, e.status());
        }
        notifier.send(STAGE);
        assertEquals(2, notify.sent().size());
    }

    @Test
    public void aWrongKeyOrAWrongClockIsRefusedAndTheErrorNeverHoldsTheKey() throws Exception {
        Map<String, Object> s = configured();
        String wrong = notify.wrongApiKey();
        s.put("apiKey", wrong);
        try {
            notifier(s).send(STAGE);
            fail("a key Notify does not know was taken");
        } catch (NotifyNotifier.NotifyUnavailableException e) {
            assertEquals(403, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("AuthError"));
            assertFalse(e.getMessage().contains(wrong.substring(wrong.length() - 36)));
        }
        NotifyNotifier notifier = notifier(configured());
        NotifyApiServer later = new NotifyApiServer(Clock.fixed(clock.instant().plus(Duration.ofMinutes(2)),
                ZoneOffset.UTC), template);
        try {
            Map<String, Object> atLater = configured();
            atLater.put("baseUrl", later.baseUrl());
            atLater.put("apiKey", notify.apiKey());
            notifier(atLater).send(STAGE);
            fail("a token two minutes old was taken");
        } catch (NotifyNotifier.NotifyUnavailableException e) {
            assertEquals(403, e.status());
        } finally {
            later.close();
        }
        notifier.send(STAGE);
        assertEquals(2, notify.sent().size());
    }

    @Test
    public void aTemplateWithoutOurPlaceholdersFailsAsNotifySaysAndARecipientWithoutAnAddressIsNamedByNeither()
            throws Exception {
        NotifyApiServer.Template other = new NotifyApiServer.Template(java.util.UUID.randomUUID().toString(),
                "((subject))", "((body)) ((first_name))");
        try (NotifyApiServer withOther = new NotifyApiServer(clock, other)) {
            Map<String, Object> s = configured();
            s.put("baseUrl", withOther.baseUrl());
            s.put("apiKey", withOther.apiKey());
            s.put("templateId", other.id());
            notifier(s).send(STAGE);
            fail("sent without the template's placeholder");
        } catch (NotifyNotifier.NotifyRefusedException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Missing personalisation: first_name"));
        }
        try {
            notifier(configured()).send(new Notification("n-3", List.of("nobody"), "C1", null, "s", "b"));
            fail("sent to nobody");
        } catch (uk.starred.delivery.common.NoAddressException e) {
            assertFalse(e.getMessage().contains("nobody") || e.getMessage().contains("C1"));
        }
    }

    @Test
    public void settingsThatCannotWorkAreRefusedEachNamedAndTheKeyIsNeverShown() {
        Map<String, Object> s = new HashMap<>();
        s.put("apiKey", "live-key-that-is-too-short");
        s.put("templateId", "template");
        s.put("content", "link");
        s.put("baseUrl", "ftp://notify");
        try {
            NotifyService.of(settings(s));
            fail("accepted");
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            for (String setting : List.of("apiKey:", "templateId:", "caseLink:", "baseUrl:")) {
                assertTrue(setting + " in " + m, m.contains(setting));
            }
            assertFalse(m, m.contains("too-short"));
        }
        String key = notify.apiKey();
        assertFalse(NotifyService.of(settings(configured())).toString().contains(key.substring(key.length() - 36)));
    }
}
