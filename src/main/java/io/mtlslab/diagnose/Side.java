package io.mtlslab.diagnose;

/** Where a failure happened: who refused, or whether the network did. */
public enum Side {
    /** Our client refused the server (its certificate, its name, its protocol). */
    CLIENT,
    /** The server refused us (our certificate, our protocol) or its application answered with an error. */
    SERVER,
    /** Nobody refused: the connection itself failed (refused port, unknown host, timeout, not TLS). */
    NETWORK
}
