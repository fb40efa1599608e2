package io.mtlslab.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The result of a load run: rates, latency distributions and failures grouped by cause.
 *
 * @param tlsProvider the load client's TLS implementation that ran ({@code OpenSSL (BoringSSL)} or {@code JDK})
 * @param calls every call attempted
 * @param succeeded calls whose handshake completed and whose answer had a status below 400
 * @param fullHandshakes completed handshakes that were not resumptions
 * @param handshakes handshakes the server then answered on (in TLS 1.3 a refused certificate shows only
 *     after the client's side of the handshake completed, so those are not counted)
 * @param handshake from TCP connected to TLS handshake complete, for every counted handshake
 * @param request from the request sent to the whole response read, for every response
 * @param statuses answers by HTTP status
 * @param cancelled whether the run was stopped before its count or duration
 * @param clientBusy how busy the load client's network threads were over the run, 0 to 1 (their CPU time
 *     over the elapsed time of each); {@code NaN} where the JVM cannot measure thread CPU. Near 1, the
 *     client, not the server, may have set the rate. The JVM's own threads (JIT, GC) are not counted.
 */
public record LoadReport(String url, String tlsProvider, int concurrency, boolean resume, long calls, long succeeded,
                         long handshakes, long fullHandshakes, Duration elapsed, Latency handshake, Latency request,
                         Map<Integer, Long> statuses, List<FailureGroup> failures, boolean cancelled,
                         double clientBusy) {

    /** From this share of busy time on, the report warns that the client may have been the limit. */
    public static final double SATURATED = 0.8;

    public LoadReport {
        statuses = Map.copyOf(statuses);
        failures = List.copyOf(failures);
    }

    /** Completed handshakes per second over the run. */
    public double handshakesPerSecond() {
        return perSecond(handshakes);
    }

    /** Successful calls per second over the run. */
    public double callsPerSecond() {
        return perSecond(succeeded);
    }

    /** Whether the load client's network threads were busy enough to have set the rate themselves. */
    public boolean clientSaturated() {
        return clientBusy >= SATURATED;
    }

    public long failed() {
        return calls - succeeded;
    }

    private double perSecond(long n) {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : n / seconds;
    }
}
