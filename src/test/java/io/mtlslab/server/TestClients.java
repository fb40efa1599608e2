package io.mtlslab.server;

import io.mtlslab.pki.Credential;
import io.mtlslab.testing.Await;
import io.mtlslab.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;

/** Test-side clients of the echo server: the JDK's HttpClient with a chosen identity and trust. */
final class TestClients {

    private TestClients() {
    }

    static SSLContext context(Credential identity, X509Certificate trustedCa) {
        return TlsContexts.context(identity == null ? null : TlsContexts.keyManager(identity),
                TlsContexts.trustManager(List.of(trustedCa)));
    }

    static HttpResponse<String> get(EchoServer server, SSLContext context, String accept, String... protocols)
            throws IOException, InterruptedException {
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "hello?x=1"))
                .timeout(Duration.ofSeconds(10)).header("X-Test", "yes");
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Calls until the server refuses the handshake, each time with a fresh context (no session to resume):
     * the server picks up a changed CRL on its refresher thread, moments after the file changed.
     */
    static void awaitRefused(EchoServer server, Supplier<SSLContext> contexts) {
        Await.untilRefused("the server to refuse the handshake", () -> get(server, contexts.get(), null),
                () -> server.log().snapshot().toString());
    }

    /** Waits for an event of the server's log that matches. */
    static ConnectionEvent awaitEvent(EchoServer server, Predicate<ConnectionEvent> wanted) {
        return Await.value("a matching event in the connection log", Await.DEFAULT,
                () -> server.log().snapshot().stream().filter(wanted).findFirst(), () -> server.log().snapshot().toString());
    }

    /** A key manager that remembers which CA names the server's CertificateRequest listed. */
    static final class RecordingKeyManager extends X509ExtendedKeyManager {
        final X509ExtendedKeyManager delegate;
        final List<List<String>> askedIssuers = new CopyOnWriteArrayList<>();

        RecordingKeyManager(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            List<String> names = new ArrayList<>();
            if (issuers != null) {
                for (Principal issuer : issuers) {
                    names.add(issuer.getName());
                }
            }
            askedIssuers.add(names);
            return delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, java.net.Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, java.net.Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
