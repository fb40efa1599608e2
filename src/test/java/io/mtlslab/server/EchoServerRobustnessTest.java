package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static io.mtlslab.server.TestClients.context;
import static io.mtlslab.server.TestClients.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
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
import java.util.Map;
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
                .withHandshakeTimeout(Duration.ofSeconds(1)).withIdleTimeout(Duration.ofSeconds(2))
                .withHeaderTimeout(Duration.ofSeconds(1)));
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
            drain(socket.getInputStream()); // returns once the server hangs up (the socket's 10 s read timeout otherwise)
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
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            // The server hangs up: read() ends with -1 (or a reset), not with the 30 s read timeout.
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void cutsOffAnAuthenticatedClientThatDripsItsHeadersWith408() throws Exception {
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", impatient.port())) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            Thread dripper = new Thread(() -> {
                try {
                    write(out, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
                    for (int i = 0; i < 3000; i++) { // a byte every 100 ms: the idle timer never fires
                        out.write('a');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server hung up, as it should
                }
            }, "dripping-client");
            dripper.setDaemon(true);
            dripper.start();
            String response = readUntilClosed(socket.getInputStream());
            dripper.interrupt();
            assertThat(response).startsWith("HTTP/1.1 408 Request Timeout").contains("connection: close")
                    .contains("request head not complete within 1 s");
        }
        ConnectionEvent event = awaitEvent(impatient, e -> e.outcome() == Outcome.REQUEST && e.status() == 408);
        assertThat(event.method()).isNull();
        assertThat(event.reason()).contains("slow or stalled client");
        assertThat(event.clientSubject()).contains("CN=Cliente");
        assertStillServing();
    }

    @Test
    void refusesTheHttp2PrefaceInsideTlsWith505() throws Exception {
        String response = rawRequest(clientContext, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 505 HTTP Version Not Supported").contains("connection: close")
                .contains("HTTP/2 connection preface");
        ConnectionEvent event = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST && e.status() == 505);
        assertThat(event.method()).isEqualTo("PRI");
        assertThat(event.reason()).contains("this server speaks HTTP/1.1 only");
        assertStillServing();
    }

    @Test
    void echoesTheHeadersTheClientSentAndNoOthers() throws Exception {
        String response = rawRequest(clientContext, "GET /h HTTP/1.1\r\nHost: localhost\r\nX-One: 1\r\n"
                + "Connection: close\r\n\r\n");
        Map<String, Object> headers = echoedHeaders(response);
        assertThat(headers.keySet()).containsExactly("Host", "X-One", "Connection");

        String chunked = rawRequest(clientContext, "POST /c HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        assertThat(echoedHeaders(chunked)).containsEntry("Transfer-Encoding", "chunked").doesNotContainKey("content-length");
        assertThat(chunked).contains("\"body\" : \"abc\"");
    }

    @Test
    void logsThe413SentBeforeTheBodyToAClientExpecting100Continue() throws Exception {
        String big = "POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (2 * 1024 * 1024)
                + "\r\nExpect: 100-continue\r\n\r\n";
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", echo.port())) {
            socket.setSoTimeout(20_000);
            write(socket.getOutputStream(), big);
            // Netty keeps the connection open after this 413, for a next request: read the head only.
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 413 Request Entity Too Large");
        }
        ConnectionEvent event = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST && "/upload".equals(e.path()));
        assertThat(event.status()).isEqualTo(413);
        assertThat(event.reason()).contains("request body larger than 1048576 bytes");
        assertStillServing();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> echoedHeaders(String rawResponse) throws IOException {
        assertThat(rawResponse).startsWith("HTTP/1.1 200 OK");
        String body = rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4);
        return (Map<String, Object>) ((Map<String, Object>) JSON.std.mapFrom(body).get("request")).get("headers");
    }

    /** A response's status line and headers. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
            head.append((char) b);
        }
        return head.toString();
    }

    /** Everything the server sends until it closes the connection. */
    private static String readUntilClosed(InputStream in) {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                received.write(b);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; received: " + received, e);
        } catch (IOException e) {
            // a reset or TLS close also means the server hung up
        }
        return received.toString(StandardCharsets.UTF_8);
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
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost", echo.port())) {
            socket.setSoTimeout(20_000);
            write(socket.getOutputStream(), big);
            // Netty keeps the connection open after this 413, for a next request: read the head only.
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 413 Request Entity Too Large");
        }
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

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
