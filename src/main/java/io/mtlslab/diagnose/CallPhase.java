package io.mtlslab.diagnose;

/** How far a test call got before it failed. */
public enum CallPhase {
    /** Resolving the host and opening the TCP connection. */
    CONNECT,
    /** The TLS handshake, as far as the client can see it. */
    HANDSHAKE,
    /**
     * The first read after the client finished its handshake: where TLS 1.3 servers reject a client
     * certificate (their alert follows the client's Finished).
     */
    FIRST_READ,
    /** The HTTP exchange over an established, accepted TLS connection. */
    HTTP
}
