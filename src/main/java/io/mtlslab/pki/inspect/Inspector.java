package io.mtlslab.pki.inspect;

import io.mtlslab.pki.AlgorithmNames;
import io.mtlslab.pki.BouncyCastle;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Keys;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.text.Message;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Decodes any certificate, chain, private key, CSR, CRL or PKCS#12 file — PEM or DER, detected
 * from the content, not the file name — into an {@link InspectedFile}.
 *
 * <p>Secrets stay secret: a private key is described (type, size, encryption), never printed.
 */
public final class Inspector {

    private Inspector() {
    }

    /** Reads and decodes a file; {@code password} opens PKCS#12 files and encrypted keys (may be null). */
    public static InspectedFile inspect(Path file, char[] password) {
        return inspect(readAll(file), file.getFileName().toString(), password);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw PkiException.because(e, "file", "fileMissing", String.valueOf(file));
        } catch (IOException e) {
            throw PkiException.because(e, "file", "cannotRead", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    /** Decodes bytes (e.g. dropped on the window or pasted); {@code source} labels the result. */
    public static InspectedFile inspect(byte[] bytes, String source, char[] password) {
        if (bytes.length == 0) {
            throw PkiException.of("file", "fileEmpty", String.valueOf(source));
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return inspectPem(text, source, password);
        }
        return inspectDer(bytes, source, password);
    }

    /**
     * The certificates a file holds, in file order, whatever its encoding (PEM, DER or PKCS#12), for
     * the lint and for chains; fails like {@link #inspect} when the file cannot be read.
     */
    public static List<X509Certificate> certificates(Path file, char[] password) {
        InspectedFile inspected = inspect(file, password);
        if (inspected.certificates().isEmpty()) {
            throw PkiException.of("file", "inspectNoCertificate", String.valueOf(file.getFileName()));
        }
        byte[] bytes = readAll(file);
        if ("PEM".equals(inspected.encoding())) {
            return io.mtlslab.pki.Pem.readCertificates(new String(bytes, StandardCharsets.UTF_8));
        }
        if (inspected.pkcs12() != null) {
            return Pkcs12.read(bytes, password).certificates();
        }
        try {
            return List.of(Certificates.toX509(new X509CertificateHolder(bytes)));
        } catch (IOException e) {
            throw PkiException.because(e, "file", "notDerCertificate", String.valueOf(file.getFileName()));
        }
    }

    /** Decodes one certificate (e.g. a peer's, from a handshake). */
    public static CertificateDetails certificate(X509Certificate certificate) {
        X509CertificateHolder holder = Certificates.holder(certificate);
        List<ExtensionDetails> extensions = ExtensionDecoder.decode(holder.getExtensions());
        // Facts come from the ASN.1; the extension list above is only their display.
        io.mtlslab.pki.BasicConstraints basic = basicConstraints(certificate);
        List<NameAttribute> subject = DistinguishedNames.attributes(holder.getSubject());
        List<NameAttribute> issuer = DistinguishedNames.attributes(holder.getIssuer());
        return new CertificateDetails(holder.getVersionNumber(), DistinguishedNames.oneLine(subject), subject,
                DistinguishedNames.oneLine(issuer), issuer, Certificates.serialHex(certificate),
                certificate.getSerialNumber().toString(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), AlgorithmNames.signature(holder.getSignatureAlgorithm()),
                publicKey(certificate.getPublicKey()), Certificates.sha256Fingerprint(certificate),
                Certificates.sha1Fingerprint(certificate),
                ExtensionDecoder.valuesOf(extensions, "subjectAltName"),
                ExtensionDecoder.valuesOf(extensions, "keyUsage"),
                ExtensionDecoder.valuesOf(extensions, "extendedKeyUsage"), basic.ca(), basic.pathLength(),
                keyId(() -> Certificates.subjectKeyId(certificate)), keyId(() -> Certificates.authorityKeyId(certificate)),
                ExtensionDecoder.valuesOf(extensions, "crlDistributionPoints"), extensions,
                Certificates.isSelfSigned(certificate));
    }

    /** A damaged basicConstraints (someone's hand-made certificate) reads as no CA rather than failing inspect. */
    private static io.mtlslab.pki.BasicConstraints basicConstraints(X509Certificate certificate) {
        try {
            return io.mtlslab.pki.BasicConstraints.of(certificate);
        } catch (RuntimeException e) {
            return io.mtlslab.pki.BasicConstraints.ABSENT;
        }
    }

    private static String keyId(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static PublicKeyDetails publicKey(PublicKey key) {
        return new PublicKeyDetails(Keys.algorithm(key), Keys.describe(key), Keys.bits(key), Keys.publicKeySha256(key));
    }

    private static InspectedFile inspectPem(String text, String source, char[] password) {
        Collected collected = new Collected();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                collected.add(object, password, source);
            }
        } catch (PkiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw io.mtlslab.pki.Pem.damaged(source, e);
        }
        if (collected.isEmpty()) {
            throw PkiException.of("file", "inspectNoPemObject", String.valueOf(source));
        }
        return collected.toFile(source, "PEM", null);
    }

    private static InspectedFile inspectDer(byte[] bytes, String source, char[] password) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException | RuntimeException e) {
            throw PkiException.because(e, "file", "notPemNorDer", String.valueOf(source));
        }
        Collected collected = new Collected();
        try {
            Pfx pfx = Pfx.getInstance(sequence);
            if (ASN1Integer.getInstance(sequence.getObjectAt(0)).hasValue(3)) {
                return pkcs12(bytes, source, password, pfx);
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            // not a PKCS#12 file; try the next kind
        }
        Object decoded = firstDecodable(sequence);
        if (decoded == null) {
            throw PkiException.of("file", "derUnknown", String.valueOf(source));
        }
        collected.add(decoded, password, source);
        return collected.toFile(source, "DER", null);
    }

    private static Object firstDecodable(ASN1Sequence sequence) {
        try {
            return new X509CertificateHolder(Certificate.getInstance(sequence));
        } catch (RuntimeException e) {
            // next
        }
        try {
            return new X509CRLHolder(CertificateList.getInstance(sequence));
        } catch (RuntimeException e) {
            // next
        }
        try {
            return new PKCS10CertificationRequest(CertificationRequest.getInstance(sequence));
        } catch (RuntimeException e) {
            // next
        }
        try {
            return PrivateKeyInfo.getInstance(sequence);
        } catch (RuntimeException e) {
            // next
        }
        try {
            return new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(sequence));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static InspectedFile pkcs12(byte[] bytes, String source, char[] password, Pfx pfx) {
        Pkcs12.Contents contents;
        try {
            contents = Pkcs12.read(bytes, password);
        } catch (PkiException e) {
            if ("password".equals(e.field()) && (password == null || password.length == 0)) {
                throw PkiException.because(e, "password", "passwordProtected", String.valueOf(source));
            }
            throw e;
        }
        Collected collected = new Collected();
        contents.certificates().forEach(c -> collected.certificates.add(certificate(c)));
        boolean matches = false;
        if (contents.privateKey() != null) {
            PrivateKey key = contents.privateKey();
            collected.keys.add(new PrivateKeyDetails(Message.of("inspect.format.pkcs8InPkcs12"),
                    contents.keyEncryption() != null, contents.keyEncryption(), true, publicAlgorithm(key),
                    Keys.describe(key), Keys.bits(key)));
            matches = contents.certificates().stream().anyMatch(c -> Keys.matches(c.getPublicKey(), key));
        }
        Pkcs12Details details = new Pkcs12Details(contents.macAlgorithm(), contents.macIterations(),
                contents.encryption(), contents.friendlyNames().stream().map(n -> n == null ? "" : n).toList(),
                contents.privateKey() != null, matches);
        return collected.toFile(source, "PKCS12", details);
    }

    private static String publicAlgorithm(PrivateKey key) {
        return Keys.algorithm(key);
    }

    static CsrDetails csr(PKCS10CertificationRequest request) {
        List<NameAttribute> subject = DistinguishedNames.attributes(request.getSubject());
        SubjectPublicKeyInfo info = request.getSubjectPublicKeyInfo();
        PublicKeyDetails key;
        boolean valid;
        try {
            PublicKey publicKey = new JcaPEMKeyConverter().getPublicKey(info);
            key = publicKey(publicKey);
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(info));
        } catch (Exception e) {
            key = new PublicKeyDetails(info.getAlgorithm().getAlgorithm().getId(), "unknown", 0, null);
            valid = false;
        }
        Extensions extensions = null;
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
        }
        List<ExtensionDetails> decoded = ExtensionDecoder.decode(extensions);
        return new CsrDetails(DistinguishedNames.oneLine(subject), subject, key,
                AlgorithmNames.signature(request.getSignatureAlgorithm()), valid,
                ExtensionDecoder.valuesOf(decoded, "subjectAltName"), decoded);
    }

    static CrlDetails crl(X509CRLHolder crl) {
        List<CrlDetails.RevokedCertificate> revoked = new ArrayList<>();
        for (Object item : crl.getRevokedCertificates()) {
            X509CRLEntryHolder entry = (X509CRLEntryHolder) item;
            Extension reason = entry.getExtension(Extension.reasonCode);
            revoked.add(new CrlDetails.RevokedCertificate(entry.getSerialNumber().toString(16),
                    entry.getSerialNumber().toString(), entry.getRevocationDate().toInstant(),
                    reason == null ? null : ExtensionDecoder.reason(
                            org.bouncycastle.asn1.ASN1Enumerated.getInstance(reason.getParsedValue()).getValue())));
        }
        List<ExtensionDetails> extensions = ExtensionDecoder.decode(crl.getExtensions());
        List<String> number = ExtensionDecoder.valuesOf(extensions, "crlNumber");
        return new CrlDetails(DistinguishedNames.oneLine(crl.getIssuer()), crl.toASN1Structure().getVersionNumber(),
                crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                AlgorithmNames.signature(crl.toASN1Structure().getSignatureAlgorithm()),
                number.isEmpty() ? null : number.get(0), revoked, extensions);
    }

    /** What a file yielded so far, in order. */
    private static final class Collected {
        final List<CertificateDetails> certificates = new ArrayList<>();
        final List<PrivateKeyDetails> keys = new ArrayList<>();
        final List<CsrDetails> requests = new ArrayList<>();
        final List<CrlDetails> crls = new ArrayList<>();

        void add(Object object, char[] password, String source) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(certificate(Certificates.toX509(holder)));
            } else if (object instanceof org.bouncycastle.openssl.X509TrustedCertificateBlock trusted) {
                certificates.add(certificate(Certificates.toX509(trusted.getCertificateHolder())));
            } else if (object instanceof PKCS10CertificationRequest request) {
                requests.add(csr(request));
            } else if (object instanceof X509CRLHolder crl) {
                crls.add(crl(crl));
            } else if (object instanceof PrivateKeyInfo info) {
                keys.add(readable(Message.of("inspect.format.pkcs8"), false, null, convert(info)));
            } else if (object instanceof PEMKeyPair pair) {
                keys.add(readable(Message.of("inspect.format.traditional"), false, null, convert(pair.getPrivateKeyInfo())));
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                Message how = AlgorithmNames.encryption(encrypted.getEncryptionAlgorithm());
                Message format = Message.of("inspect.format.pkcs8Encrypted");
                if (password == null || password.length == 0) {
                    keys.add(new PrivateKeyDetails(format, true, how, false, null, null, 0));
                } else {
                    try {
                        PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password));
                        keys.add(readable(format, true, how, convert(info)));
                    } catch (Exception e) {
                        throw PkiException.because(e, "password", "keyWrongPassword", String.valueOf(source));
                    }
                }
            } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                Message how = Message.of("inspect.encryption.traditional", encrypted.getDekAlgName());
                Message format = Message.of("inspect.format.traditionalEncrypted");
                if (password == null || password.length == 0) {
                    keys.add(new PrivateKeyDetails(format, true, how, false, null, null, 0));
                } else {
                    try {
                        PEMKeyPair pair = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password));
                        keys.add(readable(format, true, how, convert(pair.getPrivateKeyInfo())));
                    } catch (Exception e) {
                        throw PkiException.because(e, "password", "keyWrongPassword", String.valueOf(source));
                    }
                }
            }
        }

        private static PrivateKey convert(PrivateKeyInfo info) {
            try {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            } catch (IOException e) {
                throw PkiException.because(e, "file", "keyDecodeFailed", String.valueOf(e.getMessage()));
            }
        }

        private static PrivateKeyDetails readable(Message format, boolean encrypted, Message how, PrivateKey key) {
            return new PrivateKeyDetails(format, encrypted, how, true, publicAlgorithm(key), Keys.describe(key),
                    Keys.bits(key));
        }

        boolean isEmpty() {
            return certificates.isEmpty() && keys.isEmpty() && requests.isEmpty() && crls.isEmpty();
        }

        InspectedFile toFile(String source, String encoding, Pkcs12Details pkcs12) {
            InspectedFile.Kind kind;
            if (pkcs12 != null) {
                kind = InspectedFile.Kind.PKCS12;
            } else {
                int sorts = (certificates.isEmpty() ? 0 : 1) + (keys.isEmpty() ? 0 : 1) + (requests.isEmpty() ? 0 : 1)
                        + (crls.isEmpty() ? 0 : 1);
                if (sorts > 1) {
                    kind = InspectedFile.Kind.MIXED;
                } else if (!certificates.isEmpty()) {
                    kind = certificates.size() > 1 ? InspectedFile.Kind.CERTIFICATE_CHAIN : InspectedFile.Kind.CERTIFICATE;
                } else if (!keys.isEmpty()) {
                    kind = InspectedFile.Kind.PRIVATE_KEY;
                } else if (!requests.isEmpty()) {
                    kind = InspectedFile.Kind.CSR;
                } else {
                    kind = InspectedFile.Kind.CRL;
                }
            }
            return new InspectedFile(source, encoding, kind, certificates, keys, requests, crls, pkcs12);
        }
    }
}
