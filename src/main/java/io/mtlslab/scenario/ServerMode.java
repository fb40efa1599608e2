package io.mtlslab.scenario;

import io.mtlslab.pki.PkiException;
import io.mtlslab.server.CaNamesMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.server.TrustMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The echo-server setups the matrix runs against: the secure default and each pitfall of the seeds. */
public enum ServerMode {
    SECURE("secure", "client certificate required and verified against the workspace CA only"),
    OPTIONAL("optional", "certificate optional; the handler refuses requests without one (401)"),
    OPTIONAL_BYPASS("optional-bypass", "certificate optional and a handler that does not check: the seed's pitfall"),
    NONE("none", "no certificate requested and a handler that does not check: one-way TLS"),
    INSPECT("inspect", "any client certificate accepted; the response says what secure mode would reject"),
    SYSTEM_TRUST("system-trust", "certificate required, but the system CA store is trusted too"),
    LEGACY_TLS("legacy-tls", "certificate required, TLS 1.0/1.1 allowed"),
    EMPTY_CA_NAMES("empty-ca-names", "certificate required; the CertificateRequest lists no CA names");

    private final String id;
    private final String description;

    ServerMode(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The echo server's settings for this mode, on any free loopback port. */
    public ServerSettings settings() {
        ServerSettings secure = ServerSettings.secure().withPort(0);
        return switch (this) {
            case SECURE -> secure;
            case OPTIONAL -> secure.withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(true);
            case OPTIONAL_BYPASS -> secure.withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false);
            case NONE -> secure.withClientAuth(ClientAuthMode.NONE).withCheckIdentityInHandler(false);
            case INSPECT -> secure.withClientAuth(ClientAuthMode.INSPECT);
            case SYSTEM_TRUST -> secure.withTrust(TrustMode.SYSTEM_AND_WORKSPACE);
            case LEGACY_TLS -> secure.withLegacyProtocols(true);
            case EMPTY_CA_NAMES -> secure.withCaNames(CaNamesMode.EMPTY);
        };
    }

    public static ServerMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ServerMode mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        throw new PkiException("mode", "unknown server mode '" + text + "'", "use all or one of "
                + Arrays.stream(values()).map(ServerMode::id).collect(Collectors.joining(", ")));
    }
}
