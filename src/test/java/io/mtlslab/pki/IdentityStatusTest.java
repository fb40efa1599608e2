package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityStatusTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    static IdentityEntry entry(Instant notBefore, Instant notAfter, boolean revoked) {
        return new IdentityEntry("client", Role.CLIENT, "ca", "1f", "CN=Cliente", "ec-p256", notBefore, notAfter,
                false, revoked);
    }

    @Test
    void tellsValidExpiringExpiredAndNotYetValidApartByTheClock() {
        assertThat(IdentityStatus.of(entry(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(31)), false), NOW))
                .isEqualTo(IdentityStatus.VALID);
        assertThat(IdentityStatus.of(entry(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), false), NOW))
                .isEqualTo(IdentityStatus.EXPIRING);
        assertThat(IdentityStatus.of(entry(NOW.minus(Duration.ofDays(9)), NOW.minusSeconds(1), false), NOW))
                .isEqualTo(IdentityStatus.EXPIRED);
        assertThat(IdentityStatus.of(entry(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(90)), false), NOW))
                .isEqualTo(IdentityStatus.NOT_YET_VALID);
    }

    @Test
    void revokedWinsOverEveryDate() {
        assertThat(IdentityStatus.of(entry(NOW.minus(Duration.ofDays(9)), NOW.minusSeconds(1), true), NOW))
                .isEqualTo(IdentityStatus.REVOKED);
        assertThat(IdentityStatus.NOT_YET_VALID.id()).isEqualTo("not-yet-valid");
    }

    @Test
    void anIdentityBelowARevokedIntermediateIsNotValid() {
        Instant from = NOW.minus(Duration.ofDays(1));
        Instant to = NOW.plus(Duration.ofDays(300));
        IdentityEntry root = new IdentityEntry("ca", Role.ROOT_CA, null, "01", "CN=MinhaCA", "ec-p256", from, to, false, false);
        IdentityEntry intermediate = new IdentityEntry("intermediate", Role.INTERMEDIATE_CA, "ca", "02",
                "CN=MinhaCA Intermediate", "ec-p256", from, to, false, true);
        IdentityEntry below = new IdentityEntry("ic", Role.CLIENT, "intermediate", "03", "CN=ic", "ec-p256", from, to,
                false, false);
        java.util.List<IdentityEntry> all = java.util.List.of(root, intermediate, below);

        assertThat(IdentityStatus.of(below, all, NOW)).isEqualTo(IdentityStatus.ISSUER_REVOKED);
        assertThat(IdentityStatus.of(intermediate, all, NOW)).isEqualTo(IdentityStatus.REVOKED);
        assertThat(IdentityStatus.of(root, all, NOW)).isEqualTo(IdentityStatus.VALID);
        assertThat(IdentityStatus.ISSUER_REVOKED.id()).isEqualTo("issuer-revoked");
    }
}
