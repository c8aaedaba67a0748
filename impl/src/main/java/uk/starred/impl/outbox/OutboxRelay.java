package uk.starred.impl.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseEpisodes;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Episode;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.outbox.PendingMessage;
import uk.starred.core.fault.Failures;
import uk.starred.impl.json.Json;
import uk.starred.impl.schema.StarredSchema;

/**
 * Delivers the outbox to the host: case notes to its {@link CaseFile}, notifications to its
 * {@link Notifier}. A message is claimed before delivery by moving its next attempt a lease ahead in
 * one conditional update, so of several nodes only one delivers it; a node that dies holding a claim
 * lets it come back when the lease runs out. A failed delivery is retried with growing waits; nothing
 * is dropped. Messages carry stable ids, so the host can ignore the rare repeat after a crash.
 */
@Component(service = OutboxService.class, immediate = true)
@Designate(ocd = OutboxRelay.Config.class)
public class OutboxRelay implements OutboxService {

    @ObjectClassDefinition(name = "Starred outbox relay",
            description = "Delivery of case notes and notifications to the host platform")
    public @interface Config {
        @AttributeDefinition(name = "Poll interval (seconds)", min = "1")
        int pollSeconds() default 5;

        @AttributeDefinition(name = "Messages per round", min = "1")
        int batchSize() default 100;
    }

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final JpaTemplate jpa;
    private final CaseFile caseFile;
    private final Notifier notifier;
    private final Clock clock;
    private final int batchSize;
    private Rounds rounds;

    /**
     * Where episodes go, when the host keeps them; without it, each goes on the child's file as a case note
     * of the episode's type.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CaseEpisodes episodes;

    /** Where events go, when the platform runs Event Admin; without it they are delivered to no one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventSink events;

    @Activate
    public OutboxRelay(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CaseFile caseFile,
            @Reference Notifier notifier, Config config,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, caseFile, notifier, clock == null ? Clock.systemUTC() : clock, config.batchSize());
        rounds = Rounds.every(config.pollSeconds(), "starred-outbox-relay", LOG, "Outbox delivery", this::deliverDue);
    }

    /** A relay that delivers only when {@link #deliverDue()} is called, on the clock given. */
    public OutboxRelay(JpaTemplate jpa, CaseFile caseFile, Notifier notifier, Clock clock, int batchSize) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.caseFile = caseFile;
        this.notifier = notifier;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (rounds != null) {
            rounds.close();
        }
    }

    @Override
    public List<PendingMessage> pending(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidCommandException("List pending messages",
                    List.of(new Violation("limit", "must be between 1 and 1000, was " + limit)));
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select o from OutboxEntity o where o.deliveredAt is null order by o.createdAt, o.id", OutboxEntity.class)
                .setMaxResults(limit).getResultStream()
                .map(o -> new PendingMessage(o.id(), o.kind().name(), o.concernId(), o.createdAt(), o.attempts(),
                        o.nextAttemptAt(), o.lastError()))
                .toList());
    }

    @Override
    public boolean retryNow(String messageId) {
        Instant now = now();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "update OutboxEntity o set o.nextAttemptAt = :now where o.id = :id and o.deliveredAt is null")
                .setParameter("now", now).setParameter("id", messageId).executeUpdate() == 1);
    }

    /** @return how many messages were delivered in this round */
    @Override
    public int deliverDue() {
        Instant now = now();
        List<String> due = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select o.id from OutboxEntity o where o.deliveredAt is null and o.nextAttemptAt <= :now"
                        + " order by o.nextAttemptAt, o.createdAt", String.class)
                .setParameter("now", now).setMaxResults(batchSize).getResultList());
        int delivered = 0;
        for (String id : due) {
            OutboxEntity claimed = claim(id, now);
            if (claimed != null && deliver(claimed)) {
                delivered++;
            }
        }
        return delivered;
    }

    private OutboxEntity claim(String id, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            int won = em.createQuery("update OutboxEntity o set o.nextAttemptAt = :lease where o.id = :id"
                    + " and o.deliveredAt is null and o.nextAttemptAt <= :now")
                    .setParameter("lease", now.plus(LEASE)).setParameter("id", id).setParameter("now", now)
                    .executeUpdate();
            return won == 1 ? em.find(OutboxEntity.class, id) : null;
        });
    }

    private void episode(Episode episode) throws Exception {
        CaseEpisodes host = episodes;
        if (host != null) {
            host.record(episode);
        } else {
            caseFile.write(episode.asCaseNote());
        }
    }

    /** Sets where episodes go, as the optional reference does in OSGi. */
    public void episodes(CaseEpisodes host) {
        this.episodes = host;
    }

    private boolean deliver(OutboxEntity message) {
        String error = null;
        Exception thrown = null;
        try {
            switch (message.kind()) {
                case CASE_NOTE -> caseFile.write(Json.read(message.payload(), CaseNote.class));
                case NOTIFICATION -> notifier.send(Json.read(message.payload(), Notification.class));
                case EVENT -> post(message.payload());
                case EPISODE -> episode(Json.read(message.payload(), Episode.class));
            }
        } catch (Exception e) {
            error = e.toString();
            thrown = e;
        }
        String failure = error;
        Instant now = now();
        jpa.tx(TransactionType.Required, em -> {
            OutboxEntity row = em.find(OutboxEntity.class, message.id());
            if (failure == null) {
                row.delivered(now);
            } else {
                row.failed(failure, now.plus(backoff(row.attempts() + 1)));
            }
        });
        if (failure != null) {
            // the error as the host told it stays with the message, for `starred:outbox`; the log has its kind
            LOG.warn("Delivery of {} {} failed (attempt {}), will retry: {}", message.kind(), message.id(),
                    message.attempts() + 1, Failures.describe(thrown));
        }
        return failure == null;
    }

    /** Sends events to the given sink (Declarative Services sets it in Karaf, where Event Admin runs). */
    public void useEventSink(EventSink sink) {
        this.events = sink;
    }

    private void post(String payload) {
        EventSink sink = events;
        if (sink != null) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> event = Json.read(payload, java.util.Map.class);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> properties = (java.util.Map<String, Object>) event.get("properties");
            sink.post((String) event.get("topic"), properties);
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
