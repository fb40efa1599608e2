package io.mtlslab.call;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small real TLS peer for tests: a JSSE {@link SSLServerSocket} with the options a failure needs
 * (client auth need/want/none, trusted CAs, TLS versions, CRLs), or a plain TCP server that answers
 * HTTP, or one that accepts and never speaks. It answers every request with {@code status} and a
 * JSON body naming the client certificate, like the echo server.
 */
final class JsseTestServer implements AutoCloseable {

    enum ClientAuth { NEED, WANT, NONE }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "jsse-test-server");
        thread.setDaemon(true);
        return thread;
    });
    private final int status;
    private final boolean silent;

    private JsseTestServer(ServerSocket socket, int status, boolean silent) {
        this.socket = socket;
        this.status = status;
        this.silent = silent;
        pool.submit(this::acceptLoop);
    }

    static Builder tls(Credential identity) {
        return new Builder(identity);
    }

    /** Plain HTTP on a TCP port: what a TLS client must recognise as "not TLS". */
    static JsseTestServer plainHttp() throws IOException {
        return new JsseTestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), 200, false);
    }

    /** Accepts TCP connections and never answers: a stalled server. */
    static JsseTestServer silent() throws IOException {
        return new JsseTestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), 200, true);
    }

    int port() {
        return socket.getLocalPort();
    }

    String url() {
        return "https://localhost:" + port() + "/hello";
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(5000);
            if (silent) {
                Thread.sleep(5000);
                return;
            }
            InputStream in = client.getInputStream();
            if (!(client instanceof SSLSocket)) {
                // a plain HTTP server answers whatever arrives with 400, as real ones do to a ClientHello
                in.read(new byte[4096]);
                client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            readHead(in);
            String identity = "null";
            if (client instanceof SSLSocket tls) {
                try {
                    X509Certificate peer = (X509Certificate) tls.getSession().getPeerCertificates()[0];
                    identity = "{\"commonName\": \"" + Certificates.subject(peer).commonName() + "\", \"serialHex\": \""
                            + Certificates.serialHex(peer) + "\", \"subject\": \"" + Certificates.subjectLine(peer) + "\"}";
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    identity = "null";
                }
            }
            String body = status == 401 ? "{ \"error\": \"client certificate required\" }"
                    : "{\"client\": " + identity + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // a refused handshake ends here: the client reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads up to the blank line; the test server answers every request the same way. */
    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }

    static final class Builder {
        private final Credential identity;
        private ClientAuth clientAuth = ClientAuth.NEED;
        private List<X509Certificate> trusted = List.of();
        private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
        private List<X509CRL> crls = List.of();
        private int status = 200;
        private boolean caNames = true;
        private String[] cipherSuites;

        Builder(Credential identity) {
            this.identity = identity;
        }

        Builder clientAuth(ClientAuth value) {
            clientAuth = value;
            return this;
        }

        Builder trusting(X509Certificate... cas) {
            trusted = List.of(cas);
            return this;
        }

        Builder protocols(String... values) {
            protocols = List.of(values);
            return this;
        }

        Builder crls(X509CRL... values) {
            crls = List.of(values);
            return this;
        }

        /** Sends an empty CA-names list ("any certificate"), as Go does without ClientCAs. */
        Builder noCaNames() {
            caNames = false;
            return this;
        }

        Builder cipherSuites(String... values) {
            cipherSuites = values;
            return this;
        }

        Builder status(int value) {
            status = value;
            return this;
        }

        JsseTestServer start() throws Exception {
            TrustManager trust = crls.isEmpty() ? TlsContexts.trustManager(trusted) : revocationChecking();
            if (!caNames) {
                trust = withoutCaNames((javax.net.ssl.X509ExtendedTrustManager) trust);
            }
            SSLContext context = TlsContexts.context(TlsContexts.keyManager(identity), trust);
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setEnabledProtocols(protocols.toArray(String[]::new));
            if (cipherSuites != null) {
                server.setEnabledCipherSuites(cipherSuites);
            }
            switch (clientAuth) {
                case NEED -> server.setNeedClientAuth(true);
                case WANT -> server.setWantClientAuth(true);
                default -> { }
            }
            return new JsseTestServer(server, status, false);
        }

        private static TrustManager withoutCaNames(javax.net.ssl.X509ExtendedTrustManager delegate) {
            return new javax.net.ssl.X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                        throws java.security.cert.CertificateException {
                    delegate.checkClientTrusted(chain, authType, socket);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                        throws java.security.cert.CertificateException {
                    delegate.checkClientTrusted(chain, authType, engine);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType)
                        throws java.security.cert.CertificateException {
                    delegate.checkClientTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
        }

        private TrustManager revocationChecking() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : trusted) {
                store.setCertificateEntry("ca" + i++, ca);
            }
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(store, new X509CertSelector());
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            parameters.setRevocationEnabled(true);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            return factory.getTrustManagers()[0];
        }
    }
}
