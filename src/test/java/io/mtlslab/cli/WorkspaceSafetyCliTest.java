package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hand-edited index, a look-alike file name or a wrong CA key must not do to a workspace. */
class WorkspaceSafetyCliTest {

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void bundleAllRefusesANameFromTheIndexThatLeavesTheOutFolder() throws Exception {
        Path ws = dir.resolve("a/b/ws");
        TestPki.seedWorkspace(ws);
        Path index = ws.resolve(Workspace.INDEX);
        Files.writeString(index, Files.readString(index).replace("\"name\" : \"client\"", "\"name\" : \"../../x\""));
        Files.copy(ws.resolve("client.pem"), dir.resolve("a/x.pem")); // what ../../x.pem points at
        Path out = Files.createDirectories(dir.resolve("out/deep"));

        CliRun bundle = run("bundle", "--all", "--dir", ws.toString(), "--out", out.toString());
        assertThat(bundle.exitCode()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(bundle.err()).contains("'../../x' cannot be an identity name").doesNotContain("\tat ");
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith("-bundle.zip"));
        }
    }

    @Test
    void aChainFileNeverReplacesAnotherIdentitysCertificateWithoutForce() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        assertThat(run("intermediate", "create", "--name", "sub", "--key", "ec-p256", "--dir", dir.toString()).exitCode())
                .isZero();
        assertThat(run("client", "issue", "--name", "x-chain", "--key", "ec-p256", "--dir", dir.toString()).exitCode())
                .isZero();
        byte[] before = Files.readAllBytes(dir.resolve("x-chain.pem"));

        CliRun below = run("client", "issue", "--name", "x", "--issuer", "sub", "--key", "ec-p256", "--dir", dir.toString());
        assertThat(below.exitCode()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(below.err()).contains("x-chain.pem is the certificate of the identity 'x-chain'", "--force");
        assertThat(Files.readAllBytes(dir.resolve("x-chain.pem"))).isEqualTo(before);
        assertThat(Workspace.open(dir).identity("x")).isEmpty();
        assertThat(workspace.identity("x-chain")).isPresent();
    }

    @Test
    void anotherCasKeyIsRefusedBeforeSigning() throws Exception {
        TestPki.seedWorkspace(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Files.writeString(dir.resolve("ca.key"), Pem.privateKey(generator.generateKeyPair().getPrivate()));

        CliRun issue = run("client", "issue", "--name", "z", "--key", "ec-p256", "--dir", dir.toString());
        assertThat(issue.exitCode()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(issue.err().strip()).startsWith("error: ca: ca.key is not the key of ca.pem").doesNotContain("\n");
        assertThat(dir.resolve("z.pem")).doesNotExist();
        assertThat(run("crl", "--refresh", "--dir", dir.toString()).exitCode()).isEqualTo(MtlsLabCommand.BAD_INPUT);
    }
}
