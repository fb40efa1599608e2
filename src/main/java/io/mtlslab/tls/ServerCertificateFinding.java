package io.mtlslab.tls;

import io.mtlslab.text.Message;

/**
 * One reason the secure server refuses a client certificate: a short stable {@code code} for
 * programs and the {@code message} for people (e.g. {@code unknown CA: C=BR, ..., CN=Rogue}), rendered
 * in the language of whoever shows it.
 */
public record ServerCertificateFinding(String code, Message message) {

    public static final String NO_CERTIFICATE = "no-certificate";
    public static final String UNKNOWN_CA = "unknown-ca";
    public static final String EXPIRED = "expired";
    public static final String NOT_YET_VALID = "not-yet-valid";
    public static final String MISSING_CLIENT_AUTH_EKU = "missing-client-auth-eku";
    public static final String REVOKED = "revoked";
    public static final String UNTRUSTED = "untrusted";

    /** The message in the current language. */
    public String reason() {
        return message.text();
    }

    @Override
    public String toString() {
        return reason();
    }
}
