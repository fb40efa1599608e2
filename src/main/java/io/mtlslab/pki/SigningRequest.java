package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * An external PKCS#10 certificate signing request (e.g. from the seed's {@code openssl req -new}),
 * read and checked: its self-signature verifies, its key is strong enough, and its subject and
 * requested SANs are extracted so that issuance keeps them.
 *
 * <p>{@code encodedSubject} and {@code requestedNames} are the request's own ASN.1 (RDN order,
 * multi-valued RDNs, string types, every attribute; every GeneralName kind, otherName and
 * directoryName included): issuance copies them, so that nothing the requester asked for is lost.
 * {@code subject} and {@code subjectAltNames} are the parts mTLS Lab models, read from them for
 * checks and display.
 */
public record SigningRequest(SubjectName subject, X500Name encodedSubject, List<SubjectAltName> subjectAltNames,
                             List<GeneralName> requestedNames, PublicKey publicKey) {

    public SigningRequest {
        subjectAltNames = List.copyOf(subjectAltNames);
        requestedNames = List.copyOf(requestedNames);
    }

    /** Reads a CSR file, PEM ({@code BEGIN CERTIFICATE REQUEST}) or DER. */
    public static SigningRequest read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw PkiException.because(e, "csr", "cannotRead", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        PKCS10CertificationRequest request = null;
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            if (text.contains("-----BEGIN")) {
                for (Object object : Pem.readObjects(text, file.toString())) {
                    if (object instanceof PKCS10CertificationRequest found) {
                        request = found;
                        break;
                    }
                }
            } else {
                request = new PKCS10CertificationRequest(ASN1Primitive.fromByteArray(bytes).getEncoded());
            }
        } catch (PkiException e) {
            throw e.about("csr");
        } catch (IOException | RuntimeException e) {
            throw PkiException.because(e, "csr", "csrUnreadable", String.valueOf(file));
        }
        if (request == null) {
            throw PkiException.of("csr", "pemMissingBlock", String.valueOf(file), Message.of("pkierror.kind.csr"),
                    "CERTIFICATE REQUEST");
        }
        return of(request);
    }

    /** Checks a parsed request and extracts what issuance needs. */
    public static SigningRequest of(PKCS10CertificationRequest request) {
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            boolean valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(request.getSubjectPublicKeyInfo()));
            if (!valid) {
                throw PkiException.of("csr", "csrBadSignature");
            }
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw PkiException.because(e, "csr", "csrSignatureUnchecked", String.valueOf(e.getMessage()));
        }
        KeyType.of(key); // refuses algorithms mTLS Lab cannot sign for
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw PkiException.of("csr", "csrWeakRsa", String.valueOf(rsa.getModulus().bitLength()));
        }
        List<SubjectAltName> sans = new ArrayList<>();
        List<GeneralName> requested = new ArrayList<>();
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                for (GeneralName name : names.getNames()) {
                    requested.add(name);
                    SubjectAltName san = SubjectAltName.of(name);
                    if (san != null) {
                        sans.add(san);
                    }
                }
            }
        }
        X500Name subject = request.getSubject();
        return new SigningRequest(SubjectName.of(subject), subject, sans, requested, key);
    }
}
