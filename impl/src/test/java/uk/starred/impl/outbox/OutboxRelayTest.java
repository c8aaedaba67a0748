package uk.starred.impl.outbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/** Case notes and notifications reach the host exactly once, however often the host fails first. */
@RunWith(Parameterized.class)
public class OutboxRelayTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public OutboxRelayTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1");
        engine.host.signIn("iro-1");
        engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(), ConcernOrigin.RED_RAG_RATING,
                List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), "tm-1", null));
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void aHostThatIsDownLosesNothingAndIsRetriedWithGrowingWaits() {
        engine.host.caseFileDown(true);
        engine.host.notifierDown(true);
        assertEquals("only the event, posted to no one without Event Admin", 1, engine.deliverCounting());
        assertEquals("the first case note and the first notification failed", 2,
                engine.db.count("outbox WHERE delivered_at IS NULL AND attempts = 1"));
        assertEquals("the second of each waits behind the first, untried", 2,
                engine.db.count("outbox WHERE delivered_at IS NULL AND attempts = 0"));

        engine.host.caseFileDown(false);
        engine.host.notifierDown(false);
        assertEquals("not yet: the first retry waits 10 seconds", 0, engine.deliverCounting());
        engine.clock.advance(Duration.ofSeconds(10));
        assertEquals(4, engine.deliverCounting());
        assertEquals(2, engine.host.caseNotes.size());
        assertEquals(2, engine.host.notifications.size());
        assertEquals(0, engine.deliverCounting());
        assertEquals("the event too", 5, engine.db.count("outbox WHERE delivered_at IS NOT NULL AND last_error IS NULL"));
    }

    @Test
    public void operatorsSeeWhatIsStuckAndWhyAndCanRetryItNow() {
        engine.host.notifierDown(true);
        engine.deliver();
        java.util.List<uk.starred.api.outbox.PendingMessage> stuck = engine.relay.pending(100);
        assertEquals(2, stuck.size());
        assertTrue(stuck.stream().allMatch(m -> m.kind().equals("NOTIFICATION")));
        uk.starred.api.outbox.PendingMessage failed = stuck.stream().filter(m -> m.attempts() == 1).findFirst()
                .orElseThrow();
        assertTrue(failed.lastError(), failed.lastError().contains("mail server unavailable"));
        assertEquals("the other waits behind it, untried", 1, stuck.stream().filter(m -> m.attempts() == 0).count());

        engine.host.notifierDown(false);
        assertEquals("nothing is due before the wait is over", 0, engine.deliverCounting());
        assertTrue(engine.relay.retryNow(failed.id()));
        assertEquals("the one retried, then the one behind it", 2, engine.deliverCounting());
        assertEquals(0, engine.relay.pending(100).size());
        assertEquals(false, engine.relay.retryNow("no-such-message"));
    }

    @Test
    public void eventsArePostedOnEventAdminOnceTheChangeHasCommittedAndOnlyOnce() {
        List<org.osgi.service.event.Event> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.relay.useEventSink(new EventAdminSink(new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                posted.add(event);
            }
        }));
        engine.deliver();
        assertEquals(1, posted.size());
        org.osgi.service.event.Event event = posted.get(0);
        assertEquals(uk.starred.api.alert.AlertEvents.CONCERN_CHANGED, event.getTopic());
        assertEquals("C1", event.getProperty(uk.starred.api.alert.AlertEvents.CHILD_ID));
        assertEquals("raise", event.getProperty(uk.starred.api.alert.AlertEvents.WHAT));
        assertEquals("2026-11-16T10:00:00Z", event.getProperty(uk.starred.api.alert.AlertEvents.AT));
        engine.deliver();
        assertEquals("posted once", 1, posted.size());
    }

    @Test
    public void failuresBackOffToAnHourAtMost() {
        assertEquals(Duration.ofSeconds(10), OutboxRelay.backoff(1));
        assertEquals(Duration.ofSeconds(20), OutboxRelay.backoff(2));
        assertEquals(Duration.ofSeconds(640), OutboxRelay.backoff(7));
        assertEquals(Duration.ofHours(1), OutboxRelay.backoff(12));
        assertEquals(Duration.ofHours(1), OutboxRelay.backoff(500));
    }

    @Test
    public void twoRelaysRunningAtOnceDeliverEachMessageOnce() throws Exception {
        OutboxRelay other = OutboxRelay.onCallersThread(engine.db.jpaTemplate(), engine.host, engine.host, engine.clock, 500);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.concurrent.Future<Integer> a = pool.submit(() -> {
                start.await();
                return engine.deliverCounting();
            });
            java.util.concurrent.Future<Integer> b = pool.submit(() -> {
                start.await();
                return other.deliverDue();
            });
            start.countDown();
            assertEquals("two case notes, two notifications and an event", 5, a.get() + b.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("each message handed to the host once", 4, engine.host.deliveries.get());
    }

    @Test
    public void aClaimLeftByARelayThatDiedComesBackAfterItsLease() {
        engine.db.execute("UPDATE outbox SET next_attempt_at = TIMESTAMP '2026-11-16 10:02:00'");
        assertEquals("claimed by a relay that died: held for the lease", 0, engine.deliverCounting());
        engine.clock.advance(OutboxRelay.LEASE);
        assertEquals(5, engine.deliverCounting());
        assertTrue(engine.host.noteTypes().contains("Starred Recommendation"));
    }

    /** Every message handed to the host, in the order it was handed, whatever its kind. */
    private final List<String> handed = new java.util.concurrent.CopyOnWriteArrayList<>();

    private uk.starred.api.host.CaseFile caseFileFailingOn(java.util.Set<String> failing) {
        return note -> {
            if (failing.contains(note.id())) {
                throw new java.io.IOException("the case file refused it");
            }
            engine.host.write(note);
            handed.add(note.id());
        };
    }

    private uk.starred.api.host.Notifier notifierFailingOn(java.util.Set<String> failing) {
        return message -> {
            if (failing.contains(message.id())) {
                throw new java.io.IOException("the mail server refused it");
            }
            engine.host.send(message);
            handed.add(message.id());
        };
    }

    /** @return the ids of the concern's messages of the kind, in the order they were written */
    private List<String> written(String concernId, String kind) {
        List<String> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = engine.db.dataSource().getConnection();
             java.sql.PreparedStatement q = c.prepareStatement("SELECT id FROM outbox WHERE concern_id = ?"
                     + " AND kind = ? ORDER BY seq")) {
            q.setString(1, concernId);
            q.setString(2, kind);
            try (java.sql.ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue("within 30 s: " + what, System.nanoTime() < giveUp);
            Thread.sleep(20);
        }
    }

    private String raiseAnother() {
        return engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1),
                "tm-1", null)).id().toString();
    }

    @Test
    public void aRunningRelayDeliversAsSoonAsTheChangeCommitsOnSeveralThreadsEachConcernInOrder() throws Exception {
        engine.deliver();
        handed.clear();
        OutboxRelay relay = new OutboxRelay(engine.db.jpaTemplate(), caseFileFailingOn(java.util.Set.of()),
                Channels.of(notifierFailingOn(java.util.Set.of())), engine.clock, 7, 16, "node-a");
        // polling once an hour: only the commit's wake-up can deliver within the test
        relay.start(3600, 4);
        List<String> concerns = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                concerns.add(raiseAnother());
            }
            waitUntil("every message delivered", () -> engine.db.count("outbox WHERE delivered_at IS NULL") == 0);
        } finally {
            relay.stop();
        }
        for (String concern : concerns) {
            for (String kind : List.of("CASE_NOTE", "NOTIFICATION")) {
                List<String> expected = written(concern, kind);
                assertEquals("each message once", expected.size(),
                        handed.stream().filter(expected::contains).count());
                assertEquals("the concern's " + kind + "s in the order they were written",
                        expected, handed.stream().filter(expected::contains).toList());
            }
        }
        assertEquals(0, engine.db.count("outbox WHERE claimed_by IS NOT NULL"));
    }

    @Test
    public void aFailedMessageHoldsBackItsConcernsLaterMessagesOfItsKindUntilRetriedOrGivenUpAsADeadLetter() {
        String concern = raiseAnother();
        List<String> notes = written(concern, "CASE_NOTE");
        assertEquals("a raise writes two case notes", 2, notes.size());
        String first = notes.get(0);
        java.util.Set<String> failing = new java.util.concurrent.CopyOnWriteArraySet<>(java.util.Set.of(first));
        OutboxRelay relay = new OutboxRelay(engine.db.jpaTemplate(), caseFileFailingOn(failing),
                Channels.of(notifierFailingOn(failing)), engine.clock, 500, 2, "node-a");

        relay.deliverDue();
        assertTrue("the concern's second case note waits behind the first: " + handed, !handed.contains(notes.get(1)));
        assertTrue("its notifications are not held back by its case file", handed.containsAll(
                written(concern, "NOTIFICATION")));
        assertEquals("nor are the case notes of the concern raised first", 2, engine.host.caseNotes.size());
        assertEquals(1, relay.pending(100).stream().filter(m -> m.attempts() == 1).count());

        engine.clock.advance(Duration.ofSeconds(10));
        relay.deliverDue();
        List<uk.starred.api.outbox.PendingMessage> dead = relay.deadLetters(10);
        assertEquals("given up after its second attempt", List.of(first), dead.stream().map(m -> m.id()).toList());
        assertEquals(null, dead.get(0).nextAttemptAt());
        assertTrue(dead.get(0).lastError(), dead.get(0).lastError().contains("refused it"));
        relay.deliverDue();
        assertTrue("a dead letter no longer holds back its concern", handed.contains(notes.get(1)));
        uk.starred.api.outbox.OutboxBacklog backlog = relay.backlog();
        assertEquals(1, backlog.undelivered());
        assertEquals(1, backlog.deadLetters());

        failing.clear();
        assertTrue(relay.retryNow(first));
        assertEquals(1, relay.deliverDue());
        assertEquals(0, relay.backlog().undelivered());
        assertEquals(Duration.ZERO, relay.backlog().oldestUndeliveredAge());
    }

    @Test
    public void aNodeStartingAgainTakesBackAtOnceWhatItClaimedBeforeItStopped() throws Exception {
        engine.db.execute("UPDATE outbox SET claimed_by = 'node-a/41', next_attempt_at = TIMESTAMP '2026-11-16 10:02:00'");
        OutboxRelay other = new OutboxRelay(engine.db.jpaTemplate(), engine.host, Channels.of(engine.host), engine.clock, 500,
                16, "node-b");
        assertEquals("another node's claim is held for its lease", 0, other.deliverDue());
        OutboxRelay relay = new OutboxRelay(engine.db.jpaTemplate(), engine.host, Channels.of(engine.host), engine.clock, 500,
                16, "node-a");
        relay.start(3600, 2);
        try {
            waitUntil("the messages node-a held delivered", () -> engine.db.count("outbox WHERE delivered_at IS NULL") == 0);
        } finally {
            relay.stop();
        }
        assertEquals(2, engine.host.notifications.size());
    }

    private boolean isDelivered(String id) {
        return engine.db.count("outbox WHERE delivered_at IS NOT NULL AND id = '" + id + "'") == 1;
    }

    @Test
    public void stoppingLetsTheSendUnderWayEndAndRecordsItSoNothingIsSentTwice() throws Exception {
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayEnd = new java.util.concurrent.CountDownLatch(1);
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        uk.starred.api.host.Notifier slow = n -> {
            if (sending.getCount() == 1) {
                sending.countDown();
                mayEnd.await();
            }
            sent.add(n.id());
        };
        OutboxRelay relay = new OutboxRelay(engine.db.jpaTemplate(), engine.host, Channels.of(slow), engine.clock, 500,
                16, "node-a");
        relay.start(3600, 2);
        assertTrue("a notification is being sent", sending.await(30, java.util.concurrent.TimeUnit.SECONDS));
        Thread stopping = new Thread(() -> {
            try {
                relay.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        waitUntil("stop waits for the batch", () -> stopping.getState() == Thread.State.TIMED_WAITING);
        mayEnd.countDown();
        stopping.join(30_000);
        assertTrue("stopped", !stopping.isAlive());

        assertEquals("the send under way was recorded as it ended", 1,
                engine.db.count("outbox WHERE delivered_at IS NOT NULL AND id = '" + sent.get(0) + "'"));
        assertEquals("nothing left claimed: the rest was handed back untried", 0,
                engine.db.count("outbox WHERE claimed_by IS NOT NULL"));
        OutboxRelay again = new OutboxRelay(engine.db.jpaTemplate(), engine.host, Channels.of(slow), engine.clock, 500,
                16, "node-a");
        again.deliverDue();
        assertEquals(0, again.backlog().undelivered());
        assertEquals("each notification sent once: " + sent, sent.stream().distinct().count(), sent.size());
        assertEquals(2, sent.size());
    }
}
