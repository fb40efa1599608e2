package io.mtlslab.server;

import io.mtlslab.pki.PeerText;
import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;
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
 * @param note why a handshake was rejected (e.g. {@code unknown CA: C=BR, ..., CN=MinhaCA}), or for a request
 *     what is notable about it (e.g. the authentication bypass); {@code null} otherwise. A message, not words:
 *     {@link #reason()} renders it in the current language, so a log on screen follows a language switch
 * @param unsafeMode whether the server ran in a mode weaker than the secure default
 * @param reasonCode a short stable code for {@code reason} (e.g. {@code unknown-ca}, {@code no-certificate})
 * @param connectionId numbers the connections of one server, to tie requests to their handshake
 * @param wouldReject in inspect mode, every reason the secure mode would have refused the client; empty
 *     otherwise or when it would have accepted
 */
public record ConnectionEvent(Instant time, String remoteAddress, Outcome outcome, String protocol,
                              String cipherSuite, String clientSubject, String clientSerialHex, Message note,
                              int status, String method, String path, boolean unsafeMode, String reasonCode,
                              long connectionId, List<Message> wouldReject) {

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
        wouldReject = wouldReject == null ? List.of() : List.copyOf(wouldReject);
    }

    /** The {@link #note()} in the current language, or {@code null}. */
    public String reason() {
        return note == null ? null : note.text();
    }

    /** The {@link #wouldReject()} reasons in the current language. */
    public List<String> secureModeWouldReject() {
        return wouldReject.stream().map(Message::text).toList();
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
            line.append(' ').append(Texts.text("serverlog.line.client")).append(' ').append(clientSubject == null
                    ? Texts.text("serverlog.line.none")
                    : PeerText.escape(clientSubject) + ' ' + Texts.text("serverlog.line.serial") + ' ' + clientSerialHex);
        } else if (clientSubject != null) {
            line.append(' ').append(Texts.text("serverlog.line.presented")).append(' ').append(PeerText.escape(clientSubject))
                    .append(' ').append(Texts.text("serverlog.line.serial")).append(' ').append(clientSerialHex);
        }
        String reason = reason();
        if (reason != null) {
            line.append(' ').append(Texts.text(outcome == Outcome.REJECTED ? "serverlog.line.reason"
                    : "serverlog.line.note")).append(' ').append(PeerText.escape(reason));
            if (reasonCode != null) {
                line.append(" [").append(reasonCode).append(']');
            }
        }
        if (!wouldReject.isEmpty()) {
            line.append(' ').append(Texts.text("serverlog.line.wouldReject")).append(' ')
                    .append(PeerText.escape(String.join("; ", secureModeWouldReject())));
        }
        if (unsafeMode) {
            line.append(" [").append(Texts.text("serverlog.line.unsafe")).append(']');
        }
        return line.toString();
    }
}
