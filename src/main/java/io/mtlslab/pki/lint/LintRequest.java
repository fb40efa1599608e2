package io.mtlslab.pki.lint;

import io.mtlslab.pki.Role;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What to lint: a certificate, and optionally its key, the chain sent with it, the trust anchors
 * the peer will use, the role it will play and the host name or IP clients will connect to.
 *
 * @param chain   intermediates (and possibly the root) that accompany the certificate, nearest first
 * @param anchors the CA certificates the peer trusts; empty: the chain must end in a self-signed root
 * @param role    {@code null}: inferred from the certificate (CA, serverAuth, clientAuth)
 * @param host    {@code null}: no host check
 */
public record LintRequest(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain,
                          List<X509Certificate> anchors, Role role, String host, Instant now) {

    public LintRequest {
        chain = chain == null ? List.of() : List.copyOf(chain);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        now = now == null ? Clock.systemUTC().instant() : now;
    }

    /** Only the certificate, checked against the clock now. */
    public static LintRequest of(X509Certificate certificate) {
        return new LintRequest(certificate, null, List.of(), List.of(), null, null, null);
    }

    public LintRequest withKey(PrivateKey key) {
        return new LintRequest(certificate, key, chain, anchors, role, host, now);
    }

    public LintRequest withChain(List<X509Certificate> value) {
        return new LintRequest(certificate, privateKey, value, anchors, role, host, now);
    }

    public LintRequest withAnchors(List<X509Certificate> value) {
        return new LintRequest(certificate, privateKey, chain, value, role, host, now);
    }

    public LintRequest withRole(Role value) {
        return new LintRequest(certificate, privateKey, chain, anchors, value, host, now);
    }

    public LintRequest withHost(String value) {
        return new LintRequest(certificate, privateKey, chain, anchors, role, value, now);
    }

    public LintRequest at(Instant value) {
        return new LintRequest(certificate, privateKey, chain, anchors, role, host, value);
    }
}
