package io.mtlslab.tls;

import java.nio.ByteBuffer;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * The protocol versions and cipher suites the echo server offers: TLS 1.2 and 1.3 with forward-secret
 * AEAD suites by default, TLS 1.0/1.1 and CBC suites added in the legacy teaching mode.
 *
 * <p>The JDK forbids TLS 1.0/1.1 process-wide through the security property
 * {@code jdk.tls.disabledAlgorithms}, read once when JSSE first starts; an engine cannot lift it.
 * {@link #allowLegacyProtocolsInThisProcess()} removes them from that property, which works only
 * before the first TLS connection of the process (the echo server and the scenario matrix call it
 * before theirs; the GUI, whose process may have made connections already, runs TLS 1.1 cells in a
 * child JVM, scenario/LegacyTlsChild); {@link #jdkAllows(String)} tells whether it took effect, so
 * the server can say so honestly.
 */
public final class ServerTlsProfile {

    public static final List<String> LEGACY_PROTOCOLS = List.of("TLSv1.1", "TLSv1");

    /** TLS 1.3's suites are all AEAD with ephemeral key exchange; TLS 1.2's are picked to match. */
    private static final List<String> MODERN_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** What TLS 1.0/1.1 clients can negotiate: CBC suites with SHA-1 MACs (and no longer forward-secret RSA). */
    private static final List<String> LEGACY_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");

    private ServerTlsProfile() {
    }

    public static List<String> protocols(boolean legacy) {
        List<String> protocols = new ArrayList<>(TlsContexts.MODERN_PROTOCOLS);
        if (legacy) {
            protocols.addAll(LEGACY_PROTOCOLS);
        }
        return List.copyOf(protocols);
    }

    /** The suites of the mode among {@code supported} (Java names), in order of preference. */
    public static List<String> cipherSuites(Set<String> supported, boolean legacy) {
        Set<String> wanted = new LinkedHashSet<>(MODERN_SUITES);
        if (legacy) {
            wanted.addAll(LEGACY_SUITES);
        }
        return wanted.stream().filter(supported::contains).toList();
    }

    /**
     * Whether the JDK of this process still lets {@code protocol} be negotiated, judged by trying to
     * start a handshake with only that version enabled.
     */
    public static boolean jdkAllows(String protocol) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(new String[] {protocol});
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return out.position() > 0;
        } catch (SSLException | IllegalArgumentException e) {
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes TLS 1.0/1.1 from {@code jdk.tls.disabledAlgorithms} for this process. Takes effect only if
     * no TLS connection was made yet; returns whether TLS 1.1 is now allowed.
     */
    public static boolean allowLegacyProtocolsInThisProcess() {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled != null) {
            String remaining = Arrays.stream(disabled.split(","))
                    .map(String::trim)
                    .filter(entry -> !entry.equals("TLSv1") && !entry.equals("TLSv1.1"))
                    .collect(Collectors.joining(", "));
            Security.setProperty("jdk.tls.disabledAlgorithms", remaining);
        }
        return jdkAllows("TLSv1.1");
    }
}
