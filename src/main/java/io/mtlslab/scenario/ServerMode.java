package io.mtlslab.scenario;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import io.mtlslab.server.CaNamesMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.server.TrustMode;
import io.mtlslab.text.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The echo-server setups the matrix runs against: the secure default and each pitfall of the seeds. */
public enum ServerMode {
    SECURE("secure"),
    OPTIONAL("optional"),
    OPTIONAL_BYPASS("optional-bypass"),
    NONE("none"),
    INSPECT("inspect"),
    SYSTEM_TRUST("system-trust"),
    LEGACY_TLS("legacy-tls"),
    EMPTY_CA_NAMES("empty-ca-names");

    private final String id;

    ServerMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** What the mode does, in the current language ({@code scenario.mode.description.<NAME>}). */
    public String description() {
        return Texts.text("scenario.mode.description." + name());
    }

    /** The mode in words ("optional, handler does not check"), not its CLI id ({@code optional-bypass}). */
    public String displayName() {
        return Texts.text("scenario.mode.name." + name());
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
        throw PkiException.of("mode", "unknownChoice", Message.of("pkierror.kind.serverMode"), text, "all, "
                + Arrays.stream(values()).map(ServerMode::id).collect(Collectors.joining(", ")));
    }
}
