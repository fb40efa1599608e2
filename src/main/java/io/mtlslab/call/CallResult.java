package io.mtlslab.call;

import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnosis;

/**
 * One test call: the handshake report, the HTTP response (if one came), the peer identities, the
 * outcome (whether the client was authenticated), the diagnosis (if it failed) and the same call for
 * other tools.
 *
 * @param response {@code null} when no HTTP response arrived
 * @param outcome the verdict every front end shows; a 200 without client authentication is not a success
 * @param diagnosis {@code null} when the server answered (status below 400)
 */
public record CallResult(CallRequest request, HandshakeReport report, HttpResponse response, PeerIdentities peers,
                         CallOutcome outcome, Diagnosis diagnosis, Equivalents equivalents) {

    /**
     * TLS completed and the server answered with a non-error status — with or without authenticating the
     * client: ask {@link #outcome()} which.
     */
    public boolean succeeded() {
        return diagnosis == null;
    }

    /** The server verified-and-served path: our certificate was asked for, sent and the server answered. */
    public boolean mutuallyAuthenticated() {
        return outcome.kind() == CallOutcome.Kind.MUTUALLY_AUTHENTICATED;
    }
}
