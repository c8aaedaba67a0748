package uk.starred.impl.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import uk.starred.core.fault.Failures;

/**
 * A claimed batch delivered as streams: a concern's messages of one kind one after another in the order
 * they were written, stopping at the first that fails and holds back the rest; the streams side by side on the
 * relay's threads.
 */
final class Streams {

    private Streams() {
    }

    /**
     * A delivery that failed: the error as its destination told it, where the message did reach before it
     * failed (its channels and recipients, as {@link Channels} writes them), for its next attempt, and whether it
     * holds back its concern's later messages of its kind until it is delivered (it does, but for a notification
     * that reached every channel whose order is kept).
     */
    record Failure(String error, String reached, boolean holdsBack) {

        Failure(String error, String reached) {
            this(error, reached, true);
        }
    }

    /** A message whose delivery failed, and how. */
    record Failed(Claims.Claimed message, Failure failure) {
    }

    /**
     * What became of one stream: those delivered, those handed back untried (behind a failure that holds them
     * back, or when told to stop), and those that failed.
     */
    record Outcome(List<String> delivered, List<String> released, List<Failed> failed) {
    }

    /**
     * The claimed messages as streams, each delivered one message after another: a concern's messages of one
     * kind, in order; a message of no concern alone.
     */
    static List<List<Claims.Claimed>> streams(List<Claims.Claimed> claimed) {
        Map<String, List<Claims.Claimed>> byConcern = new LinkedHashMap<>();
        List<List<Claims.Claimed>> streams = new ArrayList<>();
        for (Claims.Claimed m : claimed) {
            if (m.concernId() == null) {
                streams.add(List.of(m));
            } else {
                byConcern.computeIfAbsent(m.concernId() + '/' + m.kind(), k -> new ArrayList<>()).add(m);
            }
        }
        streams.addAll(byConcern.values());
        return streams;
    }

    /**
     * Delivers the claimed messages, stream by stream, on the threads given (on the caller's when there are
     * none). A stream stops before its next message once {@code stop} says so (the relay stopping, the batch's
     * lease a quarter gone), handing the rest back untried. Interrupted, it gives the outcomes of the streams that
     * ended and leaves the thread interrupted: the others' claims come back after their lease.
     *
     * @param deliverOne delivers one message; {@code null} when it went, else how it failed
     */
    static List<Outcome> deliver(List<Claims.Claimed> claimed, ExecutorService deliverers,
            Function<Claims.Claimed, Failure> deliverOne, BooleanSupplier stop) {
        return deliver(claimed, deliverers, deliverOne, stop, () -> { }, Long.MAX_VALUE);
    }

    /**
     * As {@link #deliver(List, ExecutorService, Function, BooleanSupplier)}, renewing the batch's claim every
     * {@code renewEveryMillis} while its deliveries run on the threads given, so that a channel slower than
     * expected does not let the claim run out under them (and another node deliver them again).
     */
    static List<Outcome> deliver(List<Claims.Claimed> claimed, ExecutorService deliverers,
            Function<Claims.Claimed, Failure> deliverOne, BooleanSupplier stop, Runnable renew,
            long renewEveryMillis) {
        List<List<Claims.Claimed>> streams = streams(claimed);
        if (deliverers == null || streams.size() == 1) {
            return streams.stream().map(s -> deliverStream(s, deliverOne, stop)).toList();
        }
        List<Future<Outcome>> running = new ArrayList<>(streams.size());
        for (List<Claims.Claimed> s : streams) {
            running.add(deliverers.submit(() -> deliverStream(s, deliverOne, stop)));
        }
        List<Outcome> outcomes = new ArrayList<>(streams.size());
        try {
            long renewAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(renewEveryMillis);
            for (Future<Outcome> f : running) {
                while (true) {
                    try {
                        outcomes.add(f.get(Math.max(0, renewAt - System.nanoTime()), TimeUnit.NANOSECONDS));
                        break;
                    } catch (TimeoutException e) {
                        renew.run();
                        renewAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(renewEveryMillis);
                    }
                }
            }
        } catch (InterruptedException e) {
            outcomes.clear();
            for (Future<Outcome> f : running) {
                if (f.isDone() && !f.isCancelled()) {
                    outcomes.add(ended(f));
                } else {
                    f.cancel(true);
                }
            }
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // deliverStream gives every failure as an outcome: this is a fault of the relay itself
            throw new IllegalStateException("outbox delivery failed: " + Failures.describe(e.getCause()));
        }
        return outcomes;
    }

    private static Outcome ended(Future<Outcome> done) {
        try {
            return done.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("an ended delivery has its outcome: " + Failures.describe(e));
        }
    }

    /**
     * Delivers one stream in order, stopping at a failure that holds back what is behind it (which waits for its
     * retry) or when told to stop. Whatever a destination throws is that message's failure, so that what the
     * stream delivered before it is recorded.
     */
    private static Outcome deliverStream(List<Claims.Claimed> stream, Function<Claims.Claimed, Failure> deliverOne,
            BooleanSupplier stop) {
        List<String> delivered = new ArrayList<>(stream.size());
        List<Failed> failed = new ArrayList<>(1);
        for (int i = 0; i < stream.size(); i++) {
            Claims.Claimed message = stream.get(i);
            if (stop.getAsBoolean()) {
                return new Outcome(delivered, ids(stream.subList(i, stream.size())), failed);
            }
            Failure error;
            try {
                error = deliverOne.apply(message);
            } catch (RuntimeException | Error e) {
                error = new Failure(Failures.describe(e), message.reached());
            }
            if (error == null) {
                delivered.add(message.id());
            } else {
                failed.add(new Failed(message, error));
                if (error.holdsBack()) {
                    return new Outcome(delivered, ids(stream.subList(i + 1, stream.size())), failed);
                }
            }
        }
        return new Outcome(delivered, List.of(), failed);
    }

    private static List<String> ids(List<Claims.Claimed> messages) {
        return messages.stream().map(Claims.Claimed::id).toList();
    }
}
