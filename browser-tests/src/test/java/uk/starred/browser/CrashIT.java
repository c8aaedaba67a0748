package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * The demo's Karaf killed as a power cut would ({@code kill -9}) at random moments: during a burst of write
 * commands over REST, and during a deadline sweep of over a thousand due moments; started again each time on
 * its own PostgreSQL schema. Every command answered 2xx is there exactly once, none half done; every due moment
 * fires exactly once, none missed; every audit chain verifies; and no log holds anything anyone wrote.
 *
 * <p>{@code mvn verify} kills it a few times ({@code -Dstarred.reliability.kills}, 3 by default, and
 * {@code -Dstarred.reliability.sweepKills}, 2); {@code reliability/run} twenty times and more.
 */
public class CrashIT {

    private static final String RUNNER = "uk.starred.impl.deadline.DeadlineRunner";

    @ClassRule
    public static final DemoDistribution demo = DemoDistribution.onPostgresql()
            .configured(RUNNER, Map.of("pollSeconds", "1"));

    private static final int KILLS = Integer.getInteger("starred.reliability.kills", 3);
    private static final int SWEEP_KILLS = Integer.getInteger("starred.reliability.sweepKills", 2);
    private static final long SEED = Long.getLong("starred.reliability.seed", 20261207L);
    private static final String[] CHILDREN = {"DEMO-000-S1", "DEMO-000-S2", "DEMO-000-S3", "DEMO-000-S4",
        "DEMO-000-S5", "DEMO-000-S6"};
    private static final int BURST = 1000;

    private final Random random = new Random(SEED);

    @Test
    public void everyCommandAnsweredBeforeAKillIsKeptExactlyOnceAndNothingIsHalfDone() throws Exception {
        String mark = "CRASHMARK";
        LogLines log = LogLines.from(demo.karafLog());
        Queue<Burst.Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int kills = 0;
        while (kills < KILLS || sent.size() < BURST) {
            boolean kill = kills < KILLS;
            long segment = kill ? 1000 + random.nextInt(3000) : Long.MAX_VALUE;
            Burst.raise(demo, CHILDREN, mark, sent, next, segment, kill ? Integer.MAX_VALUE : BURST - sent.size());
            if (kill) {
                kills++;
            }
        }

        Map<String, Integer> stored = new StoredRecords(demo).concernsByMarker(mark);
        Burst.Tally tally = Burst.tally(sent, stored);
        assertEquals("every acknowledged command kept exactly once", List.of(), tally.wrong());
        assertEquals("nothing half done", List.of(), new StoredRecords(demo).halfDone(mark));
        assertVerified();
        assertNothingWrittenInTheLog(log, mark);
        Figures.record("crash-burst", String.format(java.util.Locale.ROOT,
                "PostgreSQL | %d kills | %d commands sent | %d acknowledged | %d found | 0 lost | 0 twice"
                        + " | %d cut off by a kill, %d of them done | 0 half done",
                kills, sent.size(), tally.acknowledged(), tally.acknowledged(), tally.inDoubt(), tally.inDoubtStored()));
    }

    @Test
    public void aDeadlineSweepKilledPartWayFiresEveryDueMomentExactlyOnce() throws Exception {
        String mark = "SWEEPMARK";
        LogLines log = LogLines.from(demo.karafLog());
        Queue<Burst.Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        StoredRecords records = new StoredRecords(demo);
        String marked = "concern_id IN (SELECT id FROM concern WHERE description LIKE '" + mark + "%')";
        // at least a thousand, and enough that every kill falls part way through the sweep
        long wanted = Math.max(1000, SWEEP_KILLS * 150L);
        while (records.count("SELECT count(*) FROM deadline WHERE state = 'PENDING' AND " + marked) < wanted) {
            Burst.raise(demo, CHILDREN, mark, sent, next, Long.MAX_VALUE, 100);
        }
        // the moments fall due: moved to a minute ago, as the passing of weeks would
        long due;
        java.sql.Timestamp raised;
        try (Connection c = demo.postgresql()) {
            try (ResultSet last = c.createStatement().executeQuery("SELECT max(created_at) FROM outbox WHERE "
                    + marked)) {
                last.next();
                raised = last.getTimestamp(1);
            }
            due = c.createStatement().executeUpdate("UPDATE deadline SET due_at = CURRENT_TIMESTAMP - INTERVAL"
                    + " '1 minute' WHERE state = 'PENDING' AND " + marked);
        }
        String fallen = "deadline WHERE due_at < CURRENT_TIMESTAMP - INTERVAL '30 seconds' AND " + marked;
        int kills = 0;
        List<Long> firedAtKill = new ArrayList<>();
        while (kills < SWEEP_KILLS) {
            long before = records.count("SELECT count(*) FROM " + fallen + " AND state = 'FIRED'");
            if (before >= due) {
                break;
            }
            // kill once the sweep is under way again, at a random point in it
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.count("SELECT count(*) FROM " + fallen + " AND state = 'FIRED'") == before
                    && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            TimeUnit.MILLISECONDS.sleep(random.nextInt(400));
            demo.kill();
            kills++;
            firedAtKill.add(records.count("SELECT count(*) FROM " + fallen + " AND state = 'FIRED'"));
            demo.restart();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (records.count("SELECT count(*) FROM " + fallen + " AND state = 'PENDING'") > 0
                && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(200);
        }

        assertEquals("no due moment missed", 0, records.count("SELECT count(*) FROM " + fallen
                + " AND state = 'PENDING'"));
        long fired = records.count("SELECT count(*) FROM " + fallen + " AND state = 'FIRED'");
        // every concern was raised alike and has the same moments, so each firing tells the same people the
        // same things: a moment fired twice would leave its concern with more notices than the others
        long fewest;
        long most;
        try (Connection c = demo.postgresql(); java.sql.PreparedStatement q = c.prepareStatement(
                "SELECT min(n), max(n) FROM (SELECT c.id, (SELECT count(*) FROM outbox o WHERE o.concern_id = c.id"
                        + " AND o.created_at > ?) n FROM concern c WHERE c.description LIKE ?) x")) {
            q.setTimestamp(1, raised);
            q.setString(2, mark + "%");
            try (ResultSet r = q.executeQuery()) {
                r.next();
                fewest = r.getLong(1);
                most = r.getLong(2);
            }
        }
        assertTrue("the firings told people", fewest > 0);
        assertEquals("no due moment fired twice: every concern has as many notices from the sweep", fewest, most);
        long audited = records.count("SELECT count(*) FROM audit_entry WHERE actor = 'starred' AND " + marked);
        assertTrue("kills fell part way through the sweep: " + firedAtKill + " of " + due,
                firedAtKill.stream().anyMatch(n -> n > 0 && n < due));
        assertVerified();
        assertNothingWrittenInTheLog(log, mark);
        Figures.record("crash-sweep", String.format(java.util.Locale.ROOT,
                "PostgreSQL | %d kills | %d due moments | fired at each kill %s | %d fired | %d notices a concern"
                        + " from the sweep, on every one | %d audited changes | 0 missed | 0 twice", kills, due,
                firedAtKill, fired, most, audited));
    }

    private static void assertVerified() {
        DemoClient.Answer verified = new DemoClient(demo).get(DemoClient.API + "/verification", "demo-iro-manager");
        assertEquals(verified.body(), 200, verified.status());
        assertTrue("every audit chain verifies: " + verified.body(), verified.body().contains("\"problems\":[]"));
    }

    private static void assertNothingWrittenInTheLog(LogLines log, String mark) throws Exception {
        assertEquals("nothing anyone wrote, and no child's id, in the log", List.of(),
                LogLines.holding(log.since(), mark, "DEMO-0", "drift in the plan"));
    }
}
