package io.mtlslab.tls;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client's judge of server chains for many calls to the same servers (the load test): the full
 * check of the trust manager it wraps (PKIX and, with HTTPS endpoint identification, the host name),
 * run once per chain, host and key-exchange type and then remembered in {@link TrustedChains} until
 * the earliest notAfter in the chain. A load run opens thousands of connections to a server that
 * sends the same chain every time: validating it again in Java on each one made the load client, not
 * the server under test, the busiest process. Each handshake still proves the server holds the
 * leaf's key (BoringSSL checks its signature); refusals are checked every time.
 */
public final class RepeatServerTrust extends DelegatingTrustManager {

    private static final int CACHED_CHAINS = 256;

    private final TrustedChains trusted = new TrustedChains(CACHED_CHAINS);

    public RepeatServerTrust(X509ExtendedTrustManager delegate) {
        super(delegate);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, engine == null ? null : engine.getSSLParameters(),
                engine == null ? null : engine.getPeerHost(), () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSocket tls = socket instanceof SSLSocket s ? s : null;
        SSLSession session = tls == null ? null : tls.getHandshakeSession();
        check(chain, authType, tls == null ? null : tls.getSSLParameters(), session == null ? null : session.getPeerHost(),
                () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    private void check(X509Certificate[] chain, String authType, SSLParameters parameters, String host, Check full)
            throws CertificateException {
        String identification = parameters == null ? null : parameters.getEndpointIdentificationAlgorithm();
        ByteBuffer key = chain == null || chain.length == 0 ? null
                : TrustedChains.key(chain, authType + "\n" + identification + "\n" + host);
        if (key != null && trusted.contains(key, null, Instant.now())) {
            return;
        }
        full.run();
        if (key != null) {
            trusted.add(key, chain, null);
        }
    }

    /** How many server checks were answered from memory. */
    public long remembered() {
        return trusted.hits();
    }
}
