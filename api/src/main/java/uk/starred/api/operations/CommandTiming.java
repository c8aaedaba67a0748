package uk.starred.api.operations;

import java.util.List;

/**
 * How long one kind of command has taken on this node, as a histogram.
 *
 * @param command      the command, as the concern service names it ({@code raise}, {@code respond}, {@code escalate} ...)
 * @param bucketBounds the upper bounds of the buckets, in seconds, ascending
 * @param bucketCounts how many took at most each bound (cumulative, as Prometheus counts), one to a bound
 * @param count        how many there were in all
 * @param sumSeconds   how long they took in all
 * @param refused      how many were refused (not permitted, invalid, changed meanwhile): among {@code count}
 * @param failed       how many failed otherwise (the database out of reach, a fault): among {@code count}
 */
public record CommandTiming(String command, List<Double> bucketBounds, List<Long> bucketCounts, long count,
        double sumSeconds, long refused, long failed) {

    public CommandTiming {
        bucketBounds = List.copyOf(bucketBounds);
        bucketCounts = List.copyOf(bucketCounts);
    }
}
