package uk.starred.impl.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the relay logs of a batch's failures: their kinds and message ids, never what they say. */
final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private DeliveryLog() {
    }

    /**
     * The error as the host told it stays with the message, for {@code starred:outbox}; the log has its kind, one
     * line for each kind of failure of the batch (a channel down fails every notification of the round alike), and
     * one for each dead letter.
     */
    static void failures(List<Streams.Failed> failures, int attemptsBeforeDeadLetter) {
        Map<String, List<Streams.Failed>> retried = new java.util.TreeMap<>();
        for (Streams.Failed f : failures) {
            int attempt = f.message().attempts() + 1;
            if (attempt >= attemptsBeforeDeadLetter) {
                LOG.error("Delivery of {} {} failed {} times: it is a dead letter, kept for an operator to retry"
                        + " (starred:outbox --dead)", f.message().kind(), f.message().id(), attempt);
            } else {
                retried.computeIfAbsent(f.message().kind() + " " + errorKind(f.failure().error()),
                        k -> new ArrayList<>()).add(f);
            }
        }
        retried.forEach((kind, of) -> LOG.warn("Delivery of {} message(s) failed, will retry: {} (first {}, attempt"
                + " {})", of.size(), kind, of.get(0).message().id(), of.get(0).message().attempts() + 1));
    }

    /** The kind of an error as stored ("java.io.IOException: ..."): the part before its message. */
    private static String errorKind(String error) {
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }
}
