package uk.starred.impl.outbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.host.ChannelUnavailableException;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * A notification goes through every channel (the host's inbox, e-mail, GOV.UK Notify): one that fails is tried
 * again without telling anyone twice through the others, and a channel an operator names is waited for.
 */
@RunWith(Parameterized.class)
public class NotificationChannelsTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    /** What reached each recipient by e-mail: "message id to staff id". */
    private final List<String> mailed = new CopyOnWriteArrayList<>();
    private final Set<String> mailboxesDown = new CopyOnWriteArraySet<>();

    private final Notifier email = n -> {
        assertEquals("e-mail is given one recipient's copy at a time", 1, n.recipients().size());
        String to = n.recipients().get(0);
        if (mailboxesDown.contains(to)) {
            throw new IOException("550 mailbox unavailable");
        }
        mailed.add(n.id() + " to " + to);
    };

    public NotificationChannelsTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("tm-2", "TEAM_MANAGER", "C1").role("sw-1", "SOCIAL_WORKER", "C1");
        engine.host.signIn("iro-1");
        engine.deliver();
        engine.host.notifications.clear();
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private OutboxRelay relay(Channels channels) {
        return new OutboxRelay(engine.db.jpaTemplate(), engine.host, channels, engine.clock, 500, 16, "node-a");
    }

    private Channels hostAndEmail(Set<String> required) {
        Channels channels = new Channels(required);
        channels.add(engine.host, Map.of());
        channels.add(email, Map.of(Notifier.CHANNEL, "email", Notifier.EACH_RECIPIENT, "true"));
        return channels;
    }

    private void raise() {
        engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(), ConcernOrigin.RED_RAG_RATING,
                List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), "tm-1", null));
    }

    @Test
    public void aRecipientWhoseMailboxFailsIsMailedAgainAloneAndNobodyElseIsToldTwice() {
        mailboxesDown.add("sw-1");
        OutboxRelay relay = relay(hostAndEmail(Set.of()));
        raise();
        relay.deliverDue();
        List<Notification> told = List.copyOf(engine.host.notifications);
        assertEquals("the host's inbox has both messages of the raise", 2, told.size());
        assertEquals("the stage's message is for three people", 3, told.get(1).recipients().size());
        assertTrue("the others were mailed: " + mailed, mailed.contains(told.get(1).id() + " to tm-2")
                && mailed.contains(told.get(1).id() + " to tm-1"));
        assertEquals("one notification waits for its retry", 1, relay.backlog().undelivered());
        String waiting = engine.db.string("SELECT last_error FROM outbox WHERE delivered_at IS NULL");
        assertTrue("the error names the channel: " + waiting, waiting.startsWith("[email] java.io.IOException"));

        mailboxesDown.clear();
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals(0, relay.backlog().undelivered());
        assertEquals("the host's inbox was not told again", told, engine.host.notifications);
        assertEquals("each recipient mailed each notification once: " + mailed, List.of(told.get(0).id() + " to tm-1",
                told.get(1).id() + " to tm-1", told.get(1).id() + " to tm-2", told.get(1).id() + " to sw-1"),
                mailed);
    }

    @Test
    public void aChannelTheOperatorNamesIsWaitedForWhileItIsNotRunning() {
        Channels channels = new Channels(Set.of("host", "email"));
        channels.add(engine.host, Map.of());
        OutboxRelay relay = relay(channels);
        raise();
        relay.deliverDue();
        List<Notification> told = List.copyOf(engine.host.notifications);
        assertTrue("the host's inbox is told at once", !told.isEmpty());
        String waiting = engine.db.string("SELECT MIN(last_error) FROM outbox WHERE delivered_at IS NULL");
        assertTrue(waiting, waiting.contains("email not running"));

        channels.add(email, Map.of(Notifier.CHANNEL, "email", Notifier.EACH_RECIPIENT, "true"));
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals(0, relay.backlog().undelivered());
        assertEquals("the host's inbox was told each message once", engine.host.notifications.stream()
                .map(Notification::id).distinct().count(), engine.host.notifications.size());
        assertEquals("what it had first is still first", told, engine.host.notifications.subList(0, told.size()));
        assertTrue("e-mail sent once it runs", !mailed.isEmpty());
    }

    @Test
    public void theChannelsToWaitForAreReadAsAConfigurationFileWritesThem() {
        assertEquals(Set.of("host", "email"), Channels.named(new String[] {"host, email"}));
        assertEquals(Set.of("host", "govuk-notify"), Channels.named(new String[] {"host", " govuk-notify "}));
        assertEquals(Set.of(), Channels.named(new String[] {""}));
    }

    @Test
    public void ofTwoNotifiersNamingOneChannelTheHigherRankedSends() {
        List<String> low = new CopyOnWriteArrayList<>();
        Channels channels = new Channels(Set.of());
        channels.add(n -> low.add(n.id()), Map.of(Notifier.CHANNEL, "email", "service.ranking", 1, "service.id", 7L));
        channels.add(email, Map.of(Notifier.CHANNEL, "email", Notifier.EACH_RECIPIENT, "true", "service.ranking", 5,
                "service.id", 9L));
        raise();
        relay(channels).deliverDue();
        assertTrue("the lower ranked notifier of the channel sent nothing", low.isEmpty());
        assertTrue(!mailed.isEmpty());
    }

    @Test
    public void aMailboxThatKeepsFailingHoldsBackNobodysInboxAndItsMailIsTriedAgainAlone() {
        mailboxesDown.add("tm-1");
        OutboxRelay relay = relay(hostAndEmail(Set.of("host")));
        raise();
        relay.deliverDue();
        List<Notification> told = List.copyOf(engine.host.notifications);
        assertEquals("the host's inbox has both of the concern's notifications in one round, though tm-1's mailbox"
                + " failed the first", 2, told.size());
        assertEquals("tm-2 and sw-1 were mailed the second", Set.of(told.get(1).id() + " to tm-2",
                told.get(1).id() + " to sw-1"), Set.copyOf(mailed));
        assertEquals(2, mailed.size());
        assertEquals("both wait for tm-1's mailbox", 2, relay.backlog().undelivered());
        assertEquals("neither holds back what comes after it", 0,
                engine.db.count("outbox WHERE delivered_at IS NULL AND holds_back"));

        mailboxesDown.clear();
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals(0, relay.backlog().undelivered());
        assertEquals("the host's inbox was not told again", told, engine.host.notifications);
        assertEquals("tm-1 mailed each once, the others not again", 4, mailed.size());
        assertTrue(mailed.contains(told.get(0).id() + " to tm-1") && mailed.contains(told.get(1).id() + " to tm-1"));
    }

    @Test
    public void onAChannelTheOperatorNamesAFailureKeepsTheConcernsNotificationsInOrder() {
        mailboxesDown.add("tm-1");
        OutboxRelay relay = relay(hostAndEmail(Set.of("host", "email")));
        raise();
        relay.deliverDue();
        assertEquals("the second waits behind the first, whose e-mail failed", 1, engine.host.notifications.size());
        assertEquals(1, engine.db.count("outbox WHERE delivered_at IS NULL AND holds_back AND attempts = 1"));

        mailboxesDown.clear();
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals(0, relay.backlog().undelivered());
        assertEquals(2, engine.host.notifications.size());
        assertEquals("e-mail in the order written", engine.host.notifications.get(0).id() + " to tm-1", mailed.get(0));
    }

    @Test
    public void aChannelThatCannotSendIsTriedOnceInARoundNotOnceForEveryNotification() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean serverDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        Notifier smtp = n -> {
            tries.incrementAndGet();
            if (serverDown.get()) {
                throw new ChannelUnavailableException("the mail server could not be reached (ConnectException)");
            }
            mailed.add(n.id() + " to " + n.recipients().get(0));
        };
        Channels channels = new Channels(Set.of("host"));
        channels.add(engine.host, Map.of());
        channels.add(smtp, Map.of(Notifier.CHANNEL, "email", Notifier.EACH_RECIPIENT, "true"));
        OutboxRelay relay = relay(channels);
        for (int i = 0; i < 5; i++) {
            raise();
        }
        relay.deliverDue();
        assertEquals("one attempt in the round, not one for each of 20 copies", 1, tries.get());
        assertEquals("the host's inbox has every notification", 10, engine.host.notifications.size());
        assertEquals(10, relay.backlog().undelivered());
        assertEquals("the others say why they were not tried", 9,
                engine.db.count("outbox WHERE last_error LIKE '[email] not tried: %could not be reached%'"));

        serverDown.set(false);
        tries.set(0);
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals(0, relay.backlog().undelivered());
        assertEquals("each copy mailed once", 20, mailed.size());
        assertEquals(20, mailed.stream().distinct().count());
        assertEquals(10, engine.host.notifications.size());
    }

    @Test
    public void aNotifierWhoseCodeFailsToLinkFailsItsOwnChannelAndWhatWasSentIsRecorded() {
        Notifier refreshed = n -> {
            throw new NoClassDefFoundError("uk/council/mail/Sender");
        };
        Channels channels = new Channels(Set.of("host"));
        channels.add(engine.host, Map.of());
        channels.add(refreshed, Map.of(Notifier.CHANNEL, "email"));
        OutboxRelay relay = relay(channels);
        raise();
        relay.deliverDue();
        assertEquals("the host's inbox has both, once", 2, engine.host.notifications.size());
        assertEquals(2, engine.db.count("outbox WHERE delivered_at IS NULL AND reached = 'host'"
                + " AND last_error LIKE '[email] NoClassDefFoundError%'"));
        engine.clock.advance(OutboxRelay.backoff(1));
        relay.deliverDue();
        assertEquals("never told twice", 2, engine.host.notifications.size());
    }

    @Test
    public void withNoChannelNamedANotificationThatReachedNoOneStillHoldsBackThoseAfterIt() {
        mailboxesDown.add("tm-1");
        Channels channels = new Channels(Set.of());
        channels.add(email, Map.of(Notifier.CHANNEL, "email", Notifier.EACH_RECIPIENT, "true"));
        OutboxRelay relay = relay(channels);
        raise();
        relay.deliverDue();
        assertEquals("the first reached no one: the second waits behind it", List.of(), mailed);
        assertEquals(1, engine.db.count("outbox WHERE delivered_at IS NULL AND holds_back AND attempts = 1"));
    }
}
