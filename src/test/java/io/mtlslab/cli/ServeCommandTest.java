package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.tls.TlsContexts;
import io.mtlslab.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void rejectsAnUnknownClientAuthModeNamingTheChoices() {
        StringWriter err = new StringWriter();
        int exit = MtlsLabCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("serve", "--dir", dir.toString(), "--client-auth", "maybe");
        assertThat(exit).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(err.toString()).contains("client-auth").contains("required, optional, none, inspect");
    }

    private static int awaitPort(StringWriter out) throws InterruptedException {
        Pattern listening = Pattern.compile("listening on https://localhost:(\\d+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(out.toString());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start; printed: " + out);
    }

    private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !out.toString().contains(text)) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains(text);
    }
}
