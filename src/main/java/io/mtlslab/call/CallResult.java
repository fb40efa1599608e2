package io.mtlslab.call;

import io.mtlslab.diagnose.Diagnosis;

/**
 * The outcome of one test call: the handshake report, the HTTP response (if one came), the peer
 * identities, the diagnosis (if it failed) and the same call for other tools.
 *
 * @param response {@code null} when no HTTP response arrived
 * @param diagnosis {@code null} when the call succeeded
 */
public record CallResult(CallRequest request, HandshakeReport report, HttpResponse response, PeerIdentities peers,
                         Diagnosis diagnosis, Equivalents equivalents) {

    /** TLS completed both ways and the server answered with a non-error status. */
    public boolean succeeded() {
        return diagnosis == null;
    }
}
