package uk.starred.impl.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseEpisodes;
import uk.starred.api.host.Notifier;
import uk.starred.api.StoreUnavailableException;
import uk.starred.api.outbox.OutboxBacklog;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.outbox.PendingMessage;
import uk.starred.core.fault.Failures;
import uk.starred.impl.schema.StarredSchema;

/**
 * Delivers the outbox: case notes to the host's {@link CaseFile}, notifications through every {@link Notifier}
 * (each its own channel, see {@link Channels}), episodes and events. It wakes when a change that wrote messages
 * commits (and polls, for what other nodes wrote and for retries), claims due messages in batches, delivers them on several
 * threads while each concern's messages of one kind (its case notes, its notifications) reach the host one
 * after another in the order they were written, and records what became of them a batch at a time.
 *
 * <p>A claim is a lease, so of several nodes only one delivers a message, and a node that dies holding a
 * claim lets it come back when the lease runs out (at once when the same node starts again). A failed
 * delivery is retried with growing waits and holds back its concern's later messages of its kind meanwhile; after
 * {@link OutboxSettings#attemptsBeforeDeadLetter()} attempts it becomes a dead letter, kept for an operator
 * ({@code starred:outbox --dead}) and no longer holding anything back. Messages carry stable ids, so the
 * host can ignore the rare repeat after a crash.
 */
@Component(service = OutboxService.class, immediate = true)
@Designate(ocd = OutboxSettings.class)
public class OutboxRelay implements OutboxService {

    /**
     * How long a claim holds its messages. A batch starts no message once a quarter of it has gone, and its
     * claim is renewed every quarter while its deliveries run, so that no other node delivers them again
     * however slow a channel is.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** How long stopping waits for the batch under way to end and be recorded: a notifier's attempt and more. */
    private static final long STOP_WAIT_MILLIS = 40_000;
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final int DEFAULT_ATTEMPTS_BEFORE_DEAD_LETTER = 16;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final JpaTemplate jpa;
    private final Destinations destinations;
    private OutboxSettings config;
    private final Clock clock;
    private final int batchSize;
    private final int attemptsBeforeDeadLetter;
    private final String node;
    private final AtomicLong round = new AtomicLong();
    private ExecutorService deliverers;
    private Thread relaying;
    private volatile boolean stopped;
    /** Whether a batch's sends are under way (between its claim and its record). */
    private volatile boolean sending;
    private final Semaphore written = new Semaphore(0);
    private final Runnable wake = this::wake;
    private int pollSeconds;

    @Activate
    public OutboxRelay(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CaseFile caseFile, OutboxSettings config,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, caseFile, new Channels(Channels.named(config.channels())),
                clock == null ? Clock.systemUTC() : clock, config.batchSize(), config.attemptsBeforeDeadLetter(),
                config.node().isBlank() ? uk.starred.impl.store.Nodes.thisNode() : config.node());
        this.config = config;
    }

    /** Starts delivering once the notifiers registered by then are bound. */
    @Activate
    void activate() {
        start(config.pollSeconds(), config.deliveryThreads());
    }

    /** A channel notifications go through: the host's own, e-mail, GOV.UK Notify ({@link Notifier#CHANNEL}). */
    @Reference(name = "notifier", service = Notifier.class, cardinality = ReferenceCardinality.AT_LEAST_ONE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeNotifier")
    void addNotifier(Notifier notifier, Map<String, Object> properties) {
        destinations.channels().add(notifier, properties);
    }

    void removeNotifier(Notifier notifier, Map<String, Object> properties) {
        destinations.channels().remove(notifier, properties);
    }

    /**
     * Where episodes go, when the host keeps them; without it, each goes on the child's file as a case note
     * of the episode's type.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "noEpisodes")
    public void episodes(CaseEpisodes host) {
        destinations.episodes(host);
    }

    /** Where events go, when the platform runs Event Admin; without it they are delivered to no one. */
    @Reference(name = "events", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "noEventSink")
    public void useEventSink(EventSink sink) {
        destinations.events(sink);
    }

    void noEpisodes(CaseEpisodes going) {
        destinations.without(going);
    }

    void noEventSink(EventSink going) {
        destinations.without(going);
    }

    /**
     * Starts delivering on threads of the relay's own: at once when a change that wrote messages commits on this
     * node, and every {@code pollSeconds} for other nodes' messages and retries. Takes back first what this
     * node claimed before it stopped.
     */
    public void start(int pollSeconds, int threads) {
        AtomicLong named = new AtomicLong();
        deliverers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "starred-outbox-delivery-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pollSeconds = pollSeconds;
        OutboxSignal.listen(wake);
        relaying = new Thread(this::relay, "starred-outbox-relay");
        relaying.setDaemon(true);
        relaying.start();
    }

    /**
     * A relay that delivers only when {@link #deliverDue()} is called, on the caller's thread, on the clock
     * given.
     */
    public static OutboxRelay onCallersThread(JpaTemplate jpa, CaseFile caseFile, Notifier notifier, Clock clock,
            int batchSize) {
        // a factory, not a constructor: Declarative Services finds the component's constructor by its number of
        // arguments, and one more of the same number is taken for it
        return new OutboxRelay(jpa, caseFile, Channels.of(notifier), clock, batchSize,
                DEFAULT_ATTEMPTS_BEFORE_DEAD_LETTER, "relay-" + java.util.UUID.randomUUID());
    }

    OutboxRelay(JpaTemplate jpa, CaseFile caseFile, Channels channels, Clock clock, int batchSize,
            int attemptsBeforeDeadLetter, String node) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.destinations = new Destinations(caseFile, channels);
        this.clock = clock;
        this.batchSize = batchSize;
        this.attemptsBeforeDeadLetter = attemptsBeforeDeadLetter;
        this.node = node;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stop();
    }

    /**
     * Stops delivering. Sends under way end and what became of them is recorded, so that nothing sent is sent
     * again; the batch starts nothing more. Only past {@value #STOP_WAIT_MILLIS} ms are they interrupted, leaving
     * what was not recorded to come back when its claim does. A relay not sending is interrupted at once: it may
     * be waiting for the database, which is perhaps going away with it.
     */
    public void stop() throws InterruptedException {
        stopped = true;
        OutboxSignal.ignore(wake);
        written.release();
        if (relaying != null) {
            if (sending) {
                relaying.join(STOP_WAIT_MILLIS);
            }
            if (relaying.isAlive()) {
                relaying.interrupt();
                relaying.join(10_000);
            }
        }
        if (deliverers != null) {
            deliverers.shutdown();
            if (!deliverers.awaitTermination(10, TimeUnit.SECONDS)) {
                deliverers.shutdownNow();
            }
        }
    }

    private void wake() {
        if (written.availablePermits() == 0) {
            written.release();
        }
    }

    /** Takes back, once at the start, what this node claimed before it stopped: the lease need not run out. */
    private void takeBack() {
        try {
            Instant started = now();
            int taken = jpa.txExpr(TransactionType.Required, em -> Claims.takeBack(em, node + "/", started));
            if (taken > 0) {
                LOG.info("Outbox relay {} took back {} message(s) it had claimed before it stopped", node, taken);
            }
        } catch (RuntimeException e) {
            // the database out of reach, say: the claims come back when their lease runs out
            LOG.warn("Outbox relay {} could not take back its earlier claims: {}", node, Failures.describe(e));
        }
    }

    /** The relay's thread: delivers what is due, then waits for a commit that wrote messages, or the poll. */
    private void relay() {
        takeBack();
        while (!stopped) {
            try {
                deliverDue();
            } catch (StoreUnavailableException e) {
                // the outage is logged once, where it began; the next round tries again
            } catch (RuntimeException e) {
                LOG.warn("Outbox delivery round failed; it will run again: {}", Failures.describe(e));
            }
            try {
                if (written.tryAcquire(pollSeconds, TimeUnit.SECONDS)) {
                    written.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public List<PendingMessage> pending(int limit) {
        OutboxViews.checkLimit("List pending messages", limit);
        return jpa.txExpr(TransactionType.Required, em -> OutboxViews.pending(em, limit, false));
    }

    @Override
    public List<PendingMessage> deadLetters(int limit) {
        OutboxViews.checkLimit("List dead letters", limit);
        return jpa.txExpr(TransactionType.Required, em -> OutboxViews.pending(em, limit, true));
    }

    @Override
    public OutboxBacklog backlog() {
        Instant now = now();
        return jpa.txExpr(TransactionType.Required, em -> OutboxViews.backlog(em, now));
    }

    @Override
    public boolean retryNow(String messageId) {
        Instant now = now();
        boolean found = jpa.txExpr(TransactionType.Required, em -> em.createQuery("update OutboxEntity o"
                + " set o.nextAttemptAt = :now, o.deadAt = null, o.claimedBy = null"
                + " where o.id = :id and o.deliveredAt is null")
                .setParameter("now", now).setParameter("id", messageId).executeUpdate() == 1);
        if (found) {
            wake();
        }
        return found;
    }

    /**
     * Delivers what is due, in as many batches as it takes. The relay's own thread calls it too, one at a time:
     * when it returns, whatever this node had claimed before the call has been delivered or handed back.
     *
     * @return how many messages were delivered
     */
    @Override
    public synchronized int deliverDue() {
        int delivered = 0;
        while (true) {
            Batch batch = deliverBatch();
            delivered += batch.delivered();
            if (batch.claimed() < batchSize || stopped) {
                return delivered;
            }
        }
    }

    /** What one batch came to. */
    private record Batch(int claimed, int delivered) {
    }

    private Batch deliverBatch() {
        Instant now = now();
        String claim = node + "/" + round.incrementAndGet();
        List<Claims.Claimed> claimed = jpa.txExpr(TransactionType.Required,
                em -> Claims.claim(em, claim, now, now.plus(LEASE), batchSize));
        if (claimed.isEmpty()) {
            return new Batch(0, 0);
        }
        Instant startNoMore = now.plus(LEASE.dividedBy(4));
        List<Streams.Outcome> outcomes;
        sending = true;
        try {
            outcomes = Streams.deliver(claimed, deliverers, destinations.round(),
                    () -> stopped || clock.instant().isAfter(startNoMore), () -> renew(claim),
                    LEASE.dividedBy(4).toMillis());
        } finally {
            sending = false;
        }
        Instant at = now();
        // interrupted, what ended is still recorded: the database's work is not cut short with it
        boolean interrupted = Thread.interrupted();
        List<String> delivered = new ArrayList<>();
        List<String> released = new ArrayList<>();
        List<Streams.Failed> failures = new ArrayList<>();
        for (Streams.Outcome o : outcomes) {
            delivered.addAll(o.delivered());
            released.addAll(o.released());
            failures.addAll(o.failed());
        }
        try {
            jpa.tx(TransactionType.Required, em -> {
                Claims.delivered(em, claim, delivered, at);
                Claims.released(em, claim, released, at);
                for (Streams.Failed f : failures) {
                    int attempt = f.message().attempts() + 1;
                    boolean dead = attempt >= attemptsBeforeDeadLetter;
                    Claims.failed(em, claim, f.message().id(), f.failure(), dead ? at : at.plus(backoff(attempt)),
                            dead);
                }
            });
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        DeliveryLog.failures(failures, attemptsBeforeDeadLetter);
        return new Batch(claimed.size(), delivered.size());
    }

    /** Renews the claim while its deliveries run; a renewal that fails leaves the lease as it was. */
    private void renew(String claim) {
        Instant leaseEnds = now().plus(LEASE);
        try {
            jpa.tx(TransactionType.Required, em -> Claims.renew(em, claim, leaseEnds));
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay {} could not renew its claim on a batch still being delivered: {}", node,
                    Failures.describe(e));
        }
    }

    /** @return the wait before the given attempt: 10 s, doubling, at most an hour */
    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
