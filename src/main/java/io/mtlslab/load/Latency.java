package io.mtlslab.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution of one kind of latency over a load run: percentiles and a histogram for a chart.
 *
 * @param buckets counts per latency band, bands doubling from 0.25 ms; empty bands at the ends dropped
 */
public record Latency(long count, Duration p50, Duration p90, Duration p99, Duration max, List<Bucket> buckets) {

    /** {@code count} samples at most {@code upTo}, above the previous bucket's bound. */
    public record Bucket(Duration upTo, long count) {
    }

    public Latency {
        buckets = List.copyOf(buckets);
    }

    static final Latency NONE = new Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of());

    /** The distribution of {@code nanos} (the array is sorted in place). */
    static Latency of(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        Arrays.sort(nanos);
        return new Latency(nanos.length, Duration.ofNanos(percentile(nanos, 50)), Duration.ofNanos(percentile(nanos, 90)),
                Duration.ofNanos(percentile(nanos, 99)), Duration.ofNanos(nanos[nanos.length - 1]), histogram(nanos));
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<Bucket> histogram(long[] sorted) {
        List<Bucket> buckets = new ArrayList<>();
        long bound = 250_000L;   // 0.25 ms
        int i = 0;
        while (i < sorted.length) {
            long count = 0;
            while (i < sorted.length && sorted[i] <= bound) {
                count++;
                i++;
            }
            if (count > 0 || !buckets.isEmpty()) {
                buckets.add(new Bucket(Duration.ofNanos(bound), count));
            }
            bound *= 2;
        }
        return buckets;
    }
}
