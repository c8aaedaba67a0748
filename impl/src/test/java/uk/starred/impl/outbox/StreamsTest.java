package uk.starred.impl.outbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** A claimed batch's streams: the claim renewed while a slow delivery runs, nothing recorded that did not end. */
public class StreamsTest {

    private static Claims.Claimed message(String id, String concern) {
        return new Claims.Claimed(id, OutboxEntity.Kind.NOTIFICATION, concern, "{}", 0, null);
    }

    @Test
    public void theClaimIsRenewedWhileADeliveryIsSlowerThanTheRenewalInterval() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch renewed = new CountDownLatch(2);
        try {
            List<Streams.Outcome> outcomes = Streams.deliver(List.of(message("m1", "c1"), message("m2", "c2")),
                    threads, m -> {
                        if (m.id().equals("m1")) {
                            try {
                                // a slow channel: it ends once the claim has been renewed twice
                                assertTrue(renewed.await(30, TimeUnit.SECONDS));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return null;
                    }, () -> false, renewed::countDown, 20);
            assertEquals(0, renewed.getCount());
            assertEquals(List.of("m1", "m2"), outcomes.stream().flatMap(o -> o.delivered().stream()).sorted()
                    .toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aFailureThatHoldsNothingBackLetsTheStreamGoOnAndOneThatDoesHandsTheRestBack() {
        List<Claims.Claimed> stream = List.of(message("a", "c"), message("b", "c"), message("c", "c"));
        List<Streams.Outcome> goesOn = Streams.deliver(stream, null,
                m -> m.id().equals("a") ? new Streams.Failure("[email] down", "host", false) : null, () -> false);
        assertEquals(List.of("b", "c"), goesOn.get(0).delivered());
        assertEquals(1, goesOn.get(0).failed().size());
        List<Streams.Outcome> held = Streams.deliver(stream, null,
                m -> m.id().equals("a") ? new Streams.Failure("[host] down", null, true) : null, () -> false);
        assertEquals(List.of(), held.get(0).delivered());
        assertEquals(List.of("b", "c"), held.get(0).released());
    }
}
