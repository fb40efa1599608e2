package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.TlsContexts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtls-lab serve} as a real process stopped by SIGTERM (what Ctrl+C and {@code kill} send): the
 * log lines of the last connections, including the ones it closes while stopping, are printed before it
 * exits, not lost with the JVM. (The old code lost them in about 1 run of 4: the JVM halted while the
 * main thread was still printing.)
 */
class ServeShutdownTest {

    @TempDir
    static Path dir;

    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @RepeatedTest(4)
    @Timeout(120)
    void printsTheLastRequestWhenStoppedBySigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.mtlslab.Main",
                "serve", "--dir", dir.toString(), "--port", "0").redirectErrorStream(true).start();
        List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            int port = awaitPort(out, printed);
            // A connection still waiting for its ClientHello: closing it is the server's last log event.
            // Opened before the request, so the server has accepted it (in order, from the listen backlog)
            // by the time the request is answered; opened after, SIGTERM could beat its accept.
            java.net.Socket waiting = new java.net.Socket("127.0.0.1", port);
            HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.context(
                    TlsContexts.keyManager(TestPki.credential(workspace, Workspace.CLIENT)),
                    TlsContexts.trustManager(List.of(workspace.caCertificate())))).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/last-words")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            // SIGTERM right after the answer: the log line was made, perhaps not printed yet. (Process.destroy
            // would also close our end of its output; the handle only sends the signal.)
            assertThat(serve.toHandle().destroy()).isTrue();
            String line;
            while ((line = out.readLine()) != null) {
                printed.add(line);
            }
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve exited").isTrue();
            waiting.close();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(printed).as("serve's output").anyMatch(l -> l.contains(" REQUEST GET /last-words -> 200 ")
                && l.contains("client: C=BR"));
        assertThat(printed).as("serve's output").anyMatch(l -> l.contains(" REJECTED ")
                && l.contains("reason: the server stopped before the client started a TLS handshake [server-stopped]"));
    }

    private static int awaitPort(BufferedReader out, List<String> printed) throws Exception {
        Pattern listening = Pattern.compile("listening on https://localhost:(\\d+)/");
        String line;
        while ((line = out.readLine()) != null) {
            printed.add(line);
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("serve did not start:\n" + String.join("\n", printed));
    }
}
