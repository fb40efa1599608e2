package io.mtlslab.call;

import java.time.Duration;

/**
 * How long each step of a call took, from its start; a step the call did not reach is {@code null}.
 *
 * @param connect the TCP connection (including the name lookup)
 * @param handshake the TLS handshake as the client sees it
 * @param firstByte from sending the request to the first response byte
 * @param total the whole call
 */
public record Timings(Duration connect, Duration handshake, Duration firstByte, Duration total) {
}
