package io.mtlslab.pki;

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
 */
public record SigningRequest(SubjectName subject, List<SubjectAltName> subjectAltNames, PublicKey publicKey) {

    public SigningRequest {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** Reads a CSR file, PEM ({@code BEGIN CERTIFICATE REQUEST}) or DER. */
    public static SigningRequest read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PkiException("csr", "cannot read " + file + ": " + e.getMessage(), "check the path of the CSR", e);
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
            throw new PkiException("csr", e.getMessage(), e.fix(), e);
        } catch (IOException | RuntimeException e) {
            throw new PkiException("csr", file + " is not a certificate signing request",
                    "give a PKCS#10 file made by e.g. openssl req -new", e);
        }
        if (request == null) {
            throw new PkiException("csr", file + " holds no certificate signing request",
                    "give a file with a -----BEGIN CERTIFICATE REQUEST----- block");
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
                throw new PkiException("csr", "the request's signature does not verify with its own key",
                        "the CSR was altered after it was made: create it again with openssl req -new");
            }
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiException("csr", "cannot check the request's signature: " + e.getMessage(),
                    "make the CSR with an RSA, EC or Ed25519 key", e);
        }
        KeyType.of(key); // refuses algorithms mTLS Lab cannot sign for
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new PkiException("csr", "the request's RSA key has only " + rsa.getModulus().bitLength() + " bits",
                    "make the CSR with a key of at least 2048 bits (openssl genrsa -out server.key 2048)");
        }
        List<SubjectAltName> sans = new ArrayList<>();
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                for (GeneralName name : names.getNames()) {
                    SubjectAltName san = SubjectAltName.of(name);
                    if (san != null) {
                        sans.add(san);
                    }
                }
            }
        }
        return new SigningRequest(SubjectName.of(request.getSubject()), sans, key);
    }
}
