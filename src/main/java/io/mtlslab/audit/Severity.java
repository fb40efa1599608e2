package io.mtlslab.audit;

/** How bad a finding is; the audit exits 1 when any finding is above {@link #LOW}. */
public enum Severity {
    /** Anyone can get in: no certificate, or a forged one, is served. */
    CRITICAL,
    /** A certificate that must be refused is accepted, or identity comes from somewhere an attacker controls. */
    HIGH,
    /** A weakening that needs another mistake or a stronger attacker to hurt: old TLS, revocation not enforced. */
    MEDIUM,
    /** Worth fixing, not a hole by itself. */
    LOW,
    /** A fact about the server, no judgement. */
    INFO;

    /** Whether a finding of this severity fails the audit (exit status 1). */
    public boolean failsAudit() {
        return compareTo(LOW) < 0;
    }
}
