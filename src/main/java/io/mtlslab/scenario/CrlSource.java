package io.mtlslab.scenario;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Revocation;
import io.mtlslab.pki.RevocationReason;
import java.math.BigInteger;
import java.time.Instant;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The hook through which the matrix revokes its scratch "revoked client": given the workspace CA and
 * the certificates to revoke, a CRL signed by that CA — written only to the scenario area, never to
 * the workspace's own {@code crl.pem}. {@link #ISSUED} signs one with {@link CrlIssuer}; {@link #NONE}
 * reports the revoked-client row as not available.
 */
@FunctionalInterface
public interface CrlSource {

    /** No revocation: the revoked-client row reads "not available". */
    CrlSource NONE = (ca, revoked) -> null;

    /** A real v2 CRL signed by the workspace CA, as {@code mtls-lab crl} publishes it. */
    CrlSource ISSUED = (ca, revoked) -> CrlIssuer.build(ca, revoked.stream()
            .map(c -> new Revocation("scenario", Certificates.serialHex(c), Instant.now(), RevocationReason.KEY_COMPROMISE))
            .toList(), BigInteger.ONE, Instant.now());

    /** A CRL listing {@code revoked}, signed by {@code ca}; {@code null} when revocation is not available. */
    X509CRL revoke(Credential ca, List<X509Certificate> revoked);
}
