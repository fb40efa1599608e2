package io.mtlslab.server;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Message;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the echo server runs: where it listens, how it treats client certificates, and its limits.
 *
 * <p>{@link #secure()} is the seed's correct server (loopback, port 8443, client certificate required
 * and verified against the workspace CA only, TLS 1.2/1.3 with forward-secret AEAD suites, the full
 * CA-names list, the CRL enforced). Every departure from it is named in plain words by
 * {@link #unsafeLabels()}, which every output of the server repeats.
 *
 * @param checkIdentityInHandler whether the request handler itself refuses requests that carry no
 *     client certificate (401). {@code false} reproduces the seed's pitfall: a handler that assumes
 *     the TLS layer checked, which in {@code optional}/{@code none} mode is an authentication bypass.
 * @param handshakeTimeout a client that has not finished its handshake by then is disconnected
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param headerTimeout a request whose head (request line and headers) has not fully arrived this long
 *     after its first byte gets 408 and the connection is closed: a client dripping header bytes would
 *     otherwise hold the connection forever, since every byte resets the idle timer
 * @param maxHeaderBytes largest request head (request line + headers); larger gets 431
 * @param maxBodyBytes largest request body; larger gets 413
 * @param tlsProvider the TLS implementation asked for; {@link EchoServer#tlsProvider()} says which one runs
 */
public record ServerSettings(String bindAddress, int port, ClientAuthMode clientAuth, TrustMode trust,
                             boolean legacyProtocols, CaNamesMode caNames, List<X509Certificate> customCaNames,
                             boolean checkRevocation, boolean checkIdentityInHandler, Duration handshakeTimeout,
                             Duration idleTimeout, Duration headerTimeout, int maxHeaderBytes, int maxBodyBytes,
                             TlsProviderChoice tlsProvider) {

    public static final int DEFAULT_PORT = 8443;
    public static final String LOOPBACK = "127.0.0.1";

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(caNames, "caNames");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        customCaNames = customCaNames == null ? List.of() : List.copyOf(customCaNames);
        if (port < 0 || port > 65535) {
            throw PkiException.of("port", "serverPortRange", String.valueOf(port));
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero() || headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxHeaderBytes < 1024 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("header limit must be at least 1 KiB, body limit not negative");
        }
    }

    /** The seed's correct server on 127.0.0.1:8443. */
    public static ServerSettings secure() {
        return new ServerSettings(LOOPBACK, DEFAULT_PORT, ClientAuthMode.REQUIRED, TrustMode.WORKSPACE, false,
                CaNamesMode.FULL, List.of(), true, true, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 8 * 1024, 1024 * 1024, TlsProviderChoice.processDefault());
    }

    public ServerSettings withBindAddress(String value) {
        return new ServerSettings(value, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    /** {@code 0} picks a free port (tests). */
    public ServerSettings withPort(int value) {
        return new ServerSettings(bindAddress, value, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withClientAuth(ClientAuthMode value) {
        return new ServerSettings(bindAddress, port, value, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withTrust(TrustMode value) {
        return new ServerSettings(bindAddress, port, clientAuth, value, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withLegacyProtocols(boolean value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, value, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    /** {@code FULL} or {@code EMPTY}; for a list of your own use {@link #withCustomCaNames}. */
    public ServerSettings withCaNames(CaNamesMode value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, value, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    /** Sends the subjects of {@code names} as the CA-names list (mode {@code CUSTOM}). */
    public ServerSettings withCustomCaNames(List<X509Certificate> names) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, CaNamesMode.CUSTOM, names,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withCheckRevocation(boolean value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                value, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    /** {@code false}: the seed's careless handler that answers 200 even without a client certificate. */
    public ServerSettings withCheckIdentityInHandler(boolean value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, value, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withHandshakeTimeout(Duration value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, value, idleTimeout, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withIdleTimeout(Duration value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, value, headerTimeout, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withHeaderTimeout(Duration value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, value, maxHeaderBytes, maxBodyBytes, tlsProvider);
    }

    public ServerSettings withLimits(int headerBytes, int bodyBytes) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, headerBytes, bodyBytes, tlsProvider);
    }

    /** {@code auto} (the default): BoringSSL where it loads and can do the mode, else the JDK. */
    public ServerSettings withTlsProvider(TlsProviderChoice value) {
        return new ServerSettings(bindAddress, port, clientAuth, trust, legacyProtocols, caNames, customCaNames,
                checkRevocation, checkIdentityInHandler, handshakeTimeout, idleTimeout, headerTimeout, maxHeaderBytes,
                maxBodyBytes, value);
    }

    /** The mode in the scenario matrix's words, e.g. {@code required}, {@code optional (handler does not check)}. */
    public String modeLabel() {
        StringBuilder label = new StringBuilder(clientAuth.id());
        if (handlerBypass()) {
            label.append(" (handler does not check)");
        }
        return label.toString();
    }

    /**
     * True when a request without a client certificate reaches a handler that answers it as if
     * authenticated.
     */
    public boolean handlerBypass() {
        return !checkIdentityInHandler && clientAuth != ClientAuthMode.REQUIRED;
    }

    /** The mode in words, e.g. "client certificate optional, the handler does not check" (the status bar's). */
    public Message modeMessage() {
        Message name = Message.of("server.modeName." + clientAuth.name());
        return handlerBypass() ? Message.of("server.modeName.handlerBypass", name) : name;
    }

    /** Each way these settings are weaker than {@link #secure()}, in the current language; empty when secure. */
    public List<String> unsafeLabels() {
        return unsafeMessages().stream().map(Message::text).toList();
    }

    /** Each way these settings are weaker than {@link #secure()}, as messages; empty when secure. */
    public List<Message> unsafeMessages() {
        List<Message> labels = new ArrayList<>();
        switch (clientAuth) {
            case OPTIONAL -> labels.add(Message.of("serverunsafe.optional"));
            case NONE -> labels.add(Message.of("serverunsafe.none"));
            case INSPECT -> labels.add(Message.of("serverunsafe.inspect"));
            default -> { }
        }
        if (handlerBypass()) {
            labels.add(Message.of("serverunsafe.handlerBypass"));
        }
        if (trust == TrustMode.SYSTEM_AND_WORKSPACE) {
            labels.add(Message.of("serverunsafe.systemTrust"));
        }
        if (legacyProtocols) {
            labels.add(Message.of("serverunsafe.legacy"));
        }
        if (clientAuth != ClientAuthMode.NONE) {
            switch (caNames) {
                case EMPTY -> labels.add(Message.of("serverunsafe.emptyCaNames"));
                case CUSTOM -> labels.add(Message.of("serverunsafe.customCaNames", customNamesText()));
                default -> { }
            }
        }
        if (!checkRevocation) {
            labels.add(Message.of("serverunsafe.noRevocation"));
        }
        if (!isLoopback(bindAddress)) {
            labels.add(Message.of("serverunsafe.notLoopback", bindAddress));
        }
        return List.copyOf(labels);
    }

    /** Whether any of {@link #unsafeLabels()} applies. */
    public boolean unsafe() {
        return !unsafeMessages().isEmpty();
    }

    private Object customNamesText() {
        if (customCaNames.isEmpty()) {
            return Message.of("serverunsafe.customCaNames.none");
        }
        return String.join("; ", customCaNames.stream().map(Certificates::subjectLine).toList());
    }

    private static boolean isLoopback(String address) {
        if (address.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
