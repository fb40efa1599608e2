package io.mtlslab.scenario;

import io.mtlslab.pki.Credential;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The hook through which the matrix revokes its scratch "revoked client": given the workspace CA and
 * the certificates to revoke, a CRL signed by that CA — written only to the scenario area, never to
 * the workspace's own {@code crl.pem}. {@link #NONE} means revocation is not available yet and the
 * revoked-client row is reported as not available.
 */
@FunctionalInterface
public interface CrlSource {

    /** No CRL issuance in this build. */
    CrlSource NONE = (ca, revoked) -> null;

    /** A CRL listing {@code revoked}, signed by {@code ca}; {@code null} when revocation is not available. */
    X509CRL revoke(Credential ca, List<X509Certificate> revoked);
}
