package io.mtlslab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key and the issuers above it (nearest first, root last).
 *
 * <p>{@code privateKey} may be {@code null} for a certificate whose key is held elsewhere (an
 * external CSR's signer). {@code toString} never shows the key.
 */
public record Credential(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {

    public Credential {
        Objects.requireNonNull(certificate, "certificate");
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /** Leaf first, then every issuer up to and including the root. */
    public List<X509Certificate> fullChain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers);
        return chain;
    }

    /** What a TLS peer sends: the leaf and its intermediates, without the self-signed root. */
    public List<X509Certificate> tlsChain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        issuers.stream().filter(c -> !Certificates.isSelfSigned(c)).forEach(chain::add);
        return chain;
    }

    /** The root at the top of the chain: the last issuer, or the certificate itself if self-signed. */
    public X509Certificate root() {
        return issuers.isEmpty() ? certificate : issuers.get(issuers.size() - 1);
    }

    public SubjectName subject() {
        return Certificates.subject(certificate);
    }

    @Override
    public String toString() {
        return "Credential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
