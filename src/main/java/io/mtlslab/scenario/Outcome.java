package io.mtlslab.scenario;

/** What happened to a scenario's call. */
public enum Outcome {
    /** The server answered 200: the client was served. */
    ACCEPTED,
    /** The handshake failed (either side refused) or the application refused (401). */
    REFUSED,
    /** The scenario could not run here (e.g. this Java runtime refuses TLS 1.1 itself). */
    NOT_AVAILABLE
}
