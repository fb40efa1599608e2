package io.mtlslab.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §4: the core's most common input errors read in the GUI's language and idiom ("tick Replace",
 * no "--cn …" hints, no "field:" prefixes), while the CLI keeps its hints.
 */
class ErrorTextTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    private static PkiException failure(Runnable action) {
        return catchThrowableOfType(action::run, PkiException.class);
    }

    @Test
    void anExistingFileSaysTickReplaceOnScreenAndAddForceOnTheCommandLine() throws Exception {
        Path existing = Files.writeString(dir.resolve("aluno.pem"), "x");
        PkiException exists = failure(() -> SecureFiles.requireAbsent(false, existing));

        assertThat(exists.code()).isEqualTo("exists");
        assertThat(exists.oneLine()).isEqualTo("force: aluno.pem already exists in " + dir
                + " — choose another name (--name, or --out for export), or add --force to replace it");
        assertThat(ErrorText.inWords(exists)).isEqualTo("aluno.pem already exists in " + dir
                + " — choose another name, or tick “Replace” to overwrite it").doesNotContain("--");

        Texts.use(Texts.PT_BR);
        assertThat(ErrorText.inWords(exists)).isEqualTo("aluno.pem já existe em " + dir
                + " — escolha outro nome, ou marque “Substituir” para sobrescrevê-lo");
        assertThat(exists.oneLine()).endsWith("adicione --force para substituí-lo");
    }

    @Test
    void anEmptyCommonNameHasNoCnFlagOnScreen() {
        PkiException empty = failure(() -> SubjectName.ofCommonName(" ").requireCommonName());

        assertThat(empty.oneLine()).contains("--cn MinhaCA");
        assertThat(ErrorText.inWords(empty)).isEqualTo(
                "the common name (CN) must not be empty — type a name such as MinhaCA, localhost or Cliente");
        Texts.use(Texts.PT_BR);
        assertThat(ErrorText.inWords(empty)).startsWith("o nome comum (CN) não pode ficar vazio — digite um nome");
    }

    @Test
    void aBadSubjectFieldIsNamedInTheChosenLanguage() {
        Texts.use(Texts.PT_BR);
        PkiException tooLong = failure(() -> new SubjectName(null, null, null, "O".repeat(65), java.util.List.of(),
                "Cliente", null).checkForIssuing());

        assertThat(tooLong.field()).isEqualTo("o");
        assertThat(ErrorText.inWords(tooLong)).isEqualTo(
                "a organização (O) tem 65 caracteres; a RFC 5280 permite no máximo 64 — encurte para 64 caracteres ou menos");
        Texts.use(Locale.ENGLISH);
        assertThat(tooLong.getMessage()).isEqualTo("the organization (O) has 65 characters; RFC 5280 allows at most 64");
    }

    @Test
    void anEmailFieldIsNotToldToWriteEmailColon() {
        PkiException email = failure(() -> SubjectAltName.email("not-an-email"));

        assertThat(email.oneLine()).isEqualTo("san: 'not-an-email' is not an e-mail address — write it as email:name@example.com");
        assertThat(ErrorText.inWords(email)).isEqualTo(
                "'not-an-email' is not an e-mail address — write an address such as name@example.com");
        PkiException dns = failure(() -> SubjectAltName.parse("dns:bad name"));
        assertThat(dns.oneLine()).endsWith("use letters, digits, '-' and dots, e.g. dns:api.example.com");
    }

    @Test
    void aWrongPasswordIsExplainedInPortuguese() {
        Credential client = TestPki.credential(TestPki.seedWorkspace(dir), Workspace.CLIENT);
        byte[] p12 = Pkcs12.write(client, "client", "right-password".toCharArray(), Pkcs12.Encryption.MODERN);
        Texts.use(Texts.PT_BR);

        PkiException wrong = failure(() -> Pkcs12.read(p12, "wrong".toCharArray()));

        assertThat(wrong.code()).isEqualTo("p12WrongPassword");
        assertThat(Problem.of(wrong, new I18n(Texts.PT_BR)).summary()).isEqualTo("senha errada para o arquivo PKCS#12");
        assertThat(ErrorText.fix(wrong)).isEqualTo("informe a senha com que ele foi exportado");
    }

    @Test
    void aPortInUseOnTheEchoServerScreenSpeaksPortugueseWithoutTheFlag() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Texts.use(Texts.PT_BR);

            PkiException inUse = failure(() -> EchoServer.start(workspace, ServerSettings.secure().withPort(port)).close());

            assertThat(inUse.code()).isEqualTo("portInUse");
            assertThat(ErrorText.inWords(inUse)).isEqualTo("a porta " + port + " em 127.0.0.1 já está em uso (outro"
                    + " servidor, talvez outro mTLS Lab, está escutando nela) — pare o outro servidor ou escolha outra"
                    + " porta, por exemplo " + (port + 1) + " (0 escolhe qualquer porta livre)").doesNotContain("--");
            assertThat(inUse.oneLine()).contains("--port " + (port + 1));
        }
    }

    @Test
    void aMissingIdentityOnTheWorkshopScreenPointsToTheIdentitiesScreen() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        Texts.use(Texts.PT_BR);

        PkiException missing = failure(() -> CrlIssuer.revoke(workspace, "aluno99",
                RevocationReason.KEY_COMPROMISE, null));

        assertThat(ErrorText.inWords(missing)).isEqualTo("não há identidade 'aluno99' em " + dir
                + " — escolha uma das identidades da tela Identidades");
    }
}
