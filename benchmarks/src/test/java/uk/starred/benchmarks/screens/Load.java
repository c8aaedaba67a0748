package uk.starred.benchmarks.screens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import uk.starred.benchmarks.DemoSignIn;

/**
 * A closed-loop load: each of a number of people, each with a browser of their own (signed in when a
 * name is given), asks for one of the pages, reads it whole, and asks again at once; for a warm-up,
 * then for the time measured. An answer other than 200 counts as a failure, and is reported.
 */
final class Load {

    /** What the measured time saw. */
    record Result(long requests, double seconds, double p50Ms, double p99Ms, double maxMs, long failures) {

        double perSecond() {
            return requests / seconds;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"requests\":%d,\"perSecond\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,"
                    + "\"maxMs\":%.2f,\"failures\":%d}", requests, perSecond(), p50Ms, p99Ms, maxMs, failures);
        }
    }

    private Load() {
    }

    static Result run(String base, String user, List<URI> pages, int users, Duration warmUp, Duration measure)
            throws Exception {
        List<HttpClient> browsers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            browsers.add(user == null ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    : DemoSignIn.signedIn(base, user));
        }
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[users];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int person = i;
            HttpClient browser = browsers.get(i);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    URI page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = browser.send(HttpRequest.newBuilder(page).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (counting.get() && counts[person] < mine.length) {
                            mine[counts[person]++] = took;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "person-" + i);
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmUp.toMillis());
        failures.set(0);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        counting.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < users; i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        if (total == 0) {
            throw new IllegalStateException("no page was served in " + measure + " (" + failures.get() + " failures)");
        }
        return new Result(total, seconds, all[(int) (total * 0.50)] / 1e6, all[Math.min(total - 1, (int) (total * 0.99))]
                / 1e6, all[total - 1] / 1e6, failures.get());
    }
}
