package io.mtlslab.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a certificate is valid. Explicit bounds make expired and not-yet-valid test certificates.
 */
public record Validity(Instant notBefore, Instant notAfter) {

    /** The last instant an X.509 GeneralizedTime can hold (RFC 5280 4.1.2.5). */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Back-dating absorbs small clock differences between the machines of a handshake. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    public Validity {
        if (notBefore == null || notAfter == null) {
            throw PkiException.of("days", "validityIncomplete");
        }
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (notAfter.isAfter(LATEST)) {
            throw PkiException.of("not-after", "validityTooLate", String.valueOf(notAfter), String.valueOf(LATEST));
        }
        if (!notAfter.isAfter(notBefore)) {
            throw PkiException.of("not-after", "validityNotAfterStart", String.valueOf(notAfter), String.valueOf(notBefore));
        }
    }

    /** Valid from (a few minutes before) now for the given number of days. */
    public static Validity days(int days) {
        return days(days, Clock.systemUTC());
    }

    public static Validity days(int days, Clock clock) {
        if (days <= 0) {
            throw PkiException.of("days", "daysTooFew", String.valueOf(days));
        }
        Instant now = clock.instant();
        long latest = Duration.between(now, LATEST).toDays();
        if (days > latest) {
            throw PkiException.of("days", "daysTooMany", String.valueOf(days), LATEST.toString().substring(0, 10),
                    String.valueOf(latest));
        }
        return new Validity(now.minus(BACKDATE), now.plus(Duration.ofDays(days)));
    }

    public boolean isExpiredAt(Instant when) {
        return when.isAfter(notAfter);
    }

    public boolean isNotYetValidAt(Instant when) {
        return when.isBefore(notBefore);
    }

    public boolean contains(Instant when) {
        return !isExpiredAt(when) && !isNotYetValidAt(when);
    }
}
