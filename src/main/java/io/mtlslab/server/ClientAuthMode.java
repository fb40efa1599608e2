package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether and how the echo server asks for a client certificate: the secure {@code required} and the
 * teaching pitfalls {@code optional}, {@code none} and {@code inspect}.
 */
public enum ClientAuthMode {
    /** The seed's {@code tls.RequireAndVerifyClientCert}: no valid certificate, no handshake. */
    REQUIRED("required"),
    /** Asks for a certificate ("want") but completes the handshake without one. */
    OPTIONAL("optional"),
    /** Never asks: plain server-authenticated TLS. */
    NONE("none"),
    /** Asks, accepts any certificate, and says what {@code required} would have rejected and why. */
    INSPECT("inspect");

    private final String id;

    ClientAuthMode(String id) {
        this.id = id;
    }

    /** The word users type: {@code required}, {@code optional}, {@code none}, {@code inspect}. */
    public String id() {
        return id;
    }

    /** Every mode other than {@code required} lets something through that mTLS should stop. */
    public boolean unsafe() {
        return this != REQUIRED;
    }

    public static ClientAuthMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthMode mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        throw PkiException.of("client-auth", "unknownChoice", Message.of("pkierror.kind.clientAuthMode"), text,
                Arrays.stream(values()).map(ClientAuthMode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
