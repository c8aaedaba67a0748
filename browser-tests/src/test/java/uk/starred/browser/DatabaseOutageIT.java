package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * PostgreSQL taken away from the running demo for 30 seconds under steady load (every connection reset and
 * new ones refused, through a relay the test cuts), then given back: each request in the outage is answered
 * at once with 503, {@code Retry-After} and a sentence (the screens with a page saying so), never a hang, a
 * 500 or a trace; nothing acknowledged is lost or stored twice, nothing refused as unchanged is stored (a
 * command cut off in its commit is told that it may have been saved, and is stored at most once), nothing is
 * half done; the demo recovers by itself; and the log says "cannot be reached" once and "answers again" once, with
 * no child's id or anything anyone wrote in it.
 */
public class DatabaseOutageIT {

    private static final TcpProxy RELAY = relay();

    @ClassRule
    public static final DemoDistribution demo = DemoDistribution.onPostgresql().through(RELAY.port());

    private static final String[] CHILDREN = {"DEMO-000-S1", "DEMO-000-S2", "DEMO-000-S3", "DEMO-000-S4"};
    private static final String MARK = "OUTAGEMARK";
    private static final long OUTAGE_SECONDS = 30;
    /** Longest a request in the outage may wait for its answer: bounded, never a hang. */
    private static final long BOUND_MILLIS = 10_000;

    private static TcpProxy relay() {
        try {
            return new TcpProxy(5432);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a relay to PostgreSQL", e);
        }
    }

    @AfterClass
    public static void closeRelay() throws IOException {
        RELAY.close();
    }

    /** One request of the load, with what was asked. */
    private record Sent(String marker, boolean command, DemoClient.Answer answer) {
    }

    @Test
    public void theDatabaseGoneForThirtySecondsIsAnsweredWith503AndLosesNothingAndRecoversByItself() throws Exception {
        DemoClient api = new DemoClient(demo);
        String screen = api.signIn("demo-iro");
        LogLines log = LogLines.from(demo.karafLog());
        Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    int n = next.incrementAndGet();
                    String child = CHILDREN[n % CHILDREN.length];
                    String marker = MARK + n;
                    sent.add(new Sent(marker, true, api.raise(child, marker)));
                    sent.add(new Sent(null, false, api.get(DemoClient.API + "/children/" + child + "/concerns",
                            "demo-iro")));
                }
            }, "load-" + t);
            load.add(worker);
            worker.start();
        }
        TimeUnit.SECONDS.sleep(5);

        long cut = System.nanoTime();
        RELAY.cut();
        TimeUnit.SECONDS.sleep(3);
        DemoClient.Answer page = api.page("/host/children/DEMO-000-S1", screen);
        java.net.http.HttpResponse<String> healthDown = demo.http("/system/health");
        String metricsDown = demo.http("/starred/metrics").body();
        TimeUnit.SECONDS.sleep(OUTAGE_SECONDS - 3);
        long restored = System.nanoTime();
        RELAY.restore();

        long recovered = 0;
        long giveUp = restored + TimeUnit.SECONDS.toNanos(60);
        while (recovered == 0 && System.nanoTime() < giveUp) {
            for (Sent s : sent) {
                if (s.command() && s.answer().acknowledged() && s.answer().startedNanos() > restored) {
                    long done = s.answer().startedNanos() + TimeUnit.MILLISECONDS.toNanos(s.answer().millis());
                    recovered = recovered == 0 ? done : Math.min(recovered, done);
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.SECONDS.sleep(3);
        running.set(false);
        for (Thread worker : load) {
            worker.join(120_000);
        }
        assertTrue("the demo took commands again within 60 s of the database's return", recovered > 0);
        double recoverySeconds = (recovered - restored) / 1e9;

        // what callers were told
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        long slowest = 0;
        for (Sent s : sent) {
            DemoClient.Answer a = s.answer();
            long end = a.startedNanos() + TimeUnit.MILLISECONDS.toNanos(a.millis());
            boolean inOutage = a.startedNanos() > cut + TimeUnit.SECONDS.toNanos(1) && end < restored;
            if (a.status() == 503) {
                refused++;
                if (a.retryAfter() == null || !a.body().contains("\"status\":503")
                        || !(a.body().contains("database cannot be reached") || inDoubt(a))) {
                    wrong.add("a 503 without Retry-After or its sentence: " + a.body());
                }
            } else if (inOutage) {
                wrong.add("answered " + a.status() + " in the outage: " + a.body());
            } else if (!a.acknowledged()) {
                wrong.add("answered " + a.status() + " outside the outage: " + a.body());
            }
            if (inOutage) {
                slowest = Math.max(slowest, a.millis());
            }
            if (a.body().contains("\tat ") || a.body().contains("Exception")) {
                wrong.add("an answer with the server's insides: " + a.body());
            }
        }
        assertEquals("every answer a success, or in the outage 503 with its sentence", List.of(),
                wrong.subList(0, Math.min(10, wrong.size())));
        assertTrue("requests in the outage were refused", refused > 0);
        assertTrue("the slowest answer in the outage took " + slowest + " ms", slowest <= BOUND_MILLIS);
        assertEquals("the child's screen in the outage: " + page.body(), 503, page.status());
        assertTrue(page.body(), page.body().contains("database cannot be reached"));
        assertEquals("the health checks fail while the database is gone: " + healthDown.body(), 503,
                healthDown.statusCode());
        assertTrue(healthDown.body(), healthDown.body().contains("Starred database")
                && healthDown.body().contains("CRITICAL"));
        assertTrue(metricsDown, metricsDown.contains("starred_database_up 0\n"));
        java.net.http.HttpResponse<String> healthBack = demo.http("/system/health");
        assertEquals("the health checks pass again once it is back: " + healthBack.body(), 200,
                healthBack.statusCode());

        // what was kept
        Map<String, Integer> stored = new StoredRecords(demo).concernsByMarker(MARK);
        int acknowledged = 0;
        List<String> lostOrTwice = new ArrayList<>();
        List<String> refusedButStored = new ArrayList<>();
        int inDoubt = 0;
        int inDoubtKept = 0;
        for (Sent s : sent) {
            if (!s.command()) {
                continue;
            }
            int found = stored.getOrDefault(s.marker(), 0);
            if (s.answer().acknowledged()) {
                acknowledged++;
                if (found != 1) {
                    lostOrTwice.add(s.marker() + " acknowledged, stored " + found + " time(s)");
                }
            } else if (inDoubt(s.answer())) {
                inDoubt++;
                inDoubtKept += found;
                if (found > 1) {
                    lostOrTwice.add(s.marker() + " cut off in its commit, stored " + found + " times");
                }
            } else if (found != 0) {
                refusedButStored.add(s.marker() + " answered " + s.answer().status() + ", stored " + found);
            }
        }
        assertEquals("every acknowledged command stored exactly once", List.of(), lostOrTwice);
        assertEquals("nothing refused was stored", List.of(), refusedButStored);
        assertEquals("nothing half done", List.of(), new StoredRecords(demo).halfDone(MARK));
        DemoClient.Answer verified = api.get(DemoClient.API + "/verification", "demo-iro-manager");
        assertEquals(verified.body(), 200, verified.status());
        assertTrue("every audit chain verifies: " + verified.body(), verified.body().contains("\"problems\":[]"));

        // what the log says
        List<String> lines = log.since();
        List<String> leaked = LogLines.holding(lines, MARK, "DEMO-0", "drift in the plan");
        assertEquals("no child's id and nothing anyone wrote in the log", List.of(), leaked);
        assertEquals("the outage's beginning, logged once: " + lines, 1,
                LogLines.holding(lines, "database cannot be reached").size());
        assertEquals("its end, logged once: " + lines, 1, LogLines.holding(lines, "database answers again after").size());
        List<String> traces = LogLines.holding(lines, "\tat ", "Exception:");
        assertEquals("no trace for each refused request", List.of(), traces.subList(0, Math.min(5, traces.size())));

        Figures.record("database-outage", String.format(java.util.Locale.ROOT,
                "PostgreSQL | %d s | %d requests | %d acknowledged commands | %d answered 503"
                        + " (%d cut off in their commit and told so, %d of them kept) | 0 lost or twice"
                        + " | slowest answer in the outage %d ms | recovered %.1f s after | %d log lines",
                OUTAGE_SECONDS, sent.size(), acknowledged, refused, inDoubt, inDoubtKept, slowest, recoverySeconds,
                lines.size()));
    }

    @Test
    public void aCommandWhoseCommitAnswerIsLostIsToldItMayHaveBeenSavedAndIsKeptOnce() throws Exception {
        DemoClient api = new DemoClient(demo);
        String marker = "INDOUBTMARK1";
        java.util.concurrent.CountDownLatch lost = RELAY.loseTheCommitAnswerAfter(marker);
        DemoClient.Answer answer = api.raise("DEMO-000-S2", marker);
        assertTrue("the commit's answer was lost on its way back", lost.await(30, TimeUnit.SECONDS));
        assertEquals(answer.body(), 503, answer.status());
        assertTrue("the caller is told it may have been saved, not that nothing was: " + answer.body(),
                inDoubt(answer) && !answer.body().contains("nothing was changed"));
        assertEquals(answer.body(), String.valueOf(5), answer.retryAfter());
        assertEquals("the database kept it, once", Map.of(marker, 1),
                new StoredRecords(demo).concernsByMarker("INDOUBTMARK"));
        assertEquals("and whole", List.of(), new StoredRecords(demo).halfDone("INDOUBTMARK"));
        DemoClient.Answer next = api.raise("DEMO-000-S2", "INDOUBTMARK2");
        assertEquals("the next command goes through without a restart: " + next.body(), 201, next.status());
    }

    /** A 503 saying the command was cut off in its commit, so that the database may have kept it. */
    private static boolean inDoubt(DemoClient.Answer a) {
        return a.status() == 503 && a.body().contains("cannot tell whether it was saved");
    }
}
