package io.mtlslab.tls;

import io.mtlslab.pki.Credential;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCertificateCompressionConfig;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The echo server's TLS engines, on BoringSSL (netty-tcnative) or on the JDK, from one description:
 * the server identity, {@link ServerTrustManager} as the one judge of client certificates on both,
 * the versions and suites of {@link ServerTlsProfile}, ECDHE groups only, ALPN {@code http/1.1}.
 *
 * <p>The key material is loaded once, into memory, when the engines are made: BoringSSL keeps it in
 * its context; the JDK gets {@link TlsContexts#keyManager}'s in-memory manager. No handshake unwraps
 * a PKCS#12 store or reads a file.
 */
public final class ServerEngines {

    /** BoringSSL's names of {@link TlsContexts#NAMED_GROUPS} (it has no x448, and no finite-field groups at all). */
    static final String[] BORINGSSL_GROUPS = {"X25519", "P-256", "P-384", "P-521"};
    private static final String ALPN_HTTP_1_1 = "http/1.1";

    private final SslProvider provider;
    private final SslContext openssl;
    private final SSLContext jdk;
    private final SSLParameters jdkParameters;

    private ServerEngines(SslProvider provider, SslContext openssl, SSLContext jdk, SSLParameters jdkParameters) {
        this.provider = provider;
        this.openssl = openssl;
        this.jdk = jdk;
        this.jdkParameters = jdkParameters;
    }

    /**
     * @param provider {@link SslProvider#OPENSSL} (needs {@link NativeTls#available()}) or {@link SslProvider#JDK}
     * @param identity the server's key and chain
     * @param trust the judge of client certificates, and the source of the CA-names list
     * @param legacy also TLS 1.0/1.1 and their CBC suites
     * @param clientAuth whether the client's certificate is required, asked for, or not asked for
     */
    public static ServerEngines create(SslProvider provider, Credential identity, ServerTrustManager trust,
                                       boolean legacy, ClientAuth clientAuth) {
        List<String> protocols = ServerTlsProfile.protocols(legacy);
        if (provider == SslProvider.JDK) {
            SSLContext context = TlsContexts.context(TlsContexts.keyManager(identity), trust);
            return new ServerEngines(provider, null, context, jdkParameters(context, protocols, legacy, clientAuth));
        }
        // TLS 1.3's suites are fixed in BoringSSL (all three AEAD: ours); Netty needs them named to enable TLS 1.3.
        List<String> suites = ServerTlsProfile.cipherSuites(OpenSsl.availableJavaCipherSuites(), legacy);
        try {
            SslContext context = SslContextBuilder.forServer(identity.privateKey(),
                            identity.tlsChain().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.OPENSSL)
                    .trustManager(trust)
                    .clientAuth(clientAuth)
                    .protocols(protocols)
                    .ciphers(suites)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_HTTP_1_1))
                    .option(OpenSslContextOption.GROUPS, BORINGSSL_GROUPS)
                    // Netty would compress the certificate chain (RFC 8879) in Java on every handshake with a client
                    // that offers it: CPU for bytes that do not matter here, and neither Go nor s_server does it.
                    .option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS,
                            OpenSslCertificateCompressionConfig.newBuilder().build())
                    .build();
            return new ServerEngines(provider, context, null, null);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up BoringSSL for the echo server: " + e.getMessage(), e);
        }
    }

    private static SSLParameters jdkParameters(SSLContext context, List<String> protocols, boolean legacy,
                                               ClientAuth clientAuth) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setCipherSuites(ServerTlsProfile.cipherSuites(
                Set.of(context.getSupportedSSLParameters().getCipherSuites()), legacy).toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setApplicationProtocols(new String[] {ALPN_HTTP_1_1});
        TlsContexts.withEcdheGroupsOnly(parameters);
        switch (clientAuth) {
            case REQUIRE -> parameters.setNeedClientAuth(true);
            case OPTIONAL -> parameters.setWantClientAuth(true);
            case NONE -> {
                parameters.setNeedClientAuth(false);
                parameters.setWantClientAuth(false);
            }
        }
        return parameters;
    }

    /** A server engine for one connection. */
    public SSLEngine newEngine(ByteBufAllocator allocator) {
        if (openssl != null) {
            return openssl.newEngine(allocator);
        }
        SSLEngine engine = jdk.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(jdkParameters);
        return engine;
    }

    public SslProvider provider() {
        return provider;
    }
}
