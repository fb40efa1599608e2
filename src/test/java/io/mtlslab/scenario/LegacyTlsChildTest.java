package io.mtlslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import io.mtlslab.tls.ServerTlsProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §6: the matrix's TLS 1.1 rows run even when this Java runtime made a TLS connection before
 * the matrix (the GUI always has), in a child Java process; its cells are the ones a fresh process (the
 * CLI) gets. Run on both TLS providers (see the pom's JDK-TLS execution).
 */
class LegacyTlsChildTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void tls11RowsRunAfterAnEarlierTlsConnectionInThisProcess() {
        ServerTlsProfile.jdkAllows("TLSv1.3"); // JSSE is running: from here on its ban on TLS 1.1 is fixed

        List<ScenarioResult> results = ScenarioMatrix.run(workspace, List.of(ServerMode.SECURE, ServerMode.LEGACY_TLS),
                null, CrlSource.ISSUED, (result, done, total) -> { });

        assertTls11Cells(results, List.of(ServerMode.SECURE, ServerMode.LEGACY_TLS));
    }

    @Test
    void theChildRunsTheTls11CellOfEveryModeAsAFreshProcessWould() {
        ScenarioCredentials credentials = ScenarioCredentials.prepare(workspace, null, CrlSource.ISSUED);
        List<ServerMode> modes = List.of(ServerMode.values());

        // legacyHere=false: the cells come from the child whatever this JVM could still do
        List<ScenarioResult> results = ScenarioMatrix.run(credentials, modes, false, (result, done, total) -> { });

        assertThat(results).hasSize(modes.size() * Scenario.values().length);
        assertTls11Cells(results, modes);
        ScenarioResult refused = cell(results, ServerMode.SECURE);
        assertThat(refused.diagnosis().code()).isEqualTo(DiagnosisCode.PROTOCOL_VERSION);
        assertThat(refused.diagnosis().summary()).isNotBlank();
        assertThat(refused.actualText()).startsWith("refused (PROTOCOL_VERSION, ");
        assertThat(cell(results, ServerMode.LEGACY_TLS).actualText()).isEqualTo("200 OK as CN=Cliente");
        // the child's words are messages, not English text: they follow a language switch here
        Texts.use(Texts.PT_BR);
        assertThat(refused.actualText()).startsWith("recusada (PROTOCOL_VERSION, lado d");
        assertThat(refused.diagnosis().summary()).isEqualTo(refused.diagnosis().summary(Texts.PT_BR))
                .isNotEqualTo(refused.diagnosis().summary(Locale.ENGLISH));
    }

    private static void assertTls11Cells(List<ScenarioResult> results, List<ServerMode> modes) {
        for (ServerMode mode : modes) {
            ScenarioResult tls11 = cell(results, mode);
            assertThat(tls11.status()).as("TLS 1.1 cell in %s: %s", mode.id(), tls11.actualText())
                    .isEqualTo(ScenarioResult.Status.PASS);
            assertThat(tls11.actual()).as(mode.id())
                    .isEqualTo(mode == ServerMode.LEGACY_TLS ? Outcome.ACCEPTED : Outcome.REFUSED);
            assertThat(tls11.expected().outcome()).isNotEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    private static ScenarioResult cell(List<ScenarioResult> results, ServerMode mode) {
        return results.stream().filter(r -> r.mode() == mode && r.scenario() == Scenario.TLS11_ONLY_CLIENT)
                .findFirst().orElseThrow();
    }
}
