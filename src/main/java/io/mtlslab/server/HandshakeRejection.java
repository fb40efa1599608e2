package io.mtlslab.server;

import io.mtlslab.tls.ServerCertificateCheck;
import io.mtlslab.text.Message;
import io.mtlslab.tls.ServerCertificateFinding;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why the echo server refused a handshake, as the connection log shows it: a short {@code code} and the
 * {@code message} in plain words, rendered in the language of whoever shows it. This is the server's own side of the story; the calling client's
 * explanation (with fixes and other tools' messages) is the diagnosis of a test call.
 */
public record HandshakeRejection(String code, Message message) {

    public static final String PROTOCOL_VERSION = "protocol-version";
    public static final String NO_COMMON_CIPHER = "no-common-cipher";
    public static final String CLIENT_ABORTED = "client-rejected-server";
    public static final String HANDSHAKE_TIMEOUT = "handshake-timeout";
    public static final String CLIENT_CLOSED = "client-closed";
    public static final String SERVER_STOPPED = "server-stopped";
    public static final String NOT_TLS = "not-tls";
    public static final String HANDSHAKE_FAILED = "handshake-failed";

    private static final Pattern REQUESTED_PROTOCOL = Pattern.compile("Client requested protocol (\\S+)");
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\S+)");
    /** BoringSSL's name of an alert it received, e.g. {@code SSLV3_ALERT_CERTIFICATE_UNKNOWN}. */
    private static final Pattern BORINGSSL_ALERT = Pattern.compile("(?:SSLV3|TLSV1)_ALERT_([A-Z_]+)");

    /**
     * Explains a failed handshake.
     *
     * @param failure what Netty's handshake-completion event carried
     * @param check the trust manager's verdict on the client's certificates, if it got that far
     * @param protocols the versions the server accepts, for the protocol-version message
     * @param handshakeTimeout the configured limit, for the timeout message
     */
    public static HandshakeRejection of(Throwable failure, ServerCertificateCheck check, List<String> protocols,
                                        Duration handshakeTimeout) {
        return of(failure, check, protocols, handshakeTimeout, null);
    }

    /**
     * As above, with the highest version the client's hello asked for when it was older than TLS 1.2
     * (e.g. {@code TLSv1.1}), or {@code null}: JSSE names it in its message, BoringSSL does not, and the
     * log should say the same on both.
     */
    public static HandshakeRejection of(Throwable failure, ServerCertificateCheck check, List<String> protocols,
                                        Duration handshakeTimeout, String clientHighestVersion) {
        if (check != null && !check.trusted()) {
            ServerCertificateFinding finding = check.firstFinding();
            return new HandshakeRejection(finding.code(), finding.message());
        }
        if (failure instanceof SslHandshakeTimeoutException) {
            return new HandshakeRejection(HANDSHAKE_TIMEOUT, Message.of("serverlog.handshakeTimeout.incomplete",
                    String.valueOf(handshakeTimeout.toSeconds())));
        }
        String message = messages(failure);
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("empty client certificate chain") || lower.contains("empty server certificate chain")
                || lower.contains("certificate_required") || lower.contains("peer_did_not_return_a_certificate")) {
            return new HandshakeRejection(ServerCertificateFinding.NO_CERTIFICATE, Message.of("serverlog.noCertificate"));
        }
        Matcher requested = REQUESTED_PROTOCOL.matcher(message);
        if (requested.find()) {
            return protocolVersion(Message.of("serverlog.protocolVersion.offeredOnly", requested.group(1)), protocols);
        }
        if (lower.contains("no appropriate protocol") || lower.contains("protocol_version")
                || lower.contains("unsupported protocol") || lower.contains("unsupported_protocol")
                || lower.contains("not enabled or supported")) {
            return protocolVersion(clientHighestVersion != null
                    ? Message.of("serverlog.protocolVersion.offeredOnly", clientHighestVersion)
                    : Message.of("serverlog.protocolVersion.noneAccepted"), protocols);
        }
        if (lower.contains("no cipher suites in common") || lower.contains("no_shared_cipher")
                || lower.contains("insufficient_security")
                || lower.contains("no available authentication scheme")) {
            return new HandshakeRejection(NO_COMMON_CIPHER, Message.of("serverlog.noCommonCipher"));
        }
        String name = receivedAlert(message);
        if (name != null) {
            String why = switch (name) {
                case "unknown_ca", "bad_certificate", "certificate_unknown" -> "serverlog.clientAborted.untrusted";
                case "certificate_expired" -> "serverlog.clientAborted.expired";
                case "certificate_revoked" -> "serverlog.clientAborted.revoked";
                case "handshake_failure" -> "serverlog.clientAborted.noParameters";
                default -> "serverlog.clientAborted";
            };
            return new HandshakeRejection(CLIENT_ABORTED, Message.of(why, name));
        }
        if (lower.contains("aead cipher fragment (2)") || lower.contains("bad_packet_length")) {
            // A 2-byte record is an alert. OpenSSL-based clients (curl, Python) send it unencrypted after
            // rejecting the server's TLS 1.3 certificate, which neither JSSE nor BoringSSL can read: its name is lost.
            return new HandshakeRejection(CLIENT_ABORTED, Message.of("serverlog.clientAborted.unreadable"));
        }
        if (failure instanceof ClosedChannelException || lower.contains("connection reset")
                || lower.contains("closed") || lower.contains("broken pipe")
                || (failure instanceof IOException && !(failure instanceof SSLException))) {
            return new HandshakeRejection(CLIENT_CLOSED, Message.of("serverlog.clientClosed.duringHandshake"));
        }
        return new HandshakeRejection(HANDSHAKE_FAILED, Message.of("serverlog.handshakeFailed", message));
    }

    /**
     * A resumed session whose client the secure policy no longer trusts (revoked, or expired, since the
     * session began): resumption skips the certificate check, so the server judged the chain again.
     */
    public static HandshakeRejection resumedSession(ServerCertificateCheck check) {
        ServerCertificateFinding finding = check.firstFinding();
        return new HandshakeRejection(finding.code(), Message.of("serverlog.resumedRefused", finding.message()));
    }

    /** A rejection in the server's own words, e.g. {@code not-tls} and {@code serverlog.notTls.http}. */
    public static HandshakeRejection of(String code, String key, Object... args) {
        return new HandshakeRejection(code, Message.of(key, args));
    }

    /** The message in the current language. */
    public String reason() {
        return message.text();
    }

    private static HandshakeRejection protocolVersion(Message what, List<String> protocols) {
        return new HandshakeRejection(PROTOCOL_VERSION, Message.of("serverlog.protocolVersion", what,
                String.join(", ", protocols)));
    }

    /** The name of the alert the client sent, as JSSE or BoringSSL reports it, or {@code null}. */
    private static String receivedAlert(String message) {
        Matcher jdk = ALERT.matcher(message);
        if (jdk.find()) {
            return jdk.group(1);
        }
        Matcher boringssl = BORINGSSL_ALERT.matcher(message);
        return boringssl.find() ? boringssl.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                if (!all.isEmpty()) {
                    all.append(" / ");
                }
                all.append(t.getMessage());
            }
        }
        return all.isEmpty() ? failure.getClass().getSimpleName() : all.toString();
    }
}
