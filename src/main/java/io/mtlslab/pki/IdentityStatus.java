package io.mtlslab.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How an identity stands at a given moment: revoked, below a revoked CA, expired, not yet valid, expiring
 * within 30 days, or valid.
 */
public enum IdentityStatus {
    VALID, EXPIRING, EXPIRED, REVOKED, NOT_YET_VALID,
    /** Itself unrevoked, but a CA above it in this workspace is revoked: nothing trusts it any more. */
    ISSUER_REVOKED,
    /** Issued by a workspace CA that a new CA has since replaced: nothing that trusts the new CA accepts it. */
    CA_REPLACED;

    /**
     * The issuer name a replaced CA leaves in the index entries of what it issued
     * ({@code replaced-ca-20261202-123456}), so they are never again taken for the new CA's.
     */
    public static final String REPLACED_CA_PREFIX = "replaced-ca-";

    /** How close to its end a certificate counts as expiring: time enough to renew it calmly. */
    public static final Duration SOON = Duration.ofDays(30);

    /** The status seen from {@code identities}, the workspace's index: a revoked or replaced CA above counts. */
    public static IdentityStatus of(IdentityEntry entry, List<IdentityEntry> identities, Instant now) {
        IdentityStatus own = of(entry, now);
        if (own == REVOKED) {
            return own;
        }
        List<IdentityEntry> above = issuersAbove(entry, identities);
        if (above.stream().anyMatch(IdentityEntry::revoked)) {
            return ISSUER_REVOKED;
        }
        IdentityEntry top = above.isEmpty() ? entry : above.get(above.size() - 1);
        return top.issuedByReplacedCa() ? CA_REPLACED : own;
    }

    /**
     * The CAs the index records above {@code entry}, nearest first: the walk follows each entry's issuer
     * and ends at the root, or at an issuer the index does not hold (a replaced CA, an index without it).
     */
    public static List<IdentityEntry> issuersAbove(IdentityEntry entry, List<IdentityEntry> identities) {
        List<IdentityEntry> above = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String issuer = entry.issuer(); issuer != null && seen.add(issuer); ) {
            String name = issuer;
            IdentityEntry ca = identities.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
            if (ca == null) {
                break;
            }
            above.add(ca);
            issuer = ca.issuer();
        }
        return above;
    }

    /** The status of the certificate alone, not knowing its issuers. */
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
