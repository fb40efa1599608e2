package io.mtlslab.tls;

import io.mtlslab.pki.Credential;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Netty TLS contexts on BoringSSL (netty-tcnative) where its native library loads, on the JDK
 * otherwise: the fast path for code that makes many handshakes. What runs is always said
 * ({@link #describe}), never assumed.
 */
public final class NativeTls {

    private NativeTls() {
    }

    /** Whether BoringSSL's native library loaded on this machine. */
    public static boolean available() {
        return OpenSsl.isAvailable();
    }

    /** Why BoringSSL is not available, or {@code null} when it is. */
    public static String unavailableReason() {
        Throwable cause = OpenSsl.unavailabilityCause();
        return cause == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The provider to use: BoringSSL when asked for (or on auto) and available, else the JDK's. */
    public static SslProvider choose(boolean wantNative, boolean requireNative) {
        if (requireNative && !available()) {
            throw new IllegalStateException("BoringSSL (netty-tcnative) is not available here: " + unavailableReason());
        }
        return wantNative && available() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** How a provider reads in reports: {@code OpenSSL (BoringSSL)} or {@code JDK}. */
    public static String describe(SslProvider provider) {
        return provider == SslProvider.JDK ? "JDK" : OpenSsl.versionString() + " (netty-tcnative)";
    }

    /**
     * A client context presenting {@code identity} (may be {@code null}) and judging the server's chain
     * with {@code trust} (e.g. {@link TlsContexts#trustManager}, or a {@link RepeatServerTrust} shared by
     * many contexts), with host-name verification.
     *
     * @param sessionCache whether sessions are kept for resumption; off, every handshake is a full one
     *     (BoringSSL only: a JDK context always caches, so callers wanting full handshakes on the JDK
     *     build one context per connection)
     */
    public static SslContext client(SslProvider provider, Credential identity, X509ExtendedTrustManager trust,
                                    List<String> protocols, boolean sessionCache) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider)
                .protocols(protocols).endpointIdentificationAlgorithm("HTTPS");
        if (identity != null) {
            builder.keyManager(identity.privateKey(), identity.tlsChain());
        }
        builder.trustManager((TrustManager) trust);
        SslContext context = builder.build();
        if (!sessionCache && context.sessionContext() instanceof OpenSslSessionContext openssl) {
            openssl.setSessionCacheEnabled(false);
        }
        return context;
    }
}
