package io.mtlslab.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates the way the seed's OpenSSL recipe does, with the extensions each role needs
 * and nothing more.
 *
 * <ul>
 *   <li>CA: basicConstraints CA:TRUE (critical, optional pathLen), keyUsage keyCertSign+cRLSign
 *       (critical), SKI (and AKI below a root).</li>
 *   <li>Server: basicConstraints CA:FALSE, keyUsage for the key type (critical), EKU serverAuth,
 *       SANs, SKI, AKI.</li>
 *   <li>Client: the same with EKU clientAuth.</li>
 * </ul>
 */
public final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** Generates a key and a self-signed root CA certificate. */
    public static Credential createRootCa(CertificateSpec spec) {
        return createRootCa(spec, spec.keyType().generate());
    }

    /** A self-signed root CA certificate for a key generated beforehand (e.g. in parallel with others). */
    public static Credential createRootCa(CertificateSpec spec, KeyPair keys) {
        requireRole(spec, Role.ROOT_CA);
        X509Certificate certificate = build(spec, keys.getPublic(), spec.encodedSubject(), null,
                keys.getPrivate());
        return new Credential(certificate, keys.getPrivate(), List.of());
    }

    /** Generates a key and a certificate for it signed by {@code issuer} (a root or intermediate CA). */
    public static Credential issue(CertificateSpec spec, Credential issuer) {
        if (spec.role() == Role.ROOT_CA) {
            throw new IllegalArgumentException("a root CA is self-signed: use createRootCa");
        }
        return issue(spec, issuer, spec.keyType().generate());
    }

    /** A certificate signed by {@code issuer} for a key generated beforehand (e.g. in parallel with others). */
    public static Credential issue(CertificateSpec spec, Credential issuer, KeyPair keys) {
        if (spec.role() == Role.ROOT_CA) {
            throw new IllegalArgumentException("a root CA is self-signed: use createRootCa");
        }
        return new Credential(sign(spec, keys.getPublic(), issuer), keys.getPrivate(), issuer.fullChain());
    }

    /**
     * A certificate signed by its own key that is not a CA: the "self-signed look-alike" of the
     * scenario matrix. Real clients must reject it.
     */
    public static Credential selfSignedLeaf(CertificateSpec spec) {
        if (spec.role().isCa()) {
            throw new IllegalArgumentException("a CA is issued by createRootCa");
        }
        KeyPair keys = spec.keyType().generate();
        X509Certificate certificate = build(spec, keys.getPublic(), spec.encodedSubject(), null,
                keys.getPrivate());
        return new Credential(certificate, keys.getPrivate(), List.of());
    }

    /** Signs an existing public key (from a CSR) with the options of {@code spec}. */
    public static X509Certificate sign(CertificateSpec spec, PublicKey subjectKey, Credential issuer) {
        X509Certificate issuerCertificate = issuer.certificate();
        if (!Certificates.isCa(issuerCertificate) || issuer.privateKey() == null) {
            throw PkiException.of("ca", "issuerNotCaWithKey", Certificates.subjectLine(issuerCertificate));
        }
        if (issuerCertificate.getBasicConstraints() == 0 && spec.role() == Role.INTERMEDIATE_CA) {
            throw PkiException.of("ca", "pathLenZero");
        }
        return build(spec, subjectKey, Certificates.x500Name(issuerCertificate), issuerCertificate,
                issuer.privateKey());
    }

    private static X509Certificate build(CertificateSpec spec, PublicKey subjectKey, X500Name issuerName,
                                         X509Certificate issuerCertificate, PrivateKey signingKey) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, randomSerial(),
                    Date.from(spec.validity().notBefore()), Date.from(spec.validity().notAfter()),
                    spec.encodedSubject(), subjectKey);

            Role role = spec.role();
            if (role.isCa()) {
                BasicConstraints constraints = spec.pathLength() == null ? new BasicConstraints(true)
                        : new BasicConstraints(spec.pathLength());
                builder.addExtension(Extension.basicConstraints, true, constraints);
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(leafKeyUsage(subjectKey)));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        role == Role.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            }
            if (!spec.generalNames().isEmpty()) {
                // RFC 5280: the SAN extension is critical when the subject is empty; ours always has a CN.
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(spec.generalNames().toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate.getPublicKey()));
            }
            ContentSigner signer = new JcaContentSignerBuilder(
                    KeyType.of(issuerCertificate != null ? issuerCertificate.getPublicKey() : subjectKey)
                            .signatureAlgorithm()).build(signingKey);
            return Certificates.toX509(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build the certificate: " + e.getMessage(), e);
        }
    }

    private static int leafKeyUsage(PublicKey subjectKey) {
        // RSA key exchange (TLS 1.2 RSA suites) needs keyEncipherment; EC and Ed25519 only sign.
        return KeyType.of(subjectKey).isRsa() ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
    }

    private static void requireRole(CertificateSpec spec, Role role) {
        if (spec.role() != role) {
            throw new IllegalArgumentException("expected a " + role + " spec, got " + spec.role());
        }
    }

    /** A positive serial with 127 bits of entropy (CA/B Forum asks for at least 64). */
    static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, RANDOM);
        } while (serial.bitLength() < 64);
        return serial;
    }
}
