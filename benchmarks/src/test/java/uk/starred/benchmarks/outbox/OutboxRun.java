package uk.starred.benchmarks.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How soon notices reach people, in a JVM of its own: Starred's outbox relay, or db-scheduler running the
 * same deliveries as one-off tasks with immediate execution. Two measurements, on one database:
 * <ul>
 * <li>{@code sweep}: a deadline sweep fires at least 10,000 due moments, with the relay running as it does in
 * Karaf; from the sweep's last commit to the last of its notices delivered (db-scheduler: the same number of
 * deliveries scheduled in batches as the sweep writes them, from the last batch scheduled to the last run);
 * <li>{@code steady}: concerns raised at a steady 100 a second for a minute; for each notice, from the
 * command's commit to its delivery (db-scheduler: each command's notices scheduled in one transaction).
 * </ul>
 *
 * <pre>OutboxRun starred|db-scheduler h2|postgresql sweep|steady outFile</pre>
 */
public final class OutboxRun {

    /** What one measurement found: latencies in milliseconds, from commit to delivery. */
    record Result(String system, String database, String scenario, long due, long messages, double workSeconds,
            double lagSeconds, double[] latenciesMillis, long duplicates, long lost) {

        String json() {
            double[] sorted = latenciesMillis.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "{\"system\": \"%s\", \"database\": \"%s\", \"scenario\": \"%s\","
                    + " \"due\": %d, \"messages\": %d, \"workSeconds\": %.3f, \"lastDeliveredSecondsAfter\": %.3f,"
                    + " \"messagesPerSecond\": %.0f, \"p50Ms\": %.1f, \"p99Ms\": %.1f, \"maxMs\": %.1f,"
                    + " \"duplicates\": %d, \"lost\": %d}", system, database, scenario, due, messages, workSeconds,
                    lagSeconds, messages / Math.max(0.001, workSeconds + lagSeconds), percentile(sorted, 50),
                    percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], duplicates, lost);
        }

        private static double percentile(double[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    /** One system ready to measure. */
    interface Deliverer extends AutoCloseable {
        Result sweep() throws Exception;

        Result steady() throws Exception;
    }

    /** Commands a second in the steady measurement, and for how long. */
    static final int RATE = 100;
    static final int SECONDS = 60;
    /** Notices a concern's raising writes (two case notes, two notifications, an event), for db-scheduler. */
    static final int NOTICES_A_COMMAND = 5;

    private OutboxRun() {
    }

    public static void main(String[] args) throws Exception {
        String system = args[0];
        String database = args[1];
        String scenario = args[2];
        Path out = Path.of(args[3]);
        try (Deliverer d = system.equals("starred") ? new StarredOutbox(database) : new DbSchedulerOutbox(database)) {
            Result result = scenario.equals("sweep") ? d.sweep() : d.steady();
            Files.writeString(out, result.json() + "\n");
            System.out.println(result.json());
        }
    }
}
