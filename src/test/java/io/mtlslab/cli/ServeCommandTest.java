package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.HostileCertificates;
import io.mtlslab.tls.NativeTls;
import io.mtlslab.tls.TlsContexts;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtls-lab serve}: serves the workspace, prints its labels and one line per event, stops when told. */
class ServeCommandTest {

    @TempDir
    static Path dir;

    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @Test
    void servesTheWorkspaceAndPrintsOneLinePerConnectionEvent() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(MtlsLabCommand.commandLine(new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)).execute("serve", "--dir", dir.toString(), "--port", "0",
                "--client-auth", "optional", "--handler-does-not-check")));
        serve.start();
        int port = awaitPort(out);

        HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.context(null,
                TlsContexts.trustManager(List.of(workspace.caCertificate())))).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        awaitOutput(out, "REQUEST GET / -> 200");

        serve.interrupt();
        serve.join(5000);
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("UNSAFE: client certificate optional")
                .contains("UNSAFE: the handler does not check for a client certificate")
                .contains("mode optional (handler does not check)");
        assertThat(printed.lines().filter(l -> l.contains(" ACCEPTED ")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("client: none").endsWith("[UNSAFE MODE]"));
        assertThat(printed.lines().filter(l -> l.contains(" REQUEST ")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("note: authentication bypass"));
    }

    @Test
    void escapesHostileCertificateNamesAndRequestPathsInTheConnectionLog() throws Exception {
        Credential ca = TestPki.credential(workspace, Workspace.CA);
        Credential hostile = HostileCertificates.client(HostileCertificates.FORGED_LOG_LINE_CN, ca);
        Credential rogueCa = HostileCertificates.ca("Rogue CA\n1999-01-01T00:00:00Z 127.0.0.1:1 #1 ACCEPTED\u001b[31m");
        Credential rogueClient = HostileCertificates.client(HostileCertificates.FORGED_LOG_LINE_CN, rogueCa);
        StringWriter out = new StringWriter();
        Thread serve = startServe(out, "serve", "--dir", dir.toString(), "--port", "0");
        try {
            int port = awaitPort(out);
            SSLContext trusted = TlsContexts.context(TlsContexts.keyManager(hostile),
                    TlsContexts.trustManager(List.of(workspace.caCertificate())));
            // ESC in the request target: Netty refuses to read the request, and quotes the bytes in its reason.
            String refused = rawRequest(trusted, port, "GET /a\u001b[2J\u001b]0;x\u0007b HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(refused).startsWith("HTTP/1.1 400 Bad Request").contains("illegal characters: /a\\u001B[2J")
                    .doesNotContain("\u001b");
            // CSI as one C1 byte passes Netty's check: it must reach the log escaped.
            String answered = rawRequest(trusted, port, "GET /c\u009b2Jd HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/plain\r\nConnection: close\r\n\r\n");
            assertThat(answered).startsWith("HTTP/1.1 200 OK").contains("Common Name: Mallory\\n2025-01-01")
                    .doesNotContain("\u001b").doesNotContain("\nSerial Number: 01");
            SSLContext rogue = HostileCertificates.alwaysPresenting(rogueClient, workspace.caCertificate());
            assertThatThrownBy(() -> rawRequest(rogue, port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                    .isInstanceOf(IOException.class);
            awaitOutput(out, " REJECTED ");
            awaitOutput(out, " REQUEST ");
        } finally {
            stop(serve);
        }
        List<String> events = out.toString().lines().filter(l -> l.matches("^\\d{4}-.*")).toList();
        assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                .doesNotContain("\u202E").doesNotContain("/bad-request");
        assertThat(events).as("one line per event: 2 accepted, 2 requests, 1 rejected").hasSize(5);
        assertThat(outcome(events, "ACCEPTED")).hasSize(2).allSatisfy(line ->
                assertThat(line).contains(" ACCEPTED TLSv1.3 ").contains("client: O=Rogue, CN=Mallory\\n2025-01-01T00:00:00Z")
                        .contains("CN\\=admin serial 01\\u001B[2K\\u001B]0\\;owned\\u0007\\u202Egnp.exe serial "));
        assertThat(outcome(events, "REQUEST")).satisfiesExactly(
                line -> assertThat(line).contains(" REQUEST (unreadable request) -> 400 ")
                        .contains("note: malformed request: The URI contain illegal characters: /a\\u001B[2J\\u001B]0;x\\u0007b"),
                line -> assertThat(line).contains(" REQUEST GET /c\\u009B2Jd -> 200 "));
        assertThat(outcome(events, "REJECTED")).singleElement().asString()
                .contains("presented: O=Rogue, CN=Mallory\\n2025-01-01T00:00:00Z")
                .contains("CN=Rogue CA\\n1999-01-01T00:00:00Z 127.0.0.1:1 #1 ACCEPTED\\u001B[31m");
    }

    @Test
    void exitsWithStatus2AndOneLineWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            int exit = MtlsLabCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                    .execute("serve", "--dir", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(exit).isEqualTo(MtlsLabCommand.BAD_INPUT);
            assertThat(err.toString().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("error: port: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .contains("--port"));
        }
    }

    @Test
    void saysInItsFirstLineWhichTlsProviderRuns() throws Exception {
        for (String provider : NativeTls.available() ? List.of("jdk", "openssl") : List.of("jdk")) {
            StringWriter out = new StringWriter();
            Thread serve = startServe(out, "serve", "--dir", dir.toString(), "--port", "0", "--tls-provider", provider);
            awaitPort(out);
            String first = out.toString().lines().findFirst().orElseThrow();
            assertThat(first).as(provider).contains("listening on https://localhost:")
                    .contains(provider.equals("jdk") ? "TLS by JDK " : "TLS by BoringSSL");
            stop(serve);
        }
    }

    @Test
    void rejectsAnUnknownClientAuthModeNamingTheChoices() {
        StringWriter err = new StringWriter();
        int exit = MtlsLabCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("serve", "--dir", dir.toString(), "--client-auth", "maybe");
        assertThat(exit).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(err.toString()).contains("client-auth").contains("required, optional, none, inspect");
    }

    /** The log lines whose own outcome (the word after {@code #id}) is {@code outcome}. */
    private static List<String> outcome(List<String> events, String outcome) {
        return events.stream().filter(l -> l.split(" ", 5)[3].equals(outcome)).toList();
    }

    private static Thread startServe(StringWriter out, String... args) {
        Thread serve = new Thread(() -> MtlsLabCommand.commandLine(new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)).execute(args), "serve-under-test");
        serve.start();
        return serve;
    }

    private static void stop(Thread serve) throws InterruptedException {
        serve.interrupt();
        serve.join(Await.DEFAULT.toMillis());
        assertThat(serve.isAlive()).as("serve stopped when interrupted").isFalse();
    }

    /** One request over a fresh TLS connection; the whole raw response. */
    private static String rawRequest(SSLContext context, int port, String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int awaitPort(StringWriter out) {
        Pattern listening = Pattern.compile("listening on https://localhost:(\\d+)/");
        return Await.value("serve to start listening", Await.DEFAULT, () -> {
            Matcher matcher = listening.matcher(out.toString());
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        }, out::toString);
    }

    private static void awaitOutput(StringWriter out, String text) {
        Await.until("'" + text + "' in serve's output", Await.DEFAULT, () -> out.toString().contains(text), out::toString);
    }
}
