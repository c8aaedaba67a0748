package uk.starred.impl.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import uk.starred.core.fault.Failures;

/**
 * A claimed batch delivered as streams: a concern's messages of one kind one after another in the order
 * they were written, stopping at the first that fails; the streams side by side on the relay's threads.
 */
final class Streams {

    private Streams() {
    }

    /**
     * A delivery that failed: the error as its destination told it, and where the message did reach before it
     * failed (its channels and recipients, as {@link Channels} writes them), for its next attempt.
     */
    record Failure(String error, String reached) {
    }

    /** What became of one stream: those delivered, those handed back behind a failure, and the failure. */
    record Outcome(List<String> delivered, List<String> released, Claims.Claimed failed, Failure failure) {

        String error() {
            return failure.error();
        }
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
     * none). @param deliverOne delivers one message; {@code null} when it went, else how it failed
     */
    static List<Outcome> deliver(List<Claims.Claimed> claimed, ExecutorService deliverers,
            Function<Claims.Claimed, Failure> deliverOne) {
        List<List<Claims.Claimed>> streams = streams(claimed);
        if (deliverers == null || streams.size() == 1) {
            return streams.stream().map(s -> deliverStream(s, deliverOne)).toList();
        }
        List<Callable<Outcome>> tasks = streams.stream()
                .<Callable<Outcome>>map(s -> () -> deliverStream(s, deliverOne)).toList();
        try {
            List<Outcome> outcomes = new ArrayList<>(tasks.size());
            for (Future<Outcome> f : deliverers.invokeAll(tasks)) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("outbox delivery interrupted: the claims come back after their lease");
        } catch (ExecutionException e) {
            throw new IllegalStateException("outbox delivery failed: " + Failures.describe(e.getCause()));
        }
    }

    /** Delivers one stream in order, stopping at the first failure: what is behind it waits for its retry. */
    private static Outcome deliverStream(List<Claims.Claimed> stream, Function<Claims.Claimed, Failure> deliverOne) {
        List<String> delivered = new ArrayList<>(stream.size());
        for (int i = 0; i < stream.size(); i++) {
            Claims.Claimed message = stream.get(i);
            Failure error = deliverOne.apply(message);
            if (error != null) {
                List<String> released = stream.subList(i + 1, stream.size()).stream().map(Claims.Claimed::id).toList();
                return new Outcome(delivered, released, message, error);
            }
            delivered.add(message.id());
        }
        return new Outcome(delivered, List.of(), null, null);
    }
}
