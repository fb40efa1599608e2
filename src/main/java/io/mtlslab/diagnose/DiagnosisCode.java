package io.mtlslab.diagnose;

/**
 * Every kind of failure a test call can end in. The names are stable: the CLI's {@code --json}, the
 * scenario matrix and the GUI's translations key on them.
 */
public enum DiagnosisCode {
    /** The server required a client certificate and none was sent (none was chosen). */
    NO_CLIENT_CERTIFICATE,
    /** A client identity was configured but not sent: its issuer is not in the server's CA-names list. */
    CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED,
    /** The issuer of the peer's certificate is not trusted (either side). */
    UNKNOWN_CA,
    /** The peer presented a self-signed certificate that is not itself trusted (either side). */
    SELF_SIGNED,
    /** A certificate in the handshake has expired (either side). */
    EXPIRED,
    /** A certificate in the handshake is not valid yet (either side). */
    NOT_YET_VALID,
    /** The client certificate lacks the clientAuth extended key usage (e.g. a server certificate). */
    MISSING_CLIENT_AUTH_EKU,
    /** The server certificate lacks the serverAuth extended key usage (e.g. a client certificate). */
    MISSING_SERVER_AUTH_EKU,
    /** The host name or IP address called is not among the server certificate's SANs. */
    HOSTNAME_MISMATCH,
    /**
     * The client's chain is longer than the server allows (nginx's {@code ssl_verify_depth}). A test call
     * cannot see a server's depth and no alert names it (OpenSSL sends {@code unknown_ca} for it and for a
     * missing CRL alike), so calls report such a refusal as {@link #REFUSED_LOOKS_VALID}; the code stays
     * so that results written by earlier versions still read.
     */
    CHAIN_TOO_LONG,
    /**
     * The server refused a client certificate that checks out from the caller's side (its chain reaches
     * the workspace CA, which the server lists or may trust; in date; clientAuth; on no known CRL) without
     * naming a cause: revoked in the server's own CRL, a CRL the server lacks for a CA in the chain, a
     * verify depth, or a server-side policy. The server's log says which.
     */
    REFUSED_LOOKS_VALID,
    /** A certificate in the handshake is on its CA's revocation list (either side). */
    REVOKED,
    /** Client and server have no TLS version in common. */
    PROTOCOL_VERSION,
    /** Nothing listens on that port. */
    CONNECTION_REFUSED,
    /** The host name does not resolve. */
    HOST_NOT_FOUND,
    /** Something answered, but not TLS (e.g. plain HTTP). */
    NOT_TLS,
    /** The peer did not answer in time. */
    TIMEOUT,
    /** TLS succeeded but the application answered 401: authenticated at TLS, refused by the application. */
    HTTP_UNAUTHORIZED,
    /** TLS succeeded but the application answered 403: it knows the caller and refuses this identity (or none). */
    HTTP_FORBIDDEN,
    /**
     * The server asks for the client certificate only after the handshake, for one path (Apache httpd's
     * {@code SSLVerifyClient} inside {@code <Location>}), which in TLS 1.3 needs post-handshake
     * authentication: Java and Go clients do not offer it, so the server answers 403.
     */
    POST_HANDSHAKE_AUTH,
    /** TLS succeeded but the application answered another error status. */
    HTTP_ERROR,
    /** A handshake failure none of the codes above explains; the raw message says more. */
    HANDSHAKE_FAILED
}
