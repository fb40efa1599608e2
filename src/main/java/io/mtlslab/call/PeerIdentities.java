package io.mtlslab.call;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * The peer identity table: who the server says we are (from its echo response) beside who the
 * client found the server to be (from its certificate). Either side may be missing: no response, or
 * a server that is not mTLS Lab's echo server.
 *
 * @param clientAsSeenByServer parsed from the echo server's JSON or text response, or {@code null}
 * @param serverAsSeenByClient from the server's leaf certificate, or {@code null} before it arrived
 * @param noteMessages e.g. "the response did not carry an identity (not mTLS Lab's echo server?)"
 */
public record PeerIdentities(PeerIdentity clientAsSeenByServer, PeerIdentity serverAsSeenByClient, List<Message> noteMessages) {

    public PeerIdentities {
        noteMessages = List.copyOf(noteMessages);
    }

    /** The remarks in the current language. */
    public List<String> notes() {
        return noteMessages.stream().map(Message::text).toList();
    }
}
