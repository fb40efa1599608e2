package io.mtlslab.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Puts certificates in chain order: each one followed by the certificate that signed it. */
public final class Chains {

    private Chains() {
    }

    /**
     * The issuers of {@code leaf} found in {@code pool}, nearest first, up to a self-signed root or
     * until no issuer is found. Certificates of the pool that are not on the path are dropped.
     */
    public static List<X509Certificate> order(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> remaining = new ArrayList<>(pool);
        List<X509Certificate> issuers = new ArrayList<>();
        X509Certificate current = leaf;
        while (!Certificates.isSelfSigned(current)) {
            X509Certificate issuer = issuerOf(current, remaining);
            if (issuer == null) {
                break;
            }
            issuers.add(issuer);
            remaining.remove(issuer);
            current = issuer;
        }
        return issuers;
    }

    /** The certificate in {@code candidates} whose key signed {@code certificate}, or {@code null}. */
    public static X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether {@code issuer}'s public key verifies {@code certificate}'s signature. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
