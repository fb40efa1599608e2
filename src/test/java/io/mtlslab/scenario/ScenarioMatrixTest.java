package io.mtlslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.mtlslab.text.Texts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole matrix, every scenario in every server mode, against the real echo server. */
class ScenarioMatrixTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static List<ScenarioResult> results;
    static final List<Integer> progress = Collections.synchronizedList(new ArrayList<>());


    @BeforeAll
    static void runTheWholeMatrix() {
        workspace = TestPki.seedWorkspace(dir);
        results = ScenarioMatrix.run(workspace, List.of(ServerMode.values()), null, CrlSource.ISSUED,
                (result, done, total) -> progress.add(done));
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void aMatrixRowReadsInPortugueseAfterTheLanguageSwitch() {
        ScenarioResult bypass = cell(ServerMode.OPTIONAL_BYPASS, Scenario.NO_CLIENT_CERTIFICATE);
        ScenarioResult rogue = cell(ServerMode.SECURE, Scenario.ROGUE_CA_SAME_NAME);
        assertThat(bypass.actualText()).isEqualTo("200 OK without a client identity");

        Texts.use(Texts.PT_BR);

        assertThat(bypass.scenario().label()).isEqualTo("sem certificado do cliente");
        assertThat(bypass.mode().displayName()).isEqualTo("opcional, o handler não verifica (desvio)");
        assertThat(bypass.mode().description()).contains("handler que não verifica");
        assertThat(bypass.expected().meaning()).isEqualTo("desvio de autenticação: atendido sem certificado do cliente");
        assertThat(bypass.actualText()).isEqualTo("200 OK sem identidade de cliente");
        assertThat(rogue.expected().shortText()).isEqualTo("recusada (UNKNOWN_CA)");
        assertThat(rogue.actualText()).isEqualTo("recusada (UNKNOWN_CA, lado do servidor)");
        assertThat(rogue.diagnosis().summary()).startsWith("O servidor não confia no emissor");
        // JSON keeps its ids and codes and adds the words in the chosen language
        Object json = ScenarioResultJson.toMap(List.of(rogue)).get("results");
        assertThat(json.toString()).contains("mode=secure", "scenario=ROGUE_CA_SAME_NAME", "expectedCode=UNKNOWN_CA",
                "label=certificado do cliente de uma CA impostora");
    }

    private static ScenarioResult cell(ServerMode mode, Scenario scenario) {
        return results.stream().filter(r -> r.mode() == mode && r.scenario() == scenario).findFirst().orElseThrow();
    }

    @Test
    void everyCellRunsAndMatchesItsExpectation() {
        assertThat(results).hasSize(ServerMode.values().length * Scenario.values().length);
        assertThat(progress).hasSize(results.size()).endsWith(results.size());
        // The TLS 1.1 cells pass too when this JVM used TLS before the matrix: they run in a child process.
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (ScenarioResult result : results) {
            String cell = result.mode().id() + " / " + result.scenario().label() + ": expected "
                    + result.expected().shortText() + ", got " + result.actualText()
                    + (result.diagnosis() == null ? "" : " — " + result.diagnosis().summary() + " / " + result.diagnosis().rawMessage());
            soft.assertThat(result.status()).as(cell).isEqualTo(ScenarioResult.Status.PASS);
        }
        soft.assertAll();
    }

    @Test
    void secureModeRefusesEveryAttackAndServesTheValidClient() {
        for (Scenario scenario : Scenario.values()) {
            ScenarioResult result = cell(ServerMode.SECURE, scenario);
            if (result.status() == ScenarioResult.Status.SKIPPED) {
                continue;
            }
            assertThat(result.actual()).as(scenario.label())
                    .isEqualTo(scenario.attack() ? Outcome.REFUSED : Outcome.ACCEPTED);
        }
        assertThat(cell(ServerMode.SECURE, Scenario.VALID_CLIENT).actualText()).isEqualTo("200 OK as CN=Cliente");
        assertThat(cell(ServerMode.SECURE, Scenario.ROGUE_CA_SAME_NAME).diagnosis().cause()).contains("look-alike");
        assertThat(cell(ServerMode.SECURE, Scenario.REVOKED_CLIENT).diagnosis().code()).isEqualTo(DiagnosisCode.REVOKED);
    }

    @Test
    void optionalModeWithACarelessHandlerIsAnAuthenticationBypass() {
        ScenarioResult bypass = cell(ServerMode.OPTIONAL_BYPASS, Scenario.NO_CLIENT_CERTIFICATE);
        assertThat(bypass.actual()).isEqualTo(Outcome.ACCEPTED);
        assertThat(bypass.attackSucceeded()).isTrue();
        assertThat(bypass.expected().meaning()).contains("authentication bypass");
        assertThat(bypass.actualText()).isEqualTo("200 OK without a client identity");
        assertThat(cell(ServerMode.OPTIONAL, Scenario.NO_CLIENT_CERTIFICATE).diagnosis().code())
                .isEqualTo(DiagnosisCode.HTTP_UNAUTHORIZED);
    }

    @Test
    void inspectModeLetsTheRogueCaThrough() {
        assertThat(cell(ServerMode.INSPECT, Scenario.ROGUE_CA_SAME_NAME).attackSucceeded()).isTrue();
        assertThat(cell(ServerMode.INSPECT, Scenario.EXPIRED_CLIENT).attackSucceeded()).isTrue();
    }

    @Test
    void emptyCaNamesMakesTheLookAlikeVisibleToTheServer() {
        assertThat(cell(ServerMode.SECURE, Scenario.SELF_SIGNED_LOOKALIKE).call().report().askedVsPresented()
                .notSentReason()).startsWith("not sent: its issuer CN=Cliente");
        assertThat(cell(ServerMode.EMPTY_CA_NAMES, Scenario.SELF_SIGNED_LOOKALIKE).diagnosis().code())
                .isEqualTo(DiagnosisCode.SELF_SIGNED);
    }

    @Test
    void scenarioCredentialsLiveInTheScratchAreaAndAreReused() throws Exception {
        Path scratch = workspace.dir().resolve(ScenarioCredentials.FOLDER);
        assertThat(scratch.resolve("rogue-ca.pem")).exists();
        assertThat(scratch.resolve("ca.key")).doesNotExist();
        BigInteger serial = Certificates.subject(workspace.caCertificate()).commonName().equals("MinhaCA")
                ? ScenarioCredentials.prepare(workspace, null, CrlSource.NONE)
                        .credential(ScenarioCredentials.VALID).certificate().getSerialNumber() : null;
        assertThat(Files.readString(scratch.resolve("valid-client.pem")))
                .isEqualTo(io.mtlslab.pki.Pem.certificate(ScenarioCredentials.prepare(workspace, null, CrlSource.NONE)
                        .credential(ScenarioCredentials.VALID).certificate()));
        assertThat(cell(ServerMode.SECURE, Scenario.VALID_CLIENT).call().request().identity().credential()
                .certificate().getSerialNumber()).isEqualTo(serial);
        assertThat(workspace.crlFile()).doesNotExist();
    }

    @Test
    void withoutRevocationTheRevokedRowIsNotAvailable() {
        List<ScenarioResult> secure = ScenarioMatrix.run(workspace, List.of(ServerMode.SECURE), null, CrlSource.NONE,
                ScenarioProgress.none());
        ScenarioResult revoked = secure.stream().filter(r -> r.scenario() == Scenario.REVOKED_CLIENT).findFirst().orElseThrow();
        assertThat(revoked.status()).isEqualTo(ScenarioResult.Status.SKIPPED);
        assertThat(revoked.actualText()).startsWith("not available");
    }
}
