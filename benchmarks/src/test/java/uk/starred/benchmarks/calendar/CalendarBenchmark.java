package uk.starred.benchmarks.calendar;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import uk.starred.impl.calendar.EnglandAndWalesCalendar;

/**
 * Adding working days and counting working days between two dates, one thread on one core:
 * Starred's calendar against ObjectLab Kit and the naive day-by-day loop, over 2020 to 2030 with
 * the England and Wales bank holidays. Each operation is one addition (or one count) of 1 to 40
 * working days from a start spread over the period; the result is operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class CalendarBenchmark {

    static final int BATCH = 4096;

    private EnglandAndWalesCalendar starred;
    private ObjectLabCalendar objectLab;
    private LocalDate[] starts;
    private LocalDate[] workingStarts;
    private int[] counts;
    private LocalDate[] ends;

    @Setup
    public void setUp() {
        starred = EnglandAndWalesCalendar.withoutSettings();
        objectLab = new ObjectLabCalendar();
        starts = Holidays2020To2030.startDates(BATCH, 17);
        counts = Holidays2020To2030.counts(BATCH, 23);
        workingStarts = new LocalDate[BATCH];
        ends = new LocalDate[BATCH];
        for (int i = 0; i < BATCH; i++) {
            workingStarts[i] = NaiveCalendar.add(starts[i], 0);
            ends[i] = starts[i].plusDays(counts[i] * 7L / 5);
        }
        // build the year tables once, as a running system has
        starred.addWorkingDays(Holidays2020To2030.FIRST, 3000);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void addStarred(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(starred.addWorkingDays(starts[i], counts[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void addObjectLab(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(objectLab.add(workingStarts[i], counts[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void addNaiveLoop(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(NaiveCalendar.add(starts[i], counts[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void betweenStarred(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(starred.workingDaysBetween(starts[i], ends[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void betweenObjectLab(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(objectLab.between(starts[i], ends[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void betweenNaiveLoop(Blackhole out) {
        for (int i = 0; i < BATCH; i++) {
            out.consume(NaiveCalendar.between(starts[i], ends[i]));
        }
    }
}
