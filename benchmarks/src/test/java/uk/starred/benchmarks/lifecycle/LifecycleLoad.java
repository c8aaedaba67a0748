package uk.starred.benchmarks.lifecycle;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import uk.starred.benchmarks.Postgres;

/**
 * The load driver for one lifecycle measurement, in a JVM of its own so that its heap is its own:
 * a concern raised, escalated through three stages and resolved (five transactions), repeated by
 * one or more threads for a fixed time after a warm-up. Prints and writes one JSON object.
 *
 * <p>The warm-up lasts at least the seconds asked and then until the JIT compilers have settled, so
 * that what is measured is each system running, not the JVM compiling it: on two cores a compiler
 * still at work takes a core from the threads under load, for a minute and more with Hibernate and
 * H2 or with Flowable and MyBatis.
 *
 * <pre>LifecycleLoad starred|flowable h2|postgresql threads warmupSeconds measureSeconds outFile</pre>
 */
public final class LifecycleLoad {

    /** One system under load: what one lifecycle is on it. */
    interface Subject extends AutoCloseable {
        void lifecycle(int thread, long n) throws Exception;

        /** @return the PostgreSQL schema holding the system's tables, or {@code null} on H2 */
        String schema();

        @Override
        void close() throws Exception;
    }

    /** The compilers count as settled when they compiled for less than this in a {@link #SETTLE_WINDOW_MS}. */
    static final long SETTLED_COMPILE_MS = 250;
    static final long SETTLE_WINDOW_MS = 5_000;
    /** The longest warm-up, settled or not; the JSON says how long it was and what was still compiled. */
    static final long MAX_WARMUP_MS = 150_000;

    private LifecycleLoad() {
    }

    public static void main(String[] args) throws Exception {
        String system = args[0];
        String database = args[1];
        int threads = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measure = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);

        long baseline = usedHeapAfterGc();
        Subject sut = system.equals("starred") ? new StarredLifecycle(database, threads)
                : new FlowableLifecycle(database);
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong all = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    try {
                        sut.lifecycle(thread, n++);
                        all.incrementAndGet();
                        if (counting.get()) {
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                }
            }, "lifecycle-" + t);
            workers.add(worker);
            worker.start();
        }
        long warmupStart = System.nanoTime();
        Thread.sleep(warmup * 1000L);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (long compiled = jit.getTotalCompilationTime();
                (System.nanoTime() - warmupStart) / 1_000_000 < MAX_WARMUP_MS; ) {
            Thread.sleep(SETTLE_WINDOW_MS);
            long now = jit.getTotalCompilationTime();
            if (now - compiled < SETTLED_COMPILE_MS) {
                break;
            }
            compiled = now;
        }
        double warmedSeconds = (System.nanoTime() - warmupStart) / 1e9;
        long compiledBefore = jit.getTotalCompilationTime();
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure * 1000L);
        counting.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long compiledWhileMeasured = jit.getTotalCompilationTime() - compiledBefore;
        long completed = done.get();
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long heap = usedHeapAfterGc() - baseline;
        String work = sut.schema() == null ? "" : work(sut.schema(), all.get());
        sut.close();
        String json = String.format(Locale.ROOT, "{\"system\":\"%s\",\"database\":\"%s\",\"threads\":%d,"
                + "\"lifecyclesPerSecond\":%.1f,\"lifecycles\":%d,\"failures\":%d,\"heapMB\":%.1f,"
                + "\"warmupSeconds\":%.0f,\"compilingMsWhileMeasured\":%d%s,\"at\":\"%s\"}%n",
                system, database, threads, completed / seconds, completed, failed.get(), heap / 1048576.0,
                warmedSeconds, compiledWhileMeasured, work, Instant.now());
        Files.writeString(out, json);
        System.out.print(json);
    }

    /**
     * The work the database did for one lifecycle, from its own statistics of the system's tables:
     * index and sequential scans, rows inserted, updated and deleted, and the transactions committed.
     * Each server process reports its figures when it has been idle a while, so this waits for them.
     *
     * @return the figures as JSON members, each per lifecycle
     */
    static String work(String schema, long lifecycles) throws Exception {
        Thread.sleep(12_000);
        try (Connection c = DriverManager.getConnection(Postgres.URL, "postgres", "");
             PreparedStatement q = c.prepareStatement("SELECT COALESCE(SUM(COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0)), 0),"
                     + " COALESCE(SUM(n_tup_ins), 0), COALESCE(SUM(n_tup_upd), 0), COALESCE(SUM(n_tup_del), 0),"
                     + " COUNT(*) FROM pg_stat_user_tables WHERE schemaname = ?")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                double n = Math.max(1, lifecycles);
                return String.format(Locale.ROOT, ",\"perLifecycle\":{\"scans\":%.1f,\"inserted\":%.1f,"
                        + "\"updated\":%.1f,\"deleted\":%.1f,\"tables\":%d,\"lifecyclesCounted\":%d}",
                        rs.getLong(1) / n, rs.getLong(2) / n, rs.getLong(3) / n, rs.getLong(4) / n, rs.getInt(5),
                        lifecycles);
            }
        }
    }

    /** The heap in use once collected: what the system keeps, not what it has thrown away. */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    static LocalDate dueBy() {
        return LocalDate.of(2026, 12, 31);
    }
}
