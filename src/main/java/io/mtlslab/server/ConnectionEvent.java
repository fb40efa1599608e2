package io.mtlslab.server;

import io.mtlslab.pki.PeerText;
import java.time.Instant;
import java.util.List;

/**
 * One line of the echo server's connection log: a handshake accepted or rejected, or a request
 * answered. Fields that do not apply are {@code null} (or 0 for {@code status}).
 *
 * @param remoteAddress the client's {@code host:port}
 * @param clientSubject the client certificate's subject, or {@code null} when none was presented
 * @param method the request's method, {@code null} for a handshake or a request too malformed to read
 * @param path the request's target as sent, {@code null} like {@code method}
 * @param reason in plain words why a handshake was rejected (e.g. {@code unknown CA: C=BR, ..., CN=MinhaCA}),
 *     or for a request what is notable about it (e.g. the authentication bypass); {@code null} otherwise
 * @param unsafeMode whether the server ran in a mode weaker than the secure default
 * @param reasonCode a short stable code for {@code reason} (e.g. {@code unknown-ca}, {@code no-certificate})
 * @param connectionId numbers the connections of one server, to tie requests to their handshake
 * @param secureModeWouldReject in inspect mode, every reason the secure mode would have refused the
 *     client; empty otherwise or when it would have accepted
 */
public record ConnectionEvent(Instant time, String remoteAddress, Outcome outcome, String protocol,
                              String cipherSuite, String clientSubject, String clientSerialHex, String reason,
                              int status, String method, String path, boolean unsafeMode, String reasonCode,
                              long connectionId, List<String> secureModeWouldReject) {

    /** What the event is about. */
    public enum Outcome {
        /** A TLS handshake completed. */
        ACCEPTED,
        /** A connection was refused: failed handshake, not TLS at all, or a timeout. */
        REJECTED,
        /** An HTTP request was answered. */
        REQUEST
    }

    /** Stands for the method and path of a request too malformed to read. */
    public static final String UNREAD_REQUEST = "(unreadable request)";

    public ConnectionEvent {
        secureModeWouldReject = secureModeWouldReject == null ? List.of() : List.copyOf(secureModeWouldReject);
    }

    /**
     * The event as one line of text for a terminal or a log file. Everything the peer controls (the
     * certificate's subject, a reason quoting its issuer, the request's method and path) is passed through
     * {@link PeerText#escape}, so a crafted DN cannot start a forged log line or send terminal escapes.
     */
    public String toLine() {
        StringBuilder line = new StringBuilder();
        line.append(time).append(' ').append(remoteAddress).append(" #").append(connectionId).append(' ')
                .append(outcome);
        if (outcome == Outcome.REQUEST) {
            line.append(' ').append(method == null ? UNREAD_REQUEST
                    : PeerText.escape(method) + ' ' + PeerText.escape(path)).append(" -> ").append(status);
        }
        if (protocol != null) {
            line.append(' ').append(protocol);
        }
        if (cipherSuite != null) {
            line.append(' ').append(cipherSuite);
        }
        if (outcome != Outcome.REJECTED) {
            line.append(clientSubject == null ? " client: none" : " client: " + PeerText.escape(clientSubject) + " serial "
                    + clientSerialHex);
        } else if (clientSubject != null) {
            line.append(" presented: ").append(PeerText.escape(clientSubject)).append(" serial ").append(clientSerialHex);
        }
        if (reason != null) {
            line.append(outcome == Outcome.REJECTED ? " reason: " : " note: ").append(PeerText.escape(reason));
            if (reasonCode != null) {
                line.append(" [").append(reasonCode).append(']');
            }
        }
        if (!secureModeWouldReject.isEmpty()) {
            line.append(" secure mode would reject: ").append(PeerText.escape(String.join("; ", secureModeWouldReject)));
        }
        if (unsafeMode) {
            line.append(" [UNSAFE MODE]");
        }
        return line.toString();
    }
}
