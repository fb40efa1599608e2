package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.audit.AuditReport;
import io.mtlslab.audit.AuditReports;
import io.mtlslab.audit.BadServer;
import io.mtlslab.audit.ClientAudit;
import io.mtlslab.audit.Probe;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.audit.ServerAudit;
import io.mtlslab.audit.ServerAuditRequest;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §4: the audit's verdicts and fixes and the load test's report speak the language of
 * {@code --lang} — in the text, the JSON and the HTML — against the real echo server, English by default,
 * while the codes scripts read (ids, statuses, severities, verdict codes, field names) stay as they are.
 */
class AuditAndLoadInPortugueseTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    /** The seed-001 pitfall: asks for a certificate, takes none, and the handler does not check. */
    static EchoServer careless;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        careless = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false));
    }

    @AfterAll
    static void stop() {
        careless.close();
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBypassVerdictAndItsFixAreInPortugueseInTextJsonAndHtml() throws Exception {
        Path html = dir.resolve("auditoria.html");
        CliRun text = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(), "--lang", "pt-BR",
                "--probes", "no-client-certificate,look-alike-ca", "--html", html.toString());
        CliRun json = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(), "--lang", "pt-BR",
                "--probes", "no-client-certificate", "--json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).contains("[CRÍTICO] no-client-certificate: Sem certificado de cliente (o desvio de autenticação)\n",
                "enviado:   nenhum certificado do cliente", "aconteceu: HTTP 200",
                "veredito:  O servidor atendeu um cliente que deveria recusar: qualquer um que o alcance entra"
                        + " (o desvio de autenticação).",
                "correção (nginx): ssl_verify_client on; — ou, com optional,",
                "correção (java): setNeedClientAuth(true) (client-auth=need), não want, a menos que todo handler",
                "[OK] ", "Recusado, como deve ser.",
                "== 2 sondas: aprovadas: 1, achados: 1 (o pior: CRÍTICO)")
                .doesNotContain("verdict:", "The server served", "authentication bypass", "unless every handler",
                        "falha de autenticação");

        String page = Files.readString(html);
        assertThat(page).contains("<html lang=\"pt-BR\">", "Auditoria do servidor",
                "O servidor atendeu um cliente que deveria recusar", "o desvio de autenticação",
                "<dt>Correção (java)</dt><dd>setNeedClientAuth(true) (client-auth=need), não want, a menos que todo handler",
                "<dt>Enviado</dt><dd>nenhum certificado do cliente</dd>")
                .doesNotContain("The server served", "unless every handler", "no client certificate");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root).containsEntry("language", "pt-BR").containsEntry("worst", "CRITICAL");
        Map<String, Object> probe = ((List<Map<String, Object>>) root.get("probes")).get(0);
        // the codes stay stable; the words are Portuguese
        assertThat(probe).containsEntry("id", "no-client-certificate").containsEntry("status", "FINDING")
                .containsEntry("severity", "CRITICAL").containsEntry("verdictCode", "audit.verdict.servedBypass")
                .containsEntry("sent", "nenhum certificado do cliente");
        assertThat((String) probe.get("verdict")).contains("desvio de autenticação");
        assertThat(((Map<String, String>) probe.get("fixes")).get("go"))
                .contains("nunca RequestClientCert", "sem verificar r.TLS.VerifiedChains no handler");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameAuditIsEnglishByDefault() throws Exception {
        Path html = dir.resolve("audit.html");
        CliRun text = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(), "--lang", "en",
                "--probes", "no-client-certificate", "--html", html.toString());
        CliRun json = CliRun.of("audit", "server", careless.url(), "--dir", dir.toString(), "--lang", "en",
                "--probes", "no-client-certificate", "--json");

        assertThat(text.out()).contains("[CRITICAL] no-client-certificate: No client certificate (the authentication bypass)\n",
                "sent:     no client certificate", "verdict:  The server served a client it must refuse: anyone who"
                        + " can reach it gets in (the authentication bypass).",
                "fix (java): setNeedClientAuth(true) (client-auth=need), not want, unless every handler checks",
                "== 1 probes: 0 passed, 1 findings (worst: CRITICAL)")
                .doesNotContain("desvio", "veredito", "correção");
        assertThat(Files.readString(html)).contains("<html lang=\"en\">", "The server served a client it must refuse",
                "<dt>Fix (java)</dt><dd>setNeedClientAuth(true) (client-auth=need), not want, unless every handler")
                .doesNotContain("desvio", "Correção");
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root).containsEntry("language", "en");
        Map<String, Object> probe = ((List<Map<String, Object>>) root.get("probes")).get(0);
        assertThat(probe).containsEntry("verdictCode", "audit.verdict.servedBypass");
        assertThat((String) probe.get("verdict")).contains("the authentication bypass");
    }

    @Test
    void oneReportReRendersInTheLanguageOfTheMomentAsTheGuiDoesAfterASwitch() {
        AuditReport report = ServerAudit.run(new ServerAuditRequest(URI.create(careless.url()), workspace,
                Workspace.CLIENT, null, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.ODD_NAMES), Duration.ofSeconds(10)),
                null, null);
        ProbeResult bypass = report.results().get(0);
        ProbeResult oddNames = report.results().get(1);

        assertThat(bypass.verdict()).contains("the authentication bypass");
        assertThat(bypass.fixes().get("nginx")).contains("or, with optional");
        assertThat(oddNames.happened()).contains("x".repeat(20) + "… (10240 chars): HTTP 200");

        Texts.use(Texts.PT_BR);
        assertThat(bypass.verdict()).contains("o desvio de autenticação").doesNotContain("bypass");
        assertThat(bypass.fixes().get("nginx")).contains("ou, com optional", "{ return 403; }");
        assertThat(bypass.title()).isEqualTo(Texts.text("audit.probe.no-client-certificate"));
        // the parts of a composed sentence render in the new language too, the peer's text untouched
        assertThat(oddNames.happened()).contains("x".repeat(20) + "… (10240 caracteres): HTTP 200",
                "${jndi:ldap://127.0.0.1:1/a}");
        assertThat(AuditReports.label(bypass)).isEqualTo("crítico");
    }

    @Test
    void theClientAuditsVerdictsFixesAndConnectionsRenderInPortuguese() throws Exception {
        ExternalTool.require("curl");
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            List<ClientAudit.Endpoint> called = audit.endpoints().stream()
                    .filter(e -> e.server() == BadServer.CORRECT || e.server() == BadServer.WRONG_HOST).toList();
            for (ClientAudit.Endpoint endpoint : called) {
                ExternalTool.run(dir, null, List.of("curl", "-s", "-k", "--max-time", "5", "--cert", "client.pem",
                        "--key", "client.key", endpoint.url()));
            }
            Await.until("a connection to both servers", Duration.ofSeconds(20),
                    () -> audit.connections().size() >= called.size(), () -> audit.connections().toString());
            Map<String, ProbeResult> results = audit.report().results().stream()
                    .collect(java.util.stream.Collectors.toMap(ProbeResult::id, r -> r));
            ProbeResult wrongHost = results.get("wrong-host");
            assertThat(wrongHost.status()).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(wrongHost.verdict()).startsWith("Your client completed a request with this server");

            Texts.use(Texts.PT_BR);
            assertThat(wrongHost.verdict()).startsWith("O seu cliente concluiu uma requisição com este servidor")
                    .contains("vê o seu certificado do cliente");
            assertThat(wrongHost.happened()).contains("1 conexão(ões); handshake concluído (TLSv1",
                    "certificado do cliente CN=Cliente", "requisição enviada");
            assertThat(wrongHost.fixes()).containsEntry("curl", "--cacert ca.pem, nunca -k/--insecure");
            assertThat(results.get("correct").verdict()).isEqualTo("O seu cliente concluiu uma requisição, como deve.");
            assertThat(results.get("expired").verdict()).startsWith("o seu cliente não chamou https://localhost:");
        }
    }

    @Test
    void badInputSpeaksPortugueseWithItsCommandLineFix() {
        CliRun unknown = CliRun.of("audit", "server", "https://localhost:1/", "--dir", dir.toString(),
                "--probes", "nope", "--lang", "pt-BR");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("sonda desconhecida 'nope'", "veja mtls-lab audit server --help-probes");

        CliRun both = CliRun.of("load", careless.url(), "--dir", dir.toString(), "-n", "5", "-d", "2s", "--lang", "pt-BR");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("-n e -d se contradizem", "informe uma quantidade ou uma duração");

        CliRun nowhere = CliRun.of("load", "https://no-such-host.invalid/", "--dir", dir.toString(), "-n", "1",
                "--lang", "pt-BR");
        assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(2);
        assertThat(nowhere.err()).contains("o nome de host no-such-host.invalid não resolve").doesNotContain("Exception");
    }

    @Test
    @SuppressWarnings("unchecked")
    void loadSummaryLabelsAreInPortugueseAndItsJsonKeepsItsFieldNames() throws Exception {
        CliRun run = CliRun.of("load", careless.url(), "--dir", dir.toString(), "-c", "2", "-n", "12", "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("== Carga em " + careless.url() + ": 2 conexões ao mesmo tempo, handshakes"
                        + " completos, TLS do cliente", "  chamadas:     12 em ", "12 com sucesso, 0 falharam",
                "  handshakes/s: ", "(12 handshakes, 12 completos, 0 retomados)", "  handshake:    p50 ", " máx. ",
                "  requisição:   p50 ", "  status:       200 x12")
                .doesNotContain("calls:", "succeeded", "connections at a time", "Failures by cause");
        // figures in the language's format: a decimal comma in Portuguese
        assertThat(run.out()).containsPattern("em \\d+,\\d\\d s:").containsPattern("handshakes/s: \\d+,\\d \\(");

        CliRun json = CliRun.of("load", careless.url(), "--dir", dir.toString(), "-n", "4", "--no-client", "--json",
                "--lang", "pt-BR");
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root).containsEntry("language", "pt-BR").containsKeys("handshakesPerSecond", "handshakeLatency",
                "failures");
        // the careless server answers without a certificate: no failure to group, and the field names stay English
        assertThat(root.get("failed")).isEqualTo(0);
    }

    @Test
    void loadFailuresByCauseAreInPortuguese() {
        try (EchoServer secure = EchoServer.start(workspace, ServerSettings.secure().withPort(0))) {
            CliRun run = CliRun.of("load", secure.url(), "--dir", dir.toString(), "--no-client", "-n", "4",
                    "--lang", "pt-BR");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("== Falhas por causa", "NO_CLIENT_CERTIFICATE: O servidor exige", "ex.: ")
                    .doesNotContain("Failures by cause", "e.g. ");
        }
    }
}
