package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Pem;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.FileModes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's whole recipe through the command line with its own values and defaults (RSA-4096 CA,
 * RSA-2048 leaves — RSA is the point here), checked by OpenSSL.
 */
class SeedRecipeCliTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheSeedRecipe() {
        String ws = dir.toString();
        CliRun ca = CliRun.of("ca", "create", "--dir", ws, "--c", "BR", "--st", "Estado", "--l", "Cidade",
                "--o", "MinhaEmpresa", "--ou", "TI", "--cn", "MinhaCA", "--days", "3650");
        assertThat(ca.exitCode()).as(ca.toString()).isZero();
        CliRun server = CliRun.of("server", "issue", "--dir", ws, "--cn", "localhost", "--san", "dns:localhost",
                "--san", "ip:127.0.0.1", "--days", "365");
        assertThat(server.exitCode()).as(server.toString()).isZero();
        CliRun client = CliRun.of("client", "issue", "--dir", ws, "--cn", "Cliente", "--ou", "CODIGODOCLIENTE",
                "--san", "dns:Cliente", "--days", "365", "--p12-password", "changeit");
        assertThat(client.exitCode()).as(client.toString()).isZero();
        assertThat(client.out()).contains("CN=Cliente", "wrote client.pem, client.key, client.p12");
    }

    @Test
    void writesTheSeedsSixFilesWithOwnerOnlyKeys() {
        for (String name : new String[] {"ca", "server", "client"}) {
            assertThat(dir.resolve(name + ".pem")).exists();
            FileModes.assertOwnerOnly(dir.resolve(name + ".key"));
        }
        assertThat(dir.resolve("client.p12")).exists();
        assertThat(dir.resolve("workspace.json")).exists();
    }

    @Test
    void opensslVerifiesServerAndClientStrictly() {
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "server.pem", "client.pem");
        assertThat(verify.output()).contains("server.pem: OK", "client.pem: OK");
        assertThat(verify.ok()).isTrue();
    }

    @Test
    void keysAreTheSeedsSizesAndMatchTheirCertificates() {
        for (String name : new String[] {"ca", "server", "client"}) {
            ExternalTool.Result key = ExternalTool.run(dir, "openssl", "pkey", "-in", name + ".key", "-pubout");
            ExternalTool.Result cert = ExternalTool.run(dir, "openssl", "x509", "-in", name + ".pem", "-noout", "-pubkey");
            assertThat(key.output()).as(name).isEqualTo(cert.output()).contains("BEGIN PUBLIC KEY");
        }
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "ca.pem", "-noout", "-text").output())
                .contains("Public-Key: (4096 bit)", "sha256WithRSAEncryption");
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "server.pem", "-noout", "-text").output())
                .contains("Public-Key: (2048 bit)");
    }

    @Test
    void subjectsAndExtensionsAreTheSeeds() {
        ExternalTool.Result ca = ExternalTool.run(dir, "openssl", "x509", "-in", "ca.pem", "-noout", "-subject", "-ext",
                "basicConstraints,keyUsage");
        assertThat(ca.output()).contains("subject=C = BR, ST = Estado, L = Cidade, O = MinhaEmpresa, OU = TI, CN = MinhaCA",
                "CA:TRUE", "Certificate Sign, CRL Sign");
        ExternalTool.Result server = ExternalTool.run(dir, "openssl", "x509", "-in", "server.pem", "-noout", "-subject",
                "-ext", "subjectAltName,extendedKeyUsage,keyUsage,basicConstraints");
        assertThat(server.output()).contains("CN = localhost", "DNS:localhost, IP Address:127.0.0.1",
                "TLS Web Server Authentication", "Digital Signature, Key Encipherment", "CA:FALSE");
        ExternalTool.Result client = ExternalTool.run(dir, "openssl", "x509", "-in", "client.pem", "-noout", "-subject",
                "-ext", "subjectAltName,extendedKeyUsage");
        assertThat(client.output()).contains("OU = CODIGODOCLIENTE, CN = Cliente", "DNS:Cliente",
                "TLS Web Client Authentication");
    }

    @Test
    void theClientP12OpensInOpensslWithoutLegacyAndInKeytool() {
        ExternalTool.Result info = ExternalTool.run(dir, "openssl", "pkcs12", "-info", "-in", "client.p12", "-passin",
                "pass:changeit", "-noout");
        assertThat(info.ok()).as(info.output()).isTrue();
        assertThat(info.output()).contains("AES-256-CBC");
        ExternalTool.Result keytool = ExternalTool.run(dir, "keytool", "-list", "-keystore", "client.p12",
                "-storepass", "changeit");
        assertThat(keytool.output()).contains("PrivateKeyEntry");
    }

    @Test
    void serverIssueWithoutSansGivesTheLocalhostDefaults() throws Exception {
        CliRun run = CliRun.of("server", "issue", "--dir", dir.toString(), "--name", "plain", "--key", "ec-p256");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "plain.pem", "-noout", "-ext", "subjectAltName")
                .output()).contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
        assertThat(Pem.readCertificate(dir.resolve("plain.pem")).getSubjectX500Principal().getName())
                .isEqualTo("CN=localhost,OU=TI,O=MinhaEmpresa,L=Cidade,ST=Estado,C=BR");
        assertThat(Files.readString(dir.resolve("workspace.json"))).contains("\"plain\"");
    }
}
