package io.mtlslab.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side's trust manager: verifies the server chain with a PKIX trust manager made by
 * {@link TlsContexts} (host name included, when the socket asks for endpoint identification), checks
 * the known revocation lists, and records the chain and any refusal — so the handshake report can show
 * the server's certificates even when they are not trusted.
 */
public final class ClientTrustManager extends DelegatingTrustManager {

    private final List<X509CRL> crls;
    private final boolean recordOnly;
    private volatile List<X509Certificate> serverChain = List.of();
    private volatile CertificateException refusal;
    private volatile boolean accepted;

    private ClientTrustManager(X509ExtendedTrustManager delegate, Collection<X509CRL> crls, boolean recordOnly) {
        super(delegate);
        this.crls = List.copyOf(crls);
        this.recordOnly = recordOnly;
    }

    /** Trusts exactly {@code anchors} (never the system store). */
    public static ClientTrustManager trusting(Collection<X509Certificate> anchors, Collection<X509CRL> crls) {
        return new ClientTrustManager(TlsContexts.trustManager(anchors), crls, false);
    }

    /** Trusts the system CA store ({@code cacerts}). */
    public static ClientTrustManager system(Collection<X509CRL> crls) {
        return new ClientTrustManager(TlsContexts.systemTrustManager(), crls, false);
    }

    /**
     * Checks like {@code checker} and records the outcome ({@link #accepted()}, {@link #refusal()}), but
     * lets the handshake go on with a server it does not trust: the audit's probes, which must reach the
     * server's judgement of the client's certificate whatever certificate the server has.
     */
    public static ClientTrustManager recordingOnly(ClientTrustManager checker) {
        return new ClientTrustManager(checker.delegate, checker.crls, true);
    }

    /** The chain the server presented, leaf first; empty before the server's Certificate message. */
    public List<X509Certificate> serverChain() {
        return serverChain;
    }

    /** Whether the server chain was checked and accepted. */
    public boolean accepted() {
        return accepted;
    }

    /** Why the server chain was refused, or {@code null}. */
    public CertificateException refusal() {
        return refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    /** Records the chain, runs the PKIX check and then the revocation check, and records the outcome. */
    private void verify(X509Certificate[] chain, Check pkix) throws CertificateException {
        record(chain);
        try {
            pkix.run();
            checkRevocation(chain);
            accepted = true;
        } catch (CertificateException e) {
            refusal = e;
            if (!recordOnly) {
                throw e;
            }
        }
    }

    private void record(X509Certificate[] chain) {
        serverChain = chain == null ? List.of() : List.of(chain);
    }

    private void checkRevocation(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate certificate : chain) {
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                        && crl.isRevoked(certificate)) {
                    throw new CertificateException("the server certificate " + certificate.getSubjectX500Principal()
                            + " (serial " + certificate.getSerialNumber().toString(16) + ") is revoked");
                }
            }
        }
    }
}
