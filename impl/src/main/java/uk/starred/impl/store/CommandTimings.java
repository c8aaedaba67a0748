package uk.starred.impl.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.operations.CommandTiming;

/**
 * How long commands take on this node, by command, as histograms an operator's Prometheus reads: counted as
 * they end, in buckets fixed from a millisecond to ten seconds, without a lock. Refused commands (not
 * permitted, invalid, changed meanwhile) and failed ones (the database out of reach, a fault) count too, and
 * apart.
 */
public final class CommandTimings {

    /** The buckets' upper bounds, in seconds: a command takes milliseconds; a slow database, seconds. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final Map<String, Histogram> BY_COMMAND = new ConcurrentHashMap<>();

    private CommandTimings() {
    }

    /** Runs the command, counting how long it took and how it ended. */
    public static <T> T time(String command, Supplier<T> work) {
        long start = System.nanoTime();
        Histogram histogram = BY_COMMAND.computeIfAbsent(command, c -> new Histogram());
        try {
            T result = work.get();
            histogram.add(System.nanoTime() - start, null);
            return result;
        } catch (CommandRefusedException e) {
            histogram.add(System.nanoTime() - start, histogram.refused);
            throw e;
        } catch (RuntimeException | Error e) {
            histogram.add(System.nanoTime() - start, histogram.failed);
            throw e;
        }
    }

    /** @return each command's histogram so far, by name */
    public static List<CommandTiming> snapshot() {
        List<Double> bounds = Arrays.stream(BOUNDS).boxed().toList();
        List<CommandTiming> timings = new ArrayList<>();
        BY_COMMAND.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Histogram h = e.getValue();
            List<Long> cumulative = new ArrayList<>(BOUNDS.length);
            long running = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                running += h.buckets.get(i);
                cumulative.add(running);
            }
            // a command ending while this is read may be in its bucket and not yet in the count: the count is
            // never less than the buckets, as Prometheus's histograms must be
            timings.add(new CommandTiming(e.getKey(), bounds, cumulative, Math.max(h.count.sum(), running),
                    h.seconds.sum(), h.refused.sum(), h.failed.sum()));
        });
        return timings;
    }

    /** One command's counts; a bucket holds those above the bound before it, up to its own. */
    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
        final LongAdder count = new LongAdder();
        final DoubleAdder seconds = new DoubleAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder failed = new LongAdder();

        void add(long nanos, LongAdder ending) {
            double took = nanos / 1e9;
            for (int i = 0; i < BOUNDS.length; i++) {
                if (took <= BOUNDS[i]) {
                    buckets.incrementAndGet(i);
                    break;
                }
            }
            count.increment();
            seconds.add(took);
            if (ending != null) {
                ending.increment();
            }
        }
    }
}
