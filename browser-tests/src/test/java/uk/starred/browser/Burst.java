package uk.starred.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A burst of write commands over REST, from several callers, that a kill may cut short. */
final class Burst {

    private static final int THREADS = 4;

    /** One command of a burst and its answer. */
    record Sent(String marker, DemoClient.Answer answer) {
    }

    /** What the callers were told, set against what was stored. */
    record Tally(int acknowledged, int inDoubt, int inDoubtStored, List<String> wrong) {
    }

    private Burst() {
    }

    /**
     * @param stored how many concerns hold each marker
     * @return each command answered 2xx stored exactly once; one cut off by a kill (its caller heard nothing)
     *         stored at most once; anything else answered, or stored otherwise, named as wrong
     */
    static Tally tally(Queue<Sent> sent, java.util.Map<String, Integer> stored) {
        int acknowledged = 0;
        int inDoubt = 0;
        int inDoubtStored = 0;
        List<String> wrong = new ArrayList<>();
        for (Sent s : sent) {
            int found = stored.getOrDefault(s.marker(), 0);
            if (s.answer().acknowledged()) {
                acknowledged++;
                if (found != 1) {
                    wrong.add(s.marker() + " acknowledged, stored " + found + " time(s)");
                }
            } else if (s.answer().status() == 0) {
                inDoubt++;
                inDoubtStored += found;
                if (found > 1) {
                    wrong.add(s.marker() + " in doubt, stored " + found + " times");
                }
            } else {
                wrong.add(s.marker() + " answered " + s.answer().status() + ": " + s.answer().body());
            }
        }
        return new Tally(acknowledged, inDoubt, inDoubtStored, wrong);
    }

    /**
     * Sends raises from several threads for the time given, or until the count given is sent; when the time
     * runs out first, kills the demo while they are still sending, then starts it again.
     */
    static void raise(DemoDistribution demo, String[] children, String mark, Queue<Sent> sent, AtomicInteger next,
            long millis, int count) throws Exception {
        DemoClient api = new DemoClient(demo);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                while (running.get() && left.getAndDecrement() > 0) {
                    int n = next.incrementAndGet();
                    String marker = mark + n;
                    sent.add(new Sent(marker, api.raise(children[n % children.length], marker)));
                }
            }, "burst-" + t);
            threads.add(thread);
            thread.start();
        }
        if (millis == Long.MAX_VALUE) {
            for (Thread thread : threads) {
                thread.join();
            }
            return;
        }
        TimeUnit.MILLISECONDS.sleep(millis);
        // no command starts after this; those under way are cut off by the kill
        running.set(false);
        demo.kill();
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        demo.restart();
    }
}
