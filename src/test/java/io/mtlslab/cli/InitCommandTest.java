package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtls-lab init}: the seed's six files in one call, as the three issuing commands make them. */
class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSeedsSetWithTheRecipesKeySizesThatOpensslVerifies() {
        CliRun run = CliRun.of("init", "--dir", dir.toString(), "--p12-password", "changeit");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String name : new String[] {"ca", "server", "client"}) {
            assertThat(dir.resolve(name + ".pem")).isRegularFile();
            assertThat(dir.resolve(name + ".key")).isRegularFile();
        }
        assertThat(dir.resolve("client.p12")).isRegularFile();
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "server.pem", "client.pem");
        assertThat(verify.output()).contains("server.pem: OK", "client.pem: OK");
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "ca.pem", "-noout", "-subject", "-text").output())
                .contains("subject=C = BR, ST = Estado, L = Cidade, O = MinhaEmpresa, OU = TI, CN = MinhaCA",
                        "Public-Key: (4096 bit)");
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "server.pem", "-noout", "-text").output())
                .contains("CN = localhost", "DNS:localhost, IP Address:127.0.0.1", "Public-Key: (2048 bit)",
                        "TLS Web Server Authentication");
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "client.pem", "-noout", "-text").output())
                .contains("OU = CODIGODOCLIENTE, CN = Cliente", "Public-Key: (2048 bit)", "TLS Web Client Authentication");
        assertThat(CliRun.of("list", "--dir", dir.toString()).out()).contains("ca", "server", "client");
    }

    @Test
    void ecKeysAndAnExistingFileRefusedWithoutWritingAnything() throws Exception {
        CliRun first = CliRun.of("init", "--dir", dir.toString(), "--key", "ec-p256");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "client.pem", "-noout", "-text").output())
                .contains("prime256v1");
        String caBefore = Files.readString(dir.resolve("ca.pem"));
        Files.delete(dir.resolve("client.pem"));
        Files.delete(dir.resolve("client.key"));

        CliRun again = CliRun.of("init", "--dir", dir.toString(), "--key", "ec-p256");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        assertThat(Files.readString(dir.resolve("ca.pem"))).isEqualTo(caBefore);
        assertThat(dir.resolve("client.pem")).doesNotExist();

        CliRun forced = CliRun.of("init", "--dir", dir.toString(), "--key", "ec-p256", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(dir.resolve("ca.pem"))).isNotEqualTo(caBefore);
        assertThat(dir.resolve("client.pem")).isRegularFile();
    }
}
