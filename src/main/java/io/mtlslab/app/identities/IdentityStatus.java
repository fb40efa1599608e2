package io.mtlslab.app.identities;

import io.mtlslab.pki.IdentityEntry;
import java.time.Duration;
import java.time.Instant;

/** How an identity stands today, for the list's badge: revoked, expired, expiring within 30 days, or valid. */
public enum IdentityStatus {
    VALID, EXPIRING, EXPIRED, REVOKED, NOT_YET_VALID;

    static final Duration SOON = Duration.ofDays(30);

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

    public String styleClass() {
        return switch (this) {
            case VALID -> "status-valid";
            case EXPIRING, NOT_YET_VALID -> "status-expiring";
            case EXPIRED -> "status-expired";
            case REVOKED -> "status-revoked";
        };
    }
}
