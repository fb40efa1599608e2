package io.mtlslab.pki;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/** Renders a credential in one of the P5 formats, as bytes ready to be written or copied. */
public final class Exports {

    private Exports() {
    }

    /**
     * The bytes of {@code credential} in {@code format}.
     *
     * @param friendlyName the PKCS#12 alias (the identity's name)
     * @param password     PKCS#12 password (required for p12 formats), or the key's encryption
     *                     password for {@link ExportFormat#KEY} (none: plain PKCS#8)
     */
    public static byte[] export(Credential credential, ExportFormat format, String friendlyName, char[] password) {
        if (format.needsPassword() && (password == null || password.length == 0)) {
            throw PkiException.of("password", "formatNeedsPassword", format.id());
        }
        if (format.secret() && credential.privateKey() == null) {
            throw PkiException.of("name", "noPrivateKey", friendlyName);
        }
        return switch (format) {
            case PEM -> ascii(Pem.certificate(credential.certificate()));
            case CHAIN -> ascii(Pem.certificates(credential.fullChain()));
            case DER -> Certificates.encoded(credential.certificate());
            case KEY -> ascii(password == null || password.length == 0 ? Pem.privateKey(credential.privateKey())
                    : Pem.encryptedPrivateKey(credential.privateKey(), password));
            case P12 -> Pkcs12.write(credential, friendlyName, password, Pkcs12.Encryption.MODERN);
            case P12_LEGACY -> Pkcs12.write(credential, friendlyName, password, Pkcs12.Encryption.LEGACY);
            case TRUSTSTORE -> truststore(credential.root(), password);
        };
    }

    /** A PKCS#12 truststore holding only {@code anchor} (modern encryption). */
    public static byte[] truststore(X509Certificate anchor, char[] password) {
        if (!Certificates.isCa(anchor)) {
            throw PkiException.of("name", "exportNotCa", Certificates.subjectLine(anchor));
        }
        return Pkcs12.truststore(List.of(anchor), password, Pkcs12.Encryption.MODERN);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
