package io.mtlslab.audit;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates an audit attacks with, which the product's issuer rightly refuses to make: a leaf
 * signed by another leaf, a CA:TRUE client, names full of control characters, URLs for the server to
 * fetch. Built directly with BouncyCastle, EC P-256 keys, in memory only — never written to the workspace.
 */
final class ProbeCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X500Name subject;
    private Credential issuer;
    private Instant notBefore = Instant.now().minusSeconds(300);
    private Instant notAfter = Instant.now().plusSeconds(86_400);
    private boolean ca;
    private KeyPurposeId purpose = KeyPurposeId.id_kp_clientAuth;
    private GeneralNames sans;
    private final List<Extension> extra = new ArrayList<>();

    private ProbeCertificate(X500Name subject) {
        this.subject = subject;
    }

    static ProbeCertificate subject(X500Name subject) {
        return new ProbeCertificate(subject);
    }

    /** Signed by {@code value}'s key (a CA or not); self-signed when never called. */
    ProbeCertificate issuer(Credential value) {
        this.issuer = value;
        return this;
    }

    ProbeCertificate validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    ProbeCertificate ca(boolean value) {
        this.ca = value;
        return this;
    }

    /** The extended key usage; {@code null} for none at all. */
    ProbeCertificate purpose(KeyPurposeId value) {
        this.purpose = value;
        return this;
    }

    ProbeCertificate sans(GeneralNames value) {
        this.sans = value;
        return this;
    }

    ProbeCertificate extension(Extension value) {
        extra.add(value);
        return this;
    }

    Credential build() {
        try {
            KeyPair keys = KeyType.EC_P256.generate();
            X509Certificate signer = issuer == null ? null : issuer.certificate();
            X500Name issuerName = signer == null ? subject : X500Name.getInstance(signer.getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM).setBit(126),
                    java.util.Date.from(notBefore), java.util.Date.from(notAfter), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (signer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(signer.getPublicKey()));
            }
            for (Extension extension : extra) {
                builder.addExtension(extension);
            }
            var signingKey = issuer == null ? keys.getPrivate() : issuer.privateKey();
            var algorithm = KeyType.of(signer == null ? keys.getPublic() : signer.getPublicKey()).signatureAlgorithm();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
            return new Credential(certificate, keys.getPrivate(), issuer == null ? List.of() : issuer.fullChain());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the probe certificate: " + e.getMessage(), e);
        }
    }
}
