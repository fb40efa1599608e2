package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint} speaks the chosen language; its JSON keeps the stable code next to the words. */
class LintCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    /** After {@code revoke intermediate}, lint of a leaf below it fails, from its chain file and from its own file. */
    @Test
    void aLeafBelowARevokedIntermediateFailsTheLint() throws Exception {
        TestPki.seedWorkspace(dir);
        assertThat(CliRun.of("intermediate", "create", "--dir", dir.toString()).exitCode()).isZero();
        CliRun issued = CliRun.of("client", "issue", "--dir", dir.toString(), "--name", "ic", "--issuer", "intermediate",
                "--cn", "Below");
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        assertThat(CliRun.of("revoke", "intermediate", "--dir", dir.toString()).exitCode()).isZero();

        for (String file : List.of("ic-chain.pem", "ic.pem")) {
            CliRun lint = CliRun.of("lint", "--lang", "en", dir.resolve(file).toString(), "--dir", dir.toString());
            assertThat(lint.exitCode()).as(file + ": " + lint).isEqualTo(1);
            assertThat(lint.out()).as(file).contains("ERROR   issuer-revoked: the CA above it, intermediate (serial ");
        }
    }

    @Test
    void findingsInPortugueseAndJsonWithTheCode() throws Exception {
        TestPki.seedWorkspace(dir);
        String server = dir.resolve(Workspace.SERVER + ".pem").toString();
        String ca = dir.resolve(Workspace.CA + ".pem").toString();

        CliRun english = CliRun.of("lint", "--lang", "en", server, "--ca", ca, "--role", "client");
        assertThat(english.exitCode()).as(english.toString()).isEqualTo(1);
        assertThat(english.out()).contains("ERROR   wrong-eku: the extendedKeyUsage (serverAuth) lacks clientAuth",
                "fix: issue it again as a client certificate", "1 error(s), 0 warning(s), 0 note(s)");

        CliRun portuguese = CliRun.of("lint", "--lang", "pt-BR", server, "--ca", ca, "--role", "client");
        assertThat(portuguese.exitCode()).isEqualTo(1);
        assertThat(portuguese.out()).contains("ERRO    wrong-eku: o extendedKeyUsage (serverAuth) não tem clientAuth",
                "correção: emita de novo como certificado de cliente", "1 erro(s), 0 aviso(s), 0 nota(s)")
                .doesNotContain("lacks");

        CliRun json = CliRun.of("lint", "--lang", "pt-BR", "--json", server, "--ca", ca, "--role", "client");
        List<Object> rows = JSON.std.listFrom(json.out());
        assertThat(rows).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) rows.get(0);
        assertThat(row).containsEntry("severity", "ERROR").containsEntry("code", "wrong-eku");
        assertThat((String) row.get("what")).startsWith("o extendedKeyUsage (serverAuth) não tem clientAuth");
        assertThat((String) row.get("fix")).startsWith("emita de novo");
    }

    @Test
    void againstAWorkspaceARevokedClientIsAnError() {
        TestPki.seedWorkspace(dir);
        String client = dir.resolve(Workspace.CLIENT + ".pem").toString();
        assertThat(CliRun.of("lint", client, "--dir", dir.toString()).exitCode()).isZero();

        CliRun revoke = CliRun.of("revoke", Workspace.CLIENT, "--dir", dir.toString(), "--reason", "keyCompromise");
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();

        CliRun lint = CliRun.of("lint", client, "--dir", dir.toString());
        assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
        assertThat(lint.out()).contains("revoked:", "Key compromise");
        // without the workspace, the file alone cannot tell
        assertThat(CliRun.of("lint", client, "--ca", dir.resolve("ca.pem").toString()).exitCode()).isZero();
    }

    @Test
    void inspectSpeaksTheChosenLanguageToo() throws Exception {
        TestPki.seedWorkspace(dir);
        Path encrypted = dir.resolve("enc.key");
        java.nio.file.Files.writeString(encrypted, io.mtlslab.pki.Pem.encryptedPrivateKey(
                io.mtlslab.testing.TestPki.credential(Workspace.open(dir), Workspace.CLIENT).privateKey(),
                "s3cret".toCharArray()));

        CliRun certificate = CliRun.of("inspect", "--lang", "pt-BR", dir.resolve("server.pem").toString());
        assertThat(certificate.exitCode()).as(certificate.toString()).isZero();
        assertThat(certificate.out()).contains("server.pem: certificado (PEM)", "Certificado 1", "Titular:",
                "Válido até:", "Autoassinado:", "não", "Extensões").doesNotContain("Valid until");

        CliRun key = CliRun.of("inspect", "--lang", "pt-BR", encrypted.toString());
        assertThat(key.out()).contains("Chave privada", "PKCS#8, criptografada", " iterações",
                "(criptografada: informe --password para lê-la)").doesNotContain("iterations");
        assertThat(CliRun.of("inspect", "--lang", "en", encrypted.toString()).out())
                .contains("Private key", "PKCS#8, encrypted", " iterations");
    }
}
