package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtls-lab audit server}: the report card, JSON, JUnit XML and exit status. */
class AuditCommandTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    /** A mistyped port: exit status 3 (incomplete), never 0, and the report says why. */
    @Test
    void anUnreachableServerNeverPassesTheGate() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        CliRun run = CliRun.of("audit", "server", "https://127.0.0.1:" + port + "/", "--dir", dir.toString(),
                "--probes", "no-client-certificate,revoked", "--timeout", "2", "--lang", "en");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("[ERROR] no-client-certificate: ", "could not be reached")
                .contains("0 passed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBypassFailsTheAuditInTextJsonAndJunit() throws Exception {
        try (EchoServer careless = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false))) {
            Path junit = dir.resolve("audit.xml");
            Path html = dir.resolve("audit.html");
            CliRun text = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(),
                    "--probes", "no-client-certificate,look-alike-ca", "--junit", junit.toString(), "--html", html.toString());
            CliRun json = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(),
                    "--probes", "no-client-certificate", "--json");

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
            assertThat(text.out()).contains("[CRITICAL] no-client-certificate: No client certificate (the authentication bypass)\n",
                    "happened: HTTP 200", "fix (nginx): ssl_verify_client on", "[OK] look-alike-ca: A client from a look-alike CA",
                    "== 2 probes: 1 passed, 1 findings (worst: CRITICAL)");
            assertThat(Files.readString(junit)).contains("failures=\"1\"", "<failure type=\"CRITICAL\"");
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains(
                    "<tr class=\"finding-critical\"><td class=\"result\">critical</td>",
                    "No client certificate (the authentication bypass)", "ssl_verify_client on",
                    "<tr class=\"passed\">", "2 probes: 1 passed, 1 findings (worst: critical)")
                    .doesNotContain("<script", "http://", "https://cdn");
            Map<String, Object> root = JSON.std.mapFrom(json.out());
            assertThat(root.get("worst")).isEqualTo("CRITICAL");
            Map<String, Object> probe = ((List<Map<String, Object>>) root.get("probes")).get(0);
            assertThat(probe).containsEntry("id", "no-client-certificate").containsEntry("status", "FINDING")
                    .containsEntry("severity", "CRITICAL");
        }
    }

    @Test
    void aSecureServerPassesWithExitZero() {
        try (EchoServer secure = EchoServer.start(workspace, ServerSettings.secure().withPort(0))) {
            CliRun run = CliRun.of("audit", "server", secure.url(), "--dir", dir.toString(),
                    "--probes", "no-client-certificate,self-signed-copy,expired,identity-headers");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("4 passed, 0 findings (worst: none)");
        }
    }

    @Test
    void badInputExitsTwo() {
        assertThat(CliRun.of("audit", "server", "http://localhost:1/", "--dir", dir.toString()).exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.of("audit", "server", "https://localhost:1/", "--dir", dir.toString(), "--probes", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown probe 'nope'");
        assertThat(CliRun.of("audit", "server", "--help-probes", "https://x/", "--dir", dir.toString()).out())
                .contains("no-client-certificate", "identity-headers", "fetches-urls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void clientAuditListsAUrlPerBadServerAndReportsTheOnesNotCalled() throws Exception {
        CliRun run = CliRun.of("audit", "client", "--dir", dir.toString(), "--for", "1s", "--json");

        // no client called: nothing was tested, so the audit is incomplete (3), never a pass (it exited 0)
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(io.mtlslab.audit.AuditReport.INCOMPLETE);
        assertThat(run.err()).contains("Point your client at each URL", "expired", "https://localhost:",
                "/self-signed-look-alike");
        Map<String, Object> root = JSON.std.mapFrom(run.out());
        assertThat(root.get("audit")).isEqualTo("client");
        assertThat((List<Map<String, Object>>) root.get("probes")).hasSize(13)
                .allSatisfy(p -> assertThat(p.get("status")).isEqualTo("NOT_RUN"));
        assertThat(CliRun.of("audit", "client", "--dir", dir.toString(), "--for", "soon").exitCode()).isEqualTo(2);
    }
}
