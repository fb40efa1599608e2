package io.mtlslab.load;

import io.mtlslab.call.CallRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code mtls-lab load} runs: the call to repeat (URL, client identity, trust, TLS versions,
 * method), how many connections at once, and for how many calls or how long.
 *
 * @param count the number of calls; {@code 0} to run for {@code duration} instead
 * @param duration how long to run when {@code count} is 0
 * @param resume allow TLS session resumption; by default every call is a full handshake on a fresh
 *     connection and session, the cost a server pays for a new client
 * @param provider which TLS implementation the load client uses
 */
public record LoadRequest(CallRequest call, int concurrency, long count, Duration duration, boolean resume,
                          TlsProvider provider) {

    /** The load client's TLS implementation: BoringSSL where its native library loads, else the JDK's. */
    public enum TlsProvider { AUTO, OPENSSL, JDK }

    public LoadRequest {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(provider, "provider");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (count < 0 || (count == 0 && (duration == null || duration.isZero() || duration.isNegative()))) {
            throw new IllegalArgumentException("give a positive count or a positive duration");
        }
    }
}
