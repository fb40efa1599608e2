package io.mtlslab.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Reads an existing CA (a PEM certificate + key pair, or a PKCS#12 file) and checks that it can
 * issue: basicConstraints CA:TRUE, keyCertSign allowed, and the key belongs to the certificate.
 */
public final class CaImport {

    private CaImport() {
    }

    /** A PEM certificate (the first one is the CA; any others are its issuers) and its private key. */
    public static Credential fromPem(Path certificateFile, Path keyFile, char[] keyPassword) {
        List<X509Certificate> certificates = Pem.readCertificates(certificateFile);
        PrivateKey key = Pem.readPrivateKey(keyFile, keyPassword);
        X509Certificate ca = certificates.get(0);
        return check(new Credential(ca, key, Chains.order(ca, certificates.subList(1, certificates.size()))));
    }

    /** A PKCS#12 holding the CA's key and certificate (and optionally its issuers). */
    public static Credential fromPkcs12(Path file, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw PkiException.because(e, "file", "cannotRead", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        Pkcs12.Contents contents = Pkcs12.read(bytes, password);
        if (contents.privateKey() == null) {
            throw PkiException.of("file", "importNoKey", String.valueOf(file));
        }
        return check(contents.credential());
    }

    /** Refuses a certificate that is not a CA, cannot sign certificates, or does not match its key. */
    public static Credential check(Credential credential) {
        X509Certificate ca = credential.certificate();
        if (!Certificates.isCa(ca)) {
            throw PkiException.of("ca", "importNotCa", Certificates.subjectLine(ca));
        }
        if (KeyUsage.present(ca) && !KeyUsage.of(ca).contains(KeyUsage.KEY_CERT_SIGN)) {
            throw PkiException.of("ca", "importNoCertSign", Certificates.subjectLine(ca));
        }
        if (!Keys.matches(ca.getPublicKey(), credential.privateKey())) {
            throw PkiException.of("key", "importKeyMismatch", Certificates.subjectLine(ca));
        }
        return credential;
    }
}
