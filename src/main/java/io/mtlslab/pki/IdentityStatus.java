package io.mtlslab.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How an identity stands at a given moment: revoked, expired, not yet valid, expiring within 30 days, or valid. */
public enum IdentityStatus {
    VALID, EXPIRING, EXPIRED, REVOKED, NOT_YET_VALID;

    /** How close to its end a certificate counts as expiring: time enough to renew it calmly. */
    public static final Duration SOON = Duration.ofDays(30);

    public static IdentityStatus of(IdentityEntry entry, Instant now) {
        if (entry.revoked()) {
            return REVOKED;
        }
        if (now.isAfter(entry.notAfter())) {
            return EXPIRED;
        }
        if (now.isBefore(entry.notBefore())) {
            return NOT_YET_VALID;
        }
        return now.plus(SOON).isAfter(entry.notAfter()) ? EXPIRING : VALID;
    }

    /** The name scripts see, e.g. {@code not-yet-valid}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
