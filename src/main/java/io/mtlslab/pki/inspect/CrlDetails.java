package io.mtlslab.pki.inspect;

import java.time.Instant;
import java.util.List;

/**
 * A certificate revocation list.
 *
 * @param crlNumber  the CRL number in decimal, {@code null} when absent
 * @param nextUpdate {@code null} when absent
 * @param revoked    every revoked serial with its date and reason
 */
public record CrlDetails(String issuer, int version, Instant thisUpdate, Instant nextUpdate, String signatureAlgorithm,
                         String crlNumber, List<RevokedCertificate> revoked, List<ExtensionDetails> extensions) {

    /** One entry of a CRL; {@code reason} is the RFC 5280 name or {@code null}. */
    public record RevokedCertificate(String serialHex, String serialDecimal, Instant revocationDate, String reason) {
    }
}
