package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.CRLReason;

/** Why a certificate was revoked: the CRLReason codes of RFC 5280 (5.3.1) that a workshop CA uses. */
public enum RevocationReason {
    UNSPECIFIED("unspecified", CRLReason.unspecified),
    KEY_COMPROMISE("keyCompromise", CRLReason.keyCompromise),
    CA_COMPROMISE("cACompromise", CRLReason.cACompromise),
    AFFILIATION_CHANGED("affiliationChanged", CRLReason.affiliationChanged),
    SUPERSEDED("superseded", CRLReason.superseded),
    CESSATION_OF_OPERATION("cessationOfOperation", CRLReason.cessationOfOperation),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", CRLReason.privilegeWithdrawn);

    private final String id;
    private final int code;

    RevocationReason(String id, int code) {
        this.id = id;
        this.code = code;
    }

    /** The RFC 5280 name, as OpenSSL prints it ({@code keyCompromise}) and users type it. */
    public String id() {
        return id;
    }

    /** The reason in words ("Key compromise" / "Comprometimento da chave"); the CLI keeps {@link #id()}. */
    public Message message() {
        return Message.of("revocation.reason." + name());
    }

    /**
     * The words for an RFC 5280 name as a CRL entry carries it ({@code keyCompromise}); an unknown name
     * (e.g. {@code removeFromCRL}) is shown as it is.
     */
    public static String describe(String id) {
        for (RevocationReason reason : values()) {
            if (reason.id.equals(id)) {
                return reason.message().text();
            }
        }
        return id;
    }

    /** The CRLReason value in the CRL entry. */
    public int code() {
        return code;
    }

    /** Parses the RFC name case-insensitively, also with dashes or underscores ({@code key-compromise}). */
    public static RevocationReason parse(String text) {
        String wanted = text == null ? "" : text.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (RevocationReason reason : values()) {
            if (reason.id.toLowerCase(Locale.ROOT).equals(wanted)) {
                return reason;
            }
        }
        throw PkiException.of("reason", "unknownChoice", Message.of("pkierror.kind.revocationReason"), text,
                Arrays.stream(values()).map(RevocationReason::id).collect(Collectors.joining(", ")));
    }

    public static RevocationReason ofCode(int code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return UNSPECIFIED;
    }

    @Override
    public String toString() {
        return id;
    }
}
