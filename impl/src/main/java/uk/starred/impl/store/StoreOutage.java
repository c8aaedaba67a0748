package uk.starred.impl.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.core.fault.Failures;

/**
 * Whether Starred's database is out of reach, since when, and how much was refused meanwhile: an outage is
 * logged once when it begins (with the kind of failure, never its message) and once when it ends (with how
 * long it lasted and what was refused), never a trace for every request or round it fails. One record for
 * the engine's bundle, shared by every component's {@link StoreGuard}.
 */
public final class StoreOutage {

    static final StoreOutage INSTANCE = new StoreOutage(Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);

    private final Clock clock;
    private final AtomicLong refused = new AtomicLong();
    private volatile Instant downSince;

    StoreOutage(Clock clock) {
        this.clock = clock;
    }

    /**
     * A transaction failed because the database could not be reached.
     *
     * @param failure its kinds and where it arose ({@link Failures#describe}), never a message
     */
    void unreachable(String failure) {
        refused.incrementAndGet();
        if (downSince != null) {
            return;
        }
        synchronized (this) {
            if (downSince == null) {
                downSince = clock.instant();
                LOG.error("Starred's database cannot be reached ({}): requests are answered 503, and deadlines and"
                        + " notices wait, until it is back", failure);
            }
        }
    }

    /** A transaction went through. */
    void answered() {
        if (downSince != null) {
            end();
        }
    }

    private synchronized void end() {
        Instant since = downSince;
        if (since == null) {
            return;
        }
        downSince = null;
        long seconds = Math.max(0, Duration.between(since, clock.instant()).toMillis()) / 1000;
        LOG.info("Starred's database answers again after {} s out of reach; {} request(s) and round(s) were refused"
                + " meanwhile", seconds, refused.getAndSet(0));
    }
}
