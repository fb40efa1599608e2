package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static io.mtlslab.server.TestClients.context;
import static io.mtlslab.server.TestClients.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent.Outcome;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S7: bad traffic, slow clients and load leave the echo server serving. */
class EchoServerRobustnessTest {

    @TempDir
    static Path dir;

    static Credential client;
    static SSLContext clientContext;
    static java.security.cert.X509Certificate caCertificate;
    static EchoServer echo;
    /** Short timeouts, for the slow-client cases only: under load a 1 s handshake limit would bite. */
    static EchoServer impatient;

    @BeforeAll
    static void start() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        client = TestPki.credential(workspace, Workspace.CLIENT);
        caCertificate = workspace.caCertificate();
        clientContext = context(client, caCertificate);
        echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
        impatient = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withHandshakeTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        echo.close();
        impatient.close();
    }

    private static void assertStillServing() throws Exception {
        assertThat(get(echo, clientContext, "text/plain").body()).startsWith("Common Name: Cliente\n");
    }

    private static Socket rawSocket() throws IOException {
        return rawSocket(echo);
    }

    private static Socket rawSocket(EchoServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** One full handshake and GET over a fresh SSLSocket; returns the whole raw HTTP response. */
    static String rawRequest(SSLContext context, String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", echo.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            socket.getSession().invalidate();
            return response;
        }
    }

    private static final String GET = "GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nConnection: close\r\n\r\n";

    @Test
    void answersPlainHttpOnTheTlsPortWithAHintAndKeepsServing() throws Exception {
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.0 400 Bad Request").contains("HTTP request to an HTTPS server");
        }
        ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED
                && e.reason().startsWith("not TLS: the client sent plain HTTP"));
        assertThat(rejected.reasonCode()).isEqualTo("not-tls");
        assertStillServing();
    }

    @Test
    void dropsRandomBytesAndKeepsServing() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x00;
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(garbage);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED && e.reason().startsWith("not TLS: the client sent bytes"));
        assertStillServing();
    }

    @Test
    void dropsGarbageThatLooksLikeATlsRecordAndKeepsServing() throws Exception {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x16;
        garbage[1] = 0x03;
        garbage[2] = 0x03;
        garbage[3] = 0x01;
        garbage[4] = 0x00;
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(garbage);
            drain(socket.getInputStream());
        }
        awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED && "handshake-failed".equals(e.reasonCode()));
        assertStillServing();
    }

    @Test
    void cutsOffAClientThatStallsMidHandshake() throws Exception {
        try (Socket socket = rawSocket(impatient)) {
            // A TLS record header announcing a 512-byte ClientHello, then only the first few bytes of it.
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01});
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            drain(socket.getInputStream());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        ConnectionEvent rejected = awaitEvent(impatient, e -> "handshake-timeout".equals(e.reasonCode())
                && e.reason().contains("did not complete"));
        assertThat(rejected.reason()).contains("within 1 s");
        assertStillServing();
    }

    @Test
    void cutsOffAClientThatConnectsAndSendsNothing() throws Exception {
        try (Socket socket = rawSocket(impatient)) {
            drain(socket.getInputStream());
        }
        awaitEvent(impatient, e -> "handshake-timeout".equals(e.reasonCode()) && e.reason().contains("sent nothing"));
        assertStillServing();
    }

    @Test
    void closesAnIdleConnectionAfterTheHandshake() throws Exception {
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", impatient.port())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            long start = System.nanoTime();
            drain(socket.getInputStream());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
        }
    }

    @Test
    void answersAnOversizedHeaderWith431() throws Exception {
        String big = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(10 * 1024) + "\r\nConnection: close\r\n\r\n";
        assertThat(rawRequest(clientContext, big)).startsWith("HTTP/1.1 431 Request Header Fields Too Large");
        awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST && e.status() == 431);
        assertStillServing();
    }

    @Test
    void answersAnOversizedBodyWith413() throws Exception {
        String big = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (2 * 1024 * 1024)
                + "\r\nConnection: close\r\n\r\n";
        assertThat(rawRequest(clientContext, big)).startsWith("HTTP/1.1 413 Request Entity Too Large");
        awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST && e.status() == 413);
        assertStillServing();
    }

    @Test
    void echoesABodyWithinTheLimit() throws Exception {
        String body = "x".repeat(512 * 1024);
        String request = "POST /data HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        String response = rawRequest(clientContext, request);
        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("\"body\" : \"xxxx");
    }

    @Test
    void completes200ConcurrentFullHandshakes() throws Exception {
        int clients = 200;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return rawRequest(context(client, caCertificate), GET);
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<String> result : results) {
                String response = result.get(60, TimeUnit.SECONDS);
                if (response.startsWith("HTTP/1.1 200 OK") && response.contains("Common Name: Cliente\n")) {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(clients);
        } finally {
            pool.shutdownNow();
        }
        assertStillServing();
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() != -1) {
                // discard until the server closes
            }
        } catch (IOException e) {
            // a reset or TLS error also means the server hung up
        }
    }

    @SuppressWarnings("unused")
    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
