package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import java.util.Locale;

/**
 * What the server's CertificateRequest lists as acceptable client-certificate issuers (the
 * {@code certificate_authorities}): clients pick the certificate they send by this list.
 */
public enum CaNamesMode {
    /** The names of every trusted CA: what a correct server sends. */
    FULL("full"),
    /** No names: "send me any certificate" (Go sends this when {@code ClientCAs} is nil). */
    EMPTY("empty"),
    /** A list chosen by the user, which may differ from what is trusted. */
    CUSTOM("custom");

    private final String id;

    CaNamesMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CaNamesMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CaNamesMode mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        throw PkiException.of("ca-names", "unknownChoice", Message.of("pkierror.kind.caNamesMode"), text, "full, empty, custom");
    }

    @Override
    public String toString() {
        return id;
    }
}
