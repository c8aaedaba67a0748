package uk.starred.benchmarks.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import uk.starred.benchmarks.Postgres;

/**
 * One sweep measurement, in a JVM of its own: a number of items fall due among a number of open
 * ones on PostgreSQL, and two nodes fire them. Reports the time from the nodes starting to the last
 * item fired, how many each node fired, the duplicates (an item fired twice) and the misses (a due
 * item not fired, or one fired that was not due), and the blocks of the system's tables and indexes
 * PostgreSQL found in its shared buffers or read from outside them while the nodes fired. A warm-up
 * sweep of {@value #WARM_UP} items of its
 * own, besides the open ones, runs first, so that the figure is the steady state's, not the JIT
 * compiler's.
 *
 * <pre>SweepRun starred|db-scheduler open due outFile</pre>
 */
public final class SweepRun {

    /** What one sweep found. */
    record Result(String system, long open, long due, double seconds, long fired, long firedByFirst,
            long firedBySecond, long duplicates, long misses, Postgres.Blocks blocks) {

        String json() {
            long per = Math.max(1, fired);
            return String.format(Locale.ROOT, "{\"system\": \"%s\", \"open\": %d, \"due\": %d, \"seconds\": %.3f,"
                    + " \"itemsPerSecond\": %.1f, \"fired\": %d, \"firedByNode1\": %d, \"firedByNode2\": %d,"
                    + " \"duplicates\": %d, \"misses\": %d, \"blocksHit\": %d, \"blocksRead\": %d,"
                    + " \"walBytesPerItem\": %.0f, \"walFullPagesPerItem\": %.2f, \"blockReadMs\": %.0f,"
                    + " \"blockWriteMs\": %.0f,"
                    + " \"blocksPerItemByTable\": %s}", system, open, due, seconds, fired / seconds, fired, firedByFirst,
                    firedBySecond, duplicates, misses, blocks.hit(), blocks.read(),
                    blocks.wal().bytes() / (double) per, blocks.wal().fullPages() / (double) per,
                    blocks.wal().readMillis(), blocks.wal().writeMillis(), blocks.json(per));
        }
    }

    /** A system that sweeps: its data made, then one warm-up sweep and one measured. */
    interface Sweeper extends AutoCloseable {
        Result sweep() throws Exception;
    }

    static final int WARM_UP = 5_000;

    private SweepRun() {
    }

    public static void main(String[] args) throws Exception {
        String system = args[0];
        int open = Integer.parseInt(args[1]);
        int due = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        try (Sweeper sweeper = system.equals("starred") ? new StarredSweep(open, due) : new DbSchedulerSweep(open, due)) {
            Result result = sweeper.sweep();
            Files.writeString(out, result.json() + "\n");
            System.out.println(result.json());
        }
    }
}
