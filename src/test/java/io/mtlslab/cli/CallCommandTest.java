package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtls-lab call} and {@code mtls-lab scenarios}: output, JSON and exit status. */
class CallCommandTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer server;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        server = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtlsLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void callWithTheWorkspaceClientSucceedsAndPrintsEverySection() {
        Run run = run("call", server.url(), "--dir", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("== Handshake with localhost:" + server.port(), "protocol:  TLSv1.3",
                "== Asked vs presented", "CA names it accepts: CN=MinhaCA", "sent: C=BR, ST=Estado",
                "== Peer identities", "Cliente", "== Outcome: MUTUALLY_AUTHENTICATED", "-- curl", "--cert " + workspace.certificateFile("client"),
                "-- go", "-- java", "-- python", "-- openssl");
    }

    @Test
    void callWithoutClientFailsWithTheDiagnosisAndExitOne() {
        Run run = run("call", server.url(), "--dir", dir.toString(), "--no-client");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("== Diagnosis: NO_CLIENT_CERTIFICATE (server side)", "no client identity chosen",
                "go says: client: remote error: tls: certificate required");
        assertThat(run.err()).contains("error: NO_CLIENT_CERTIFICATE");
        // the TLS 1.3 alert is read before the request is written, so it is not lost as "Broken pipe"
        assertThat(run.out()).contains("late rejection", "Received fatal alert: ").doesNotContain("Broken pipe");
    }

    @Test
    @SuppressWarnings("unchecked")
    void callJsonIsMachineReadable() throws Exception {
        Run run = run("call", server.url(), "--dir", dir.toString(), "--json", "-X", "POST", "--data", "{\"a\":1}",
                "-H", "X-Test: yes");

        assertThat(run.exit()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json.get("succeeded")).isEqualTo(true);
        Map<String, Object> peers = (Map<String, Object>) json.get("peers");
        assertThat(((Map<String, Object>) peers.get("clientAsSeenByServer")).get("commonName")).isEqualTo("Cliente");
        assertThat((String) ((Map<String, Object>) json.get("response")).get("body")).contains("X-Test", "{\\\"a\\\":1}");
    }

    @Test
    void contradictoryOptionsAreBadInput() {
        Run run = run("call", server.url(), "--dir", dir.toString(), "--ca", "x.pem", "--system-trust");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--ca and --system-trust");
    }

    @Test
    void nonHttpsUrlIsBadInput() {
        Run run = run("call", "http://localhost:1/", "--dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("https://");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scenariosInSecureModeAreAllAsExpected() throws Exception {
        Run run = run("scenarios", "--dir", dir.toString(), "--mode", "secure", "--json");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json.get("allAsExpected")).isEqualTo(true);
        assertThat((java.util.List<Object>) json.get("results")).hasSize(11);
    }

    @Test
    void scenariosTextShowsTheBypassOfTheCarelessOptionalMode() {
        Run run = run("scenarios", "--dir", dir.toString(), "--mode", "optional-bypass");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("no client certificate", "ATTACK SUCCEEDS: authentication bypass");
    }

    @Test
    void unknownScenarioModeIsBadInput() {
        Run run = run("scenarios", "--dir", dir.toString(), "--mode", "nope");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown server mode");
    }

    @Test
    void hmacSignedCallPassesAServerRequiringHmacWhileAnUnsignedOneGetsTheHmacDiagnosis() {
        try (EchoServer hmacServer = EchoServer.start(workspace, ServerSettings.secure().withPort(0),
                HmacGate.requireFor(workspace))) {
            Run signed = run("call", hmacServer.url(), "--dir", dir.toString(), "--hmac");
            Run unsigned = run("call", hmacServer.url(), "--dir", dir.toString());

            assertThat(signed.exit()).as(signed.out() + signed.err()).isZero();
            // The echo server's response says what its HMAC layer concluded.
            assertThat(signed.out()).contains("== Outcome: MUTUALLY_AUTHENTICATED", "\"code\" : \"hmac-verified\"");
            assertThat(unsigned.exit()).isEqualTo(1);
            assertThat(unsigned.out()).contains("HTTP_UNAUTHORIZED", "HMAC layer refused", "hmac-missing");
        }
    }

    @Test
    void hmacWithoutAClientIdentityIsBadInput() {
        Run run = run("call", server.url(), "--dir", dir.toString(), "--no-client", "--hmac");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--hmac needs a client identity");
    }

    /** The seed's pitfall 001 through the CLI: optional client certificates and a handler that does not check. */
    @Test
    @SuppressWarnings("unchecked")
    void bypassIsNeverReportedAsSuccessAndFailsWithExpectAuth() throws Exception {
        try (EchoServer careless = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(io.mtlslab.server.ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false))) {
            Run plain = run("call", careless.url(), "--dir", dir.toString(), "--no-client");
            Run expecting = run("call", careless.url(), "--dir", dir.toString(), "--no-client", "--expect-auth");
            Run json = run("call", careless.url(), "--dir", dir.toString(), "--no-client", "--json");
            Run authenticated = run("call", careless.url(), "--dir", dir.toString(), "--expect-auth");

            assertThat(plain.exit()).as(plain.out() + plain.err()).isZero();
            assertThat(plain.out()).contains("== Response: 200",
                    "== Outcome: ANSWERED_WITHOUT_CLIENT_AUTH (client authenticated: false)   !! LIKELY AUTHENTICATION BYPASS !!",
                    "fix (go): tls.Config{ClientAuth: tls.RequireAndVerifyClientCert", "fix (nginx): ssl_verify_client on",
                    "fix (java): sslParameters.setNeedClientAuth(true)")
                    .doesNotContain("MUTUALLY_AUTHENTICATED").doesNotContain("accepted the connection with our certificate");
            assertThat(plain.err()).contains("warning: ANSWERED_WITHOUT_CLIENT_AUTH");
            assertThat(expecting.exit()).isEqualTo(1);
            assertThat(expecting.err()).contains("error: ANSWERED_WITHOUT_CLIENT_AUTH");
            Map<String, Object> root = JSON.std.mapFrom(json.out());
            assertThat(root.get("clientAuthenticated")).isEqualTo("false");
            Map<String, Object> outcome = (Map<String, Object>) root.get("outcome");
            assertThat(outcome.get("code")).isEqualTo("ANSWERED_WITHOUT_CLIENT_AUTH");
            assertThat(outcome.get("likelyBypass")).isEqualTo(true);
            assertThat((String) outcome.get("headline")).contains("likely an authentication bypass");
            // with a certificate, the careless server still verifies it, but it declares itself unsafe
            assertThat(authenticated.exit()).as(authenticated.out()).isEqualTo(1);
            assertThat(authenticated.out()).contains("(client authenticated: unknown)");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void mutualAuthenticationPassesExpectAuthAndSaysSoInJson() throws Exception {
        Run run = run("call", server.url(), "--dir", dir.toString(), "--expect-auth", "--json");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Map<String, Object> root = JSON.std.mapFrom(run.out());
        assertThat(root.get("clientAuthenticated")).isEqualTo("true");
        assertThat(((Map<String, Object>) root.get("outcome")).get("code")).isEqualTo("MUTUALLY_AUTHENTICATED");
    }
}
