package io.mtlslab.call;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * Everything observable about one call's TLS handshake: what was negotiated, the server's chain
 * (decoded even when the client refused it), timings, and the "asked vs presented" view.
 *
 * @param completed whether the client finished its side of the handshake
 * @param protocol e.g. {@code TLSv1.3}; {@code null} when the handshake did not complete
 * @param alpn the negotiated application protocol, or {@code null}
 * @param resumed whether an earlier session was resumed (mTLS Lab starts each call with a fresh context,
 *     so this is {@code false} unless the server forced otherwise)
 * @param serverChain the server's certificates as presented, leaf first
 * @param serverTrusted whether the client accepted the server chain
 * @param readAfterHandshake whether the call read from the server after the handshake (it always tries)
 * @param rejectedAfterHandshake whether the server refused us only after our handshake completed — TLS
 *     1.3's late rejection of a client certificate
 * @param noteMessages plain-language remarks, e.g. how a late rejection was caught ({@link #notes()} renders them)
 */
public record HandshakeReport(String host, int port, String connectedAddress, List<String> offeredProtocols,
                              boolean completed, String protocol, String cipherSuite, String alpn, boolean resumed,
                              List<CertificateSummary> serverChain, boolean serverTrusted, AskedVsPresented askedVsPresented,
                              Timings timings, boolean readAfterHandshake, boolean rejectedAfterHandshake,
                              List<Message> noteMessages) {

    public HandshakeReport {
        offeredProtocols = List.copyOf(offeredProtocols);
        serverChain = List.copyOf(serverChain);
        noteMessages = List.copyOf(noteMessages);
    }

    /** The remarks in the current language. */
    public List<String> notes() {
        return noteMessages.stream().map(Message::text).toList();
    }
}
