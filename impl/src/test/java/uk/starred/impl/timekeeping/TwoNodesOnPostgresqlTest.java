package uk.starred.impl.timekeeping;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * Exactly once across nodes, counted from the database: 10,000 stage deadlines on one PostgreSQL
 * schema, fired by two engine nodes in JVMs of their own while a third claims a batch and dies.
 * Every moment fires once (each firing writes its notifications and event to the outbox under ids
 * derived from the moment, so the outbox shows exactly three rows per concern), no node stays idle,
 * and the dead node's claims fire once its lease has run out.
 */
public class TwoNodesOnPostgresqlTest {

    static final int CONCERNS = 10_000;
    /** Raised and escalated at this moment; the Informal stage (4 working days) is due 00:00 Sat 21 November. */
    static final Instant RAISED = Instant.parse("2026-11-16T10:00:00Z");
    static final Instant FIRING = Instant.parse("2026-11-21T09:00:00Z");

    private TestDatabase db;
    private final List<Process> nodes = new ArrayList<>();

    @After
    public void tearDown() {
        nodes.forEach(Process::destroyForcibly);
        if (db != null) {
            db.close();
        }
    }

    /** The host every node serves: one child, the staff of the test procedure. */
    static void host(Engine engine) {
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sm-1", "SERVICE_MANAGER", "C1").role("hos-1", "HEAD_OF_SERVICE", "C1");
        engine.with(TestProcedures.alerts("1.0.0"));
    }

    @Test
    public void twoNodesFireTenThousandDueMomentsExactlyOnceAndADeadNodesClaimsComeBack() throws Exception {
        String unavailable = TestDatabase.postgresqlUnavailable();
        if (unavailable != null && System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set, so the two-node test must run on PostgreSQL: " + unavailable);
        }
        Assume.assumeTrue("PostgreSQL not available at 127.0.0.1:5432 (" + unavailable + "); the two-node test"
                + " needs it", unavailable == null);

        db = TestDatabase.migrated(TestDatabase.Kind.POSTGRESQL);
        Engine engine = new Engine(db, RAISED);
        host(engine);
        engine.host.signIn("iro-1");
        Concern c = engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2027, 1, 29),
                "tm-1", null));
        c = engine.concerns.escalate(c.id(), c.version(), null, "Not ratified");
        clone(c.id().toString());
        assertEquals(CONCERNS, db.count("deadline WHERE state = 'PENDING' AND kind = 'STAGE_DUE'"));
        assertEquals(CONCERNS, db.count("deadline"));

        // a node claims a batch and dies holding it
        Process dying = node("node-c", FIRING, true);
        assertTrue(readLine(dying).startsWith("claimed "));
        long started = System.nanoTime();
        Process a = node("node-a", FIRING, false);
        Process b = node("node-b", FIRING, false);
        int firedA = finished(a);
        int firedB = finished(b);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        dying.destroyForcibly().waitFor();
        int held = db.count("deadline WHERE state = 'PENDING' AND claimed_by = 'node-c'");
        assertEquals("all but the dead node's claims fired", CONCERNS - held, firedA + firedB);
        assertTrue("no node idle while work waits: a " + firedA + ", b " + firedB, firedA > 0 && firedB > 0);
        System.out.println("Two nodes fired " + (firedA + firedB) + " deadlines in " + millis + " ms (a " + firedA
                + ", b " + firedB + "); " + held + " held by the dead node");

        // once the lease has run out, the dead node's claims fire too
        int firedLater = finished(node("node-a", FIRING.plus(DeadlineRunner.LEASE).plusSeconds(1), false));
        assertEquals(held, firedLater);

        assertEquals(CONCERNS, db.count("deadline WHERE state = 'FIRED'"));
        assertEquals(0, db.count("deadline WHERE state <> 'FIRED' OR attempts > 0"));
        assertEquals(0, db.count("deadline WHERE fired_by = 'node-c'"));
        String fired = "outbox WHERE created_at >= TIMESTAMP '" + sql(FIRING) + "'";
        assertEquals("two notifications and an event per moment, none twice", 3 * CONCERNS, db.count(fired));
        assertEquals(0, db.count("(SELECT concern_id FROM " + fired + " GROUP BY concern_id HAVING COUNT(*) <> 3) x"));
    }

    /** Copies the concern, its reasons, stages and Informal stage deadline to 10,000 concerns in all. */
    private void clone(String template) throws Exception {
        db.execute("DELETE FROM deadline WHERE concern_id = '" + template + "' AND NOT (kind = 'STAGE_DUE' AND state = 'PENDING')");
        for (String[] table : new String[][] {{"concern", "id"}, {"concern_reason", "concern_id"},
                {"stage_record", "concern_id"}, {"deadline", "concern_id"}}) {
            List<String> columns = new ArrayList<>();
            try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                         + db.schema() + "' AND table_name = '" + table[0] + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            List<String> values = columns.stream().map(col -> col.equals(table[1])
                    ? "md5(t." + col + " || g)::uuid::text" : "t." + col).toList();
            db.execute("INSERT INTO " + table[0] + " (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM " + table[0] + " t, generate_series(2, " + CONCERNS
                    + ") g WHERE t." + table[1] + " = '" + template + "'");
        }
    }

    private static String sql(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(at);
    }

    private Process node(String name, Instant clock, boolean dieAfterClaiming) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Node.class.getName(), db.schema(), name, clock.toString()));
        if (dieAfterClaiming) {
            command.add("die-after-claiming");
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        nodes.add(p);
        return p;
    }

    private static String readLine(Process p) throws IOException {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue("the node said nothing", line != null);
        return line;
    }

    /** @return how many the node fired, once it has ended */
    private static int finished(Process p) throws Exception {
        String line = readLine(p);
        assertTrue("node did not end within 5 minutes", p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(line, 0, p.exitValue());
        assertTrue(line, line.startsWith("fired "));
        return Integer.parseInt(line.substring("fired ".length()));
    }

    /** One engine node in a JVM of its own: fires what has fallen due until nothing claimable is left. */
    public static final class Node {

        public static void main(String[] args) throws Exception {
            String schema = args[0];
            String name = args[1];
            Instant now = Instant.parse(args[2]);
            boolean dieAfterClaiming = args.length > 3;
            try (Engine engine = new Engine(TestDatabase.attach(schema), now)) {
                host(engine);
                DeadlineRunner runner = new DeadlineRunner(engine.db.jpaTemplate(), engine.concernStore, engine.reviewStore, engine.clock, true,
                        name, 100);
                if (dieAfterClaiming) {
                    System.out.println("claimed " + runner.claim(now).size());
                    System.out.flush();
                    new CountDownLatch(1).await(); // holds its claims until it is killed
                }
                String claimable = "deadline WHERE state = 'PENDING' AND (claimed_until IS NULL OR claimed_until <= "
                        + "TIMESTAMP '" + sql(now) + "')";
                int fired = 0;
                while (engine.db.count(claimable) > 0) {
                    fired += runner.fireDue();
                }
                System.out.println("fired " + fired);
            }
        }
    }
}
