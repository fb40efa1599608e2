package io.mtlslab.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load client's memory of trusted server chains, over real handshakes with the echo server. */
class RepeatServerTrustTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer server;
    static Credential client;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        client = TestPki.credential(workspace, "client");
        server = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The real PKIX check, counting how often the full check ran. */
    static final class Counting extends X509ExtendedTrustManager {
        final X509ExtendedTrustManager pkix;
        final AtomicInteger fullChecks = new AtomicInteger();

        Counting(X509Certificate anchor) {
            pkix = TlsContexts.trustManager(List.of(anchor));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            fullChecks.incrementAndGet();
            pkix.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            fullChecks.incrementAndGet();
            pkix.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            fullChecks.incrementAndGet();
            pkix.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    /** One full handshake as {@code host} (a fresh context each time: no session to resume). */
    private static void handshake(RepeatServerTrust trust, String host) throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.port());
             SSLSocket tls = (SSLSocket) TlsContexts.context(TlsContexts.keyManager(client), trust).getSocketFactory()
                     .createSocket(plain, host, server.port(), true)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
        }
    }

    @Test
    void checksAServersChainOnceForAHostThenRemembersIt() throws Exception {
        Counting counting = new Counting(workspace.caCertificate());
        RepeatServerTrust trust = new RepeatServerTrust(counting);

        for (int i = 0; i < 3; i++) {
            handshake(trust, "localhost");
        }

        assertThat(counting.fullChecks).hasValue(1);
        assertThat(trust.remembered()).isEqualTo(2);
    }

    @Test
    void aHostTheChainDoesNotNameIsRefusedEveryTimeEvenAfterTheRightOne() throws Exception {
        Counting counting = new Counting(workspace.caCertificate());
        RepeatServerTrust trust = new RepeatServerTrust(counting);
        handshake(trust, "localhost");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> handshake(trust, "not-this-server.example"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("No subject alternative DNS name matching not-this-server.example");
        }

        assertThat(counting.fullChecks).hasValue(3);
        assertThat(trust.remembered()).isZero();
    }

    @Test
    void aChainFromAnotherCaIsRefusedEveryTime() throws Exception {
        Counting counting = new Counting(TestPki.seedWorkspace(dir.resolve("other")).caCertificate());
        RepeatServerTrust trust = new RepeatServerTrust(counting);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> handshake(trust, "localhost")).isInstanceOf(SSLHandshakeException.class);
        }

        assertThat(counting.fullChecks).hasValue(2);
        assertThat(trust.remembered()).isZero();
    }
}
