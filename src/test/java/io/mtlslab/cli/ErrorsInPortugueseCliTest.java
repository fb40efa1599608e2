package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §4/§5: the errors a user meets most on the command line come out in the language of
 * {@code --lang}, with the CLI's own fix (its flags), from the real commands.
 */
class ErrorsInPortugueseCliTest {

    @TempDir
    static Path dir;
    static Path ws;

    @BeforeAll
    static void seed() {
        ws = dir.resolve("ws");
        TestPki.seedWorkspace(ws);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void aBadSubjectFieldIsExplainedInPortuguese() {
        CliRun run = CliRun.of("client", "issue", "--name", "aluno07", "--c", "BRA", "--dir", ws.toString(),
                "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(run.err().strip()).as(run.toString())
                .isEqualTo("erro: c: o país deve ser um código ISO de duas letras, não 'BRA' — use um código como BR, US ou DE");
        assertThat(Files.exists(ws.resolve("aluno07.pem"))).isFalse();
    }

    @Test
    void aPortInUseIsExplainedInPortugueseWithTheCliFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            CliRun run = CliRun.of("serve", "--dir", ws.toString(), "--port", String.valueOf(port), "--lang", "pt-BR");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MtlsLabCommand.BAD_INPUT);
            assertThat(run.err().strip()).as(run.toString()).isEqualTo("erro: port: a porta " + port
                    + " em 127.0.0.1 já está em uso (outro servidor, talvez outro mTLS Lab, está escutando nela)"
                    + " — pare o outro servidor ou escolha outra porta, por exemplo --port " + (port + 1)
                    + " (0 escolhe qualquer porta livre)");
        }
    }

    @Test
    void issuingWithoutACaIsExplainedInPortuguese() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.of("server", "issue", "--dir", empty.toString(), "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(run.err().strip()).as(run.toString()).startsWith("erro: ")
                .contains("não há CA em " + empty, "crie uma com: mtls-lab ca create --dir " + empty)
                .doesNotContain("no CA", "create one");
    }

    @Test
    void theSameFailureStaysEnglishWithoutLang() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-en"));

        CliRun run = CliRun.of("server", "issue", "--dir", empty.toString(), "--lang", "en");

        assertThat(run.err().strip()).as(run.toString()).startsWith("error: ")
                .contains("no CA in " + empty, "create one with: mtls-lab ca create --dir " + empty);
    }

    @Test
    void picocliInputErrorsAreRebuiltInPortugueseAndStayPicoclisInEnglish() {
        assertThat(CliRun.of("--lang", "pt-BR", "ca", "create", "--frobnicate").err().strip())
                .isEqualTo("erro: opção desconhecida: '--frobnicate' — veja 'mtls-lab ca create --help'");
        assertThat(CliRun.of("--lang", "pt-BR", "ca", "creat").err().strip())
                .isEqualTo("erro: argumento inesperado: 'creat' (você quis dizer create?) — veja 'mtls-lab ca --help'");
        assertThat(CliRun.of("--lang", "pt-BR", "load").err().strip())
                .isEqualTo("erro: falta URL — veja 'mtls-lab load --help'");
        assertThat(CliRun.of("--lang", "pt-BR", "serve", "--port", "abc").err().strip())
                .isEqualTo("erro: valor inválido para --port: 'abc' — veja 'mtls-lab serve --help'");
        CliRun twice = CliRun.of("--lang", "pt-BR", "serve", "--port", "1", "--port", "2");
        assertThat(twice.exitCode()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(twice.err().strip()).isEqualTo("erro: --port foi informado mais de uma vez — veja 'mtls-lab serve --help'");

        assertThat(CliRun.of("--lang", "en", "ca", "create", "--frobnicate").err().strip())
                .isEqualTo("error: Unknown option: '--frobnicate' — see 'mtls-lab ca create --help'");
    }
}
