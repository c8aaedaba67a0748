package uk.starred.impl.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

import uk.starred.api.StoreUnavailableException;
import uk.starred.core.fault.Failures;

/**
 * A round of work run again and again on a thread of its own, a fixed wait after each round ends
 * (the first after one wait). A round that fails is logged (by the kind of failure, never its message;
 * the database out of reach not at all, as its outage is logged once) and the next runs as usual. The outbox
 * relay and the deadline runner each keep one while they are active.
 */
public final class Rounds implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private Rounds(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * @param what what a round does, for the log ("Outbox delivery")
     * @return the rounds, started; {@link #close()} them when the component deactivates
     */
    public static Rounds every(int seconds, String thread, Logger log, String what, Runnable round) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, thread));
        timer.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (StoreUnavailableException e) {
                // the outage is logged once, where it began; the next round tries again
            } catch (RuntimeException e) {
                log.warn("{} round failed; it will run again: {}", what, Failures.describe(e));
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return new Rounds(timer);
    }

    /** Stops the rounds, waiting (at most 10 s) for one under way to end. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
