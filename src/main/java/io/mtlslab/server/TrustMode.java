package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import java.util.Locale;

/** Which CAs the echo server trusts to vouch for client certificates. */
public enum TrustMode {
    /** Only the workspace CA (the seed's {@code ClientCAs: caCertPool}). */
    WORKSPACE("workspace"),
    /** The JDK's system CA store as well: the "forgot to set ClientCAs" pitfall of the seed. */
    SYSTEM_AND_WORKSPACE("system+workspace");

    private final String id;

    TrustMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean unsafe() {
        return this != WORKSPACE;
    }

    public static TrustMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TrustMode mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        throw PkiException.of("trust", "unknownChoice", Message.of("pkierror.kind.trustMode"), text,
                "workspace, system+workspace");
    }

    @Override
    public String toString() {
        return id;
    }
}
