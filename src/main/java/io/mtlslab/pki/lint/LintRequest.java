package io.mtlslab.pki.lint;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.IdentityStatus;
import io.mtlslab.pki.Revocation;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
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
 * @param revocation the CA's record that the certificate was revoked; {@code null}: not revoked (or unknown)
 * @param issuerRevocation the record of a CA above the certificate that was revoked (an intermediate of the
 *     workspace); {@code null}: none known
 */
public record LintRequest(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain,
                          List<X509Certificate> anchors, Role role, String host, Instant now,
                          Revocation revocation, Revocation issuerRevocation) {

    public LintRequest {
        chain = chain == null ? List.of() : List.copyOf(chain);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        now = now == null ? Clock.systemUTC().instant() : now;
    }

    /** Only the certificate, checked against the clock now. */
    public static LintRequest of(X509Certificate certificate) {
        return new LintRequest(certificate, null, List.of(), List.of(), null, null, null, null, null);
    }

    public LintRequest withKey(PrivateKey key) {
        return new LintRequest(certificate, key, chain, anchors, role, host, now, revocation, issuerRevocation);
    }

    public LintRequest withChain(List<X509Certificate> value) {
        return new LintRequest(certificate, privateKey, value, anchors, role, host, now, revocation, issuerRevocation);
    }

    public LintRequest withAnchors(List<X509Certificate> value) {
        return new LintRequest(certificate, privateKey, chain, value, role, host, now, revocation, issuerRevocation);
    }

    public LintRequest withRole(Role value) {
        return new LintRequest(certificate, privateKey, chain, anchors, value, host, now, revocation, issuerRevocation);
    }

    public LintRequest withHost(String value) {
        return new LintRequest(certificate, privateKey, chain, anchors, role, value, now, revocation, issuerRevocation);
    }

    public LintRequest withRevocation(Revocation value) {
        return new LintRequest(certificate, privateKey, chain, anchors, role, host, now, value, issuerRevocation);
    }

    /**
     * The pre-flight for a workspace identity, as the GUI shows it: its certificate, key (when readable
     * without a password), chain and role, checked against the workspace's current CA and the CA's own
     * record of revocations (so a revoked certificate, or one from a replaced CA, is not "valid").
     */
    public static LintRequest forIdentity(Workspace workspace, String name, Role role, Credential credential) {
        X509Certificate certificate = credential.certificate();
        LintRequest request = of(certificate).withChain(credential.issuers()).withRole(role);
        if (credential.privateKey() != null) {
            request = request.withKey(credential.privateKey());
        }
        if (workspace.hasCa()) {
            request = request.withAnchors(List.of(workspace.caCertificate()));
        }
        return request.withRevocationsOf(workspace);
    }

    /**
     * The workspace's records of revocation that concern this certificate: its own, and that of a CA above it
     * (found among the certificates sent with it, or by walking its issuers in the workspace's index).
     */
    public LintRequest withRevocationsOf(Workspace workspace) {
        Revocation above = null;
        for (X509Certificate issuer : chain) {
            above = revocationOf(workspace, issuer);
            if (above != null) {
                break;
            }
        }
        if (above == null) {
            above = revokedIssuerInIndex(workspace);
        }
        return new LintRequest(certificate, privateKey, chain, anchors, role, host, now,
                revocationOf(workspace, certificate), above);
    }

    /** The record of the first revoked CA the workspace's index holds above this certificate, or {@code null}. */
    private Revocation revokedIssuerInIndex(Workspace workspace) {
        List<IdentityEntry> identities = workspace.identities();
        String serial = Certificates.serialHex(certificate);
        return identities.stream().filter(e -> e.serialHex().equalsIgnoreCase(serial)).findFirst()
                .flatMap(entry -> IdentityStatus.issuersAbove(entry, identities).stream().filter(IdentityEntry::revoked)
                        .findFirst())
                .map(ca -> revocationOf(workspace, ca.serialHex())).orElse(null);
    }

    /** The workspace's record that this very certificate (by its random serial) was revoked, or {@code null}. */
    public static Revocation revocationOf(Workspace workspace, X509Certificate certificate) {
        return revocationOf(workspace, Certificates.serialHex(certificate));
    }

    private static Revocation revocationOf(Workspace workspace, String serial) {
        return CrlIssuer.revocations(workspace).stream().filter(r -> r.serialHex().equalsIgnoreCase(serial))
                .reduce((a, b) -> b).orElse(null);
    }

    public LintRequest at(Instant value) {
        return new LintRequest(certificate, privateKey, chain, anchors, role, host, value, revocation, issuerRevocation);
    }
}
