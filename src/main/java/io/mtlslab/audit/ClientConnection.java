package io.mtlslab.audit;

import java.time.Instant;

/**
 * One connection a client made to a bad server of the client audit.
 *
 * @param clientCertificate the subject of the certificate the client sent, or {@code null} for none
 * @param requestCompleted the client sent an HTTP request after the handshake: it accepted the server
 * @param failure how the connection ended otherwise (the client's alert, a close), or {@code null}
 */
public record ClientConnection(Instant at, BadServer server, String remote, boolean handshakeCompleted,
                               String protocol, String clientCertificate, boolean requestCompleted, String failure) {
}
