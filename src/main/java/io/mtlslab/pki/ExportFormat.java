package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The P5 file formats an identity can be exported in, with the names users type. */
public enum ExportFormat {
    /** The certificate alone, PEM. */
    PEM("pem", ".crt", false),
    /** The certificate and every issuer up to and including the root, PEM, leaf first. */
    CHAIN("chain", "-fullchain.pem", false),
    /** The certificate alone, DER (binary, {@code .cer}/{@code .der} for Windows and Java). */
    DER("der", ".der", false),
    /** The private key as PKCS#8 PEM, encrypted (AES-256, PBKDF2) when a password is given. */
    KEY("key", "-pkcs8.key", true),
    /** Key + chain in a PKCS#12 with modern encryption (AES-256-CBC, PBKDF2-HMAC-SHA256, HMAC-SHA256). */
    P12("p12", ".p12", true),
    /** Key + chain in a PKCS#12 with legacy encryption (3DES, SHA-1 MAC) for Java 8 and old Windows. */
    P12_LEGACY("p12-legacy", "-legacy.p12", true),
    /** Only the root CA of the identity's chain, as a PKCS#12 truststore (keytool: trustedCertEntry). */
    TRUSTSTORE("truststore", "-truststore.p12", false);

    private final String id;
    private final String suffix;
    private final boolean secret;

    ExportFormat(String id, String suffix, boolean secret) {
        this.id = id;
        this.suffix = suffix;
        this.secret = secret;
    }

    public String id() {
        return id;
    }

    /** Whether the file holds a private key (written owner-only). */
    public boolean secret() {
        return secret;
    }

    /** Whether a password is required (PKCS#12 files); {@link #KEY} takes an optional one. */
    public boolean needsPassword() {
        return this == P12 || this == P12_LEGACY || this == TRUSTSTORE;
    }

    /** The default file name for identity {@code name}, e.g. {@code client.p12}, {@code ca-truststore.p12}. */
    public String fileName(String name) {
        return name + suffix;
    }

    public static ExportFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        throw PkiException.of("format", "unknownChoice", Message.of("pkierror.kind.exportFormat"), text,
                Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
