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
        assertEquals(4, engine.db.count("outbox WHERE delivered_at IS NULL AND attempts = 1"));

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
        assertEquals("NOTIFICATION", stuck.get(0).kind());
        assertEquals(1, stuck.get(0).attempts());
        assertTrue(stuck.get(0).lastError(), stuck.get(0).lastError().contains("mail server unavailable"));

        engine.host.notifierDown(false);
        assertTrue(engine.relay.retryNow(stuck.get(0).id()));
        assertEquals("only the one retried is due before its wait is over", 1, engine.deliverCounting());
        assertEquals(1, engine.relay.pending(100).size());
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
        OutboxRelay other = new OutboxRelay(engine.db.jpaTemplate(), engine.host, engine.host, engine.clock, 500);
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
}
