package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code call} and {@code scenarios} in the language of {@code --lang}, whatever the machine's locale: the
 * words change, the codes and ids that scripts read do not.
 */
class CommandLineLanguageTest {

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

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void callWithLangPtBrPrintsTheReportAndDiagnosisInPortuguese() {
        CliRun run = CliRun.of("call", server.url(), "--dir", dir.toString(), "--no-client", "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("== Handshake com localhost:" + server.port(), "== Pedido x apresentado",
                "enviado: nenhuma identidade de cliente escolhida", "== Resultado: REFUSED_IN_HANDSHAKE",
                "== Diagnóstico: NO_CLIENT_CERTIFICATE (lado do servidor)",
                "O servidor exige um certificado do cliente e nenhum foi enviado.", "por quê: ", "correção: ",
                "== A mesma chamada em outras ferramentas")
                // the other tools' own words stay as they print them
                .contains("o go diz: client: remote error: tls: certificate required")
                .doesNotContain("== Diagnosis", "why: ", "The server requires");
        assertThat(run.err()).startsWith("erro: NO_CLIENT_CERTIFICATE: O servidor exige");
    }

    @Test
    void langEnGivesEnglishEvenWhenTheLocaleIsPortuguese() {
        Texts.use(Texts.PT_BR); // as LANG=pt_BR.UTF-8 would have chosen

        CliRun run = CliRun.of("call", server.url(), "--dir", dir.toString(), "--no-client", "--lang", "en");

        assertThat(run.out()).contains("== Diagnosis: NO_CLIENT_CERTIFICATE (server side)",
                "The server requires a client certificate and none was sent.").doesNotContain("O servidor", "Diagnóstico");
    }

    @Test
    @SuppressWarnings("unchecked")
    void callJsonKeepsItsCodesAndAddsTheWordsInTheChosenLanguage() throws Exception {
        CliRun run = CliRun.of("call", server.url(), "--dir", dir.toString(), "--no-client", "--json", "--lang", "pt-BR");

        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("language", "pt-BR");
        Map<String, Object> outcome = (Map<String, Object>) json.get("outcome");
        Map<String, Object> diagnosis = (Map<String, Object>) json.get("diagnosis");
        assertThat(outcome).containsEntry("code", "REFUSED_IN_HANDSHAKE");
        assertThat((String) outcome.get("headline")).startsWith("Recusada no handshake: ");
        assertThat(diagnosis).containsEntry("code", "NO_CLIENT_CERTIFICATE").containsEntry("side", "SERVER")
                .containsEntry("summary", "O servidor exige um certificado do cliente e nenhum foi enviado.");
    }

    @Test
    void scenariosWithLangPtBrNameModesScenariosAndTheBypassInPortuguese() {
        CliRun run = CliRun.of("scenarios", "--mode", "optional-bypass", "--dir", dir.toString(), "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("== opcional, o handler não verifica (desvio) (optional-bypass): ",
                "sem certificado do cliente", "200 OK sem identidade de cliente",
                "O ATAQUE PASSA: desvio de autenticação: atendido sem certificado do cliente", "recusada (EXPIRED)",
                "como esperado").doesNotContain("as expected", "ATTACK SUCCEEDS");
    }
}
