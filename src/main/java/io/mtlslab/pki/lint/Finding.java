package io.mtlslab.pki.lint;

/**
 * One result of the pre-flight lint: how bad it is, a stable code for tests and translations,
 * what is wrong (in the user's words) and how to fix it.
 */
public record Finding(Severity severity, String code, String what, String fix) {

    /** ERROR: the handshake or the identity check will fail; WARNING: risky; INFO: worth knowing. */
    public enum Severity { ERROR, WARNING, INFO }
}
