package io.mtlslab.pki;

import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Re-issues a workspace identity with a new validity (and, if asked, a new key), keeping the subject
 * and SANs read from its current certificate; optionally revokes the old certificate (reason
 * superseded) in the same step.
 */
public final class Renewal {

    /**
     * What to change.
     *
     * @param days      validity of the new certificate in days
     * @param newKey    generate a new key of the same type instead of keeping the old one
     * @param revokeOld revoke the old certificate (superseded) and publish the CRL
     */
    public record Request(int days, boolean newKey, boolean revokeOld) {
        public Request {
            Validity.days(days); // fails with the field's message before anything is written
        }
    }

    /**
     * What happened.
     *
     * @param renewed       the new credential
     * @param oldSerialHex  the previous certificate's serial
     * @param revocation    the old certificate's revocation, or {@code null}
     * @param staleP12      whether a {@code NAME.p12} exists that still holds the old certificate
     */
    public record Result(Credential renewed, String oldSerialHex, Revocation revocation, boolean staleP12) {
    }

    private Renewal() {
    }

    /** Renews identity {@code name}; passwords are those of its key and of the CA key (or {@code null}). */
    public static Result renew(Workspace workspace, String name, Request request, char[] keyPassword,
                               char[] caKeyPassword) {
        IdentityEntry entry = workspace.identity(name).orElseThrow(() -> PkiException.of("name", "noIdentity", name,
                String.valueOf(workspace.dir())));
        if (entry.role() == Role.ROOT_CA) {
            throw PkiException.of("name", "renewRootCa", name);
        }
        Credential old = workspace.credential(name, keyPassword);
        if (!request.newKey() && old.privateKey() == null) {
            throw PkiException.of("new-key", "renewKeyMissing", name);
        }
        // What a replaced CA issued is renewed by the workspace's CA now: that is how it comes back into use.
        boolean orphan = entry.issuedByReplacedCa();
        String issuerName = entry.issuer() != null && !orphan ? entry.issuer() : Workspace.CA;
        Credential issuer = workspace.signer(issuerName, caKeyPassword);
        X509Certificate oldCertificate = old.certificate();

        CertificateSpec spec = CertificateSpec.builder(entry.role())
                .subject(Certificates.x500Name(oldCertificate))
                .keyType(KeyType.of(oldCertificate.getPublicKey()))
                .subjectAltNames(subjectAltNames(oldCertificate))
                .days(request.days())
                .pathLength(entry.role().isCa() && oldCertificate.getBasicConstraints() != Integer.MAX_VALUE
                        ? Integer.valueOf(oldCertificate.getBasicConstraints()) : null)
                .build();
        Credential renewed;
        if (request.newKey()) {
            renewed = CertificateIssuer.issue(spec, issuer);
        } else {
            PrivateKey key = old.privateKey();
            renewed = new Credential(CertificateIssuer.sign(spec, oldCertificate.getPublicKey(), issuer), key,
                    issuer.fullChain());
        }
        Revocation revocation = workspace.locked(() -> {
            // One step for other processes: the old certificate's revocation and the new one's record.
            // (the new CA cannot revoke what the replaced one issued; nothing that trusts it accepts that anyway)
            Revocation revoked = request.revokeOld() && !entry.revoked() && !orphan ? CrlIssuer.revokeCertificate(
                    workspace, name, oldCertificate, RevocationReason.SUPERSEDED, caKeyPassword) : null;
            workspace.store(name, entry.role(), issuerName, renewed, entry.keyEncrypted() ? keyPassword : null);
            return revoked;
        });
        return new Result(renewed, Certificates.serialHex(oldCertificate), revocation,
                Files.exists(workspace.p12File(name)));
    }

    /** The old certificate's SANs, all of them (a renewal refuses to drop kinds it cannot issue). */
    static List<SubjectAltName> subjectAltNames(X509Certificate certificate) {
        return SubjectAltName.reissuable(certificate);
    }
}
