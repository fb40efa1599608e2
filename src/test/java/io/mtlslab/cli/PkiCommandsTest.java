package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.SeedCsrConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKI sub-commands beyond the seed's recipe, with EC keys. */
class PkiCommandsTest {

    @TempDir
    static Path dir;
    static String ws;

    @BeforeAll
    static void seed() {
        ws = dir.resolve("ws").toString();
        ok("ca", "create", "--dir", ws, "--key", "ec-p256");
        ok("server", "issue", "--dir", ws, "--key", "ec-p256");
        ok("client", "issue", "--dir", ws, "--key", "ec-p256", "--email", "cliente@example.com",
                "--uri", "spiffe://example.org/cliente");
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    static Path ws(String file) {
        return Path.of(ws).resolve(file);
    }

    /**
     * The seed's own CA (openssl req -x509: no keyUsage) from an encrypted key: import-ca says the stored
     * key is no longer encrypted (unless --key-password) and that strict verifiers will refuse its
     * certificates, and lint of what it issues warns too, as openssl verify -x509_strict fails.
     */
    @Test
    void importingTheSeedsCaFromAnEncryptedKeyWarnsAboutBoth(@TempDir Path other) throws Exception {
        assertThat(ExternalTool.run(other, "openssl", "req", "-x509", "-new", "-nodes", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "plain.key", "-out", "ca.pem", "-subj", "/CN=SeedCA",
                "-days", "30").ok()).isTrue();
        assertThat(ExternalTool.run(other, "openssl", "pkcs8", "-topk8", "-in", "plain.key", "-out", "enc.key",
                "-passout", "pass:keypw").ok()).isTrue();

        CliRun imported = ok("import-ca", other.resolve("ca.pem").toString(), other.resolve("enc.key").toString(),
                "--password", "keypw", "--dir", other.resolve("w").toString(), "--lang", "en");
        assertThat(imported.err()).contains("ca.key is stored unencrypted", "--key-password",
                "no keyUsage extension", "-x509_strict");
        assertThat(Files.readString(other.resolve("w/ca.key"))).contains("BEGIN PRIVATE KEY");

        CliRun kept = ok("import-ca", other.resolve("ca.pem").toString(), other.resolve("enc.key").toString(),
                "--password", "keypw", "--key-password", "keypw", "--dir", other.resolve("w2").toString(), "--lang", "en");
        assertThat(kept.err()).doesNotContain("stored unencrypted");
        assertThat(Files.readString(other.resolve("w2/ca.key"))).contains("BEGIN ENCRYPTED PRIVATE KEY");

        ok("server", "issue", "--dir", other.resolve("w").toString(), "--key", "ec-p256");
        ExternalTool.Result strict = ExternalTool.run(other.resolve("w"), "openssl", "verify", "-x509_strict", "-CAfile",
                "ca.pem", "server.pem");
        assertThat(strict.ok()).as(strict.output()).isFalse();
        CliRun lint = CliRun.of("lint", other.resolve("w/server.pem").toString(), "--dir", other.resolve("w").toString(),
                "--lang", "en");
        assertThat(lint.out()).contains("WARNING issuer-no-key-usage: the CA above it, CN=SeedCA, has no keyUsage");
    }

    /**
     * Re-issuing a client with --force: the old .p12 (the old certificate and key) does not stay beside the
     * new files, the user is told the old certificate is still valid, and revoke NAME revokes both.
     */
    @Test
    void reissuingDeletesTheStaleP12AndRevokeRevokesTheReplacedCertificateToo(@TempDir Path other) throws Exception {
        String w = other.toString();
        ok("init", "--dir", w, "--key", "ec-p256", "--p12-password", "changeit");
        String first = io.mtlslab.pki.Certificates.serialHex(io.mtlslab.pki.Pem.readCertificate(other.resolve("client.pem")));
        assertThat(other.resolve("client.p12")).exists();

        CliRun reissued = ok("client", "issue", "--dir", w, "--key", "ec-p256", "--cn", "Outra Pessoa", "--force");

        assertThat(reissued.out()).contains("the certificate it replaces (serial " + first + ") stays valid",
                "mtls-lab revoke client revokes it together", "moved client.p12 to client-replaced-" + first + ".p12");
        assertThat(other.resolve("client.p12")).doesNotExist();
        // kept, not deleted: it may hold the only copy of the replaced key
        assertThat(io.mtlslab.pki.Pkcs12.read(Files.readAllBytes(other.resolve("client-replaced-" + first + ".p12")),
                "changeit".toCharArray()).friendlyNames()).isNotEmpty();
        CliRun revoked = ok("revoke", "client", "--dir", w);
        assertThat(revoked.out()).contains("also revoked 1 earlier certificate of client (serial " + first + ")");
        assertThat(io.mtlslab.pki.CrlIssuer.isRevoked(io.mtlslab.pki.Workspace.open(other), first)).isTrue();
    }

    @Test
    void printsTheVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("mtls-lab ");
    }

    @Test
    void everySubCommandHasHelp() {
        for (String[] command : List.of(new String[] {"ca", "create"}, new String[] {"server", "issue"},
                new String[] {"client", "issue"}, new String[] {"intermediate", "create"}, new String[] {"import-ca"},
                new String[] {"sign-csr"}, new String[] {"export"}, new String[] {"inspect"}, new String[] {"lint"})) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).contains("Usage: mtls-lab " + String.join(" ", command));
        }
    }

    @Test
    void issuesFromAnIntermediateWithTheIssuerFlag() {
        ok("intermediate", "create", "--dir", ws, "--key", "ec-p256", "--name", "inter");
        ok("server", "issue", "--dir", ws, "--key", "ec-p256", "--name", "api", "--issuer", "inter",
                "--san", "dns:api.local", "--san", "ip:::1");
        ok("client", "issue", "--dir", ws, "--key", "ec-p256", "--name", "student", "--issuer", "inter");
        assertThat(ws("api-chain.pem")).exists();
        ExternalTool.Result verify = ExternalTool.run(Path.of(ws), "openssl", "verify", "-x509_strict", "-CAfile",
                "ca.pem", "-untrusted", "inter.pem", "api.pem", "student.pem");
        assertThat(verify.output()).contains("api.pem: OK", "student.pem: OK");
        ExternalTool.Result ext = ExternalTool.run(Path.of(ws), "openssl", "x509", "-in", "inter.pem", "-noout",
                "-ext", "basicConstraints,keyUsage");
        assertThat(ext.output()).contains("CA:TRUE, pathlen:0", "Certificate Sign, CRL Sign");
    }

    @Test
    void explicitNotBeforeAndNotAfterMakeAnExpiredClient() {
        ok("client", "issue", "--dir", ws, "--key", "ec-p256", "--name", "old", "--not-before", "2020-01-01T00:00:00Z",
                "--not-after", "2021-01-01T00:00:00Z");
        ExternalTool.Result dates = ExternalTool.run(Path.of(ws), "openssl", "x509", "-in", "old.pem", "-noout", "-dates");
        assertThat(dates.output()).contains("notBefore=Jan  1 00:00:00 2020 GMT", "notAfter=Jan  1 00:00:00 2021 GMT");
        CliRun lint = CliRun.of("lint", ws("old.pem").toString(), "--ca", ws("ca.pem").toString());
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).contains("ERROR", "expired");
    }

    @Test
    void exportsEveryFormat() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "s3cret\n");
        for (String format : List.of("pem", "chain", "der", "key", "p12", "p12-legacy", "truststore")) {
            CliRun run = CliRun.of("export", "client", "--dir", ws, "--format", format, "--password", "file:" + pw);
            assertThat(run.exitCode()).as(format + ": " + run).isZero();
            assertThat(run.out()).doesNotContain("s3cret");
        }
        assertThat(ws("client.crt")).exists();
        assertThat(ws("client.der")).exists();
        assertThat(Files.readString(ws("client-pkcs8.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        ExternalTool.Result trust = ExternalTool.run(Path.of(ws), "keytool", "-list", "-keystore",
                "client-truststore.p12", "-storepass", "s3cret");
        assertThat(trust.output()).contains("trustedCertEntry");
        ExternalTool.Result p12 = ExternalTool.run(Path.of(ws), "openssl", "pkcs12", "-info", "-in", "client.p12",
                "-passin", "pass:s3cret", "-noout");
        assertThat(p12.ok()).as(p12.output()).isTrue();
        Path out = dir.resolve("elsewhere.pem");
        ok("export", "ca", "--dir", ws, "--format", "pem", "--out", out.toString());
        assertThat(Files.readString(out)).isEqualTo(Files.readString(ws("ca.pem")));
    }

    @Test
    void inspectPrintsTextAndJson() throws Exception {
        CliRun text = ok("inspect", ws("client.pem").toString());
        assertThat(text.out()).contains("CN=Cliente, E=cliente@example.com", "extendedKeyUsage: clientAuth",
                "URI:spiffe://example.org/cliente", "email:cliente@example.com", "SHA-256:", "(decimal ");
        CliRun json = ok("inspect", ws("client.pem").toString(), "--json");
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root.get("kind")).isEqualTo("CERTIFICATE");
        @SuppressWarnings("unchecked")
        Map<String, Object> cert = ((List<Map<String, Object>>) root.get("certificates")).get(0);
        assertThat(cert.get("subject")).asString().endsWith("CN=Cliente, E=cliente@example.com");
        assertThat(cert.get("extendedKeyUsage")).isEqualTo(List.of("clientAuth"));
        assertThat(cert.get("notAfter")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        CliRun key = ok("inspect", ws("client.key").toString());
        assertThat(key.out()).contains("EC P-256").doesNotContain("BEGIN");
    }

    @Test
    void lintPassesTheSeedSetAndFailsAServerUsedAsClient() {
        CliRun clean = CliRun.of("lint", ws("server.pem").toString(), "--host", "localhost", "--ca", ws("ca.pem").toString(),
                "--key", ws("server.key").toString());
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("0 error(s)");
        CliRun wrong = CliRun.of("lint", ws("server.pem").toString(), "--role", "client", "--ca", ws("ca.pem").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("wrong-eku", "clientAuth");
    }

    @Test
    void lintReadsADerCertificateLikeItsPem() throws Exception {
        Path der = dir.resolve("server.der");
        Files.write(der, io.mtlslab.pki.Pem.readCertificate(ws("server.pem")).getEncoded());
        CliRun wrong = CliRun.of("lint", der.toString(), "--role", "client", "--ca", ws("ca.pem").toString());
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.out()).contains("wrong-eku", "clientAuth");
    }

    @Test
    void importsAPkcs12CaAndSignsTheSeedsCsr() throws Exception {
        Path other = dir.resolve("other");
        ok("export", "ca", "--dir", ws, "--format", "key", "--out", dir.resolve("ca-copy.key").toString());
        ok("import-ca", ws("ca.pem").toString(), dir.resolve("ca-copy.key").toString(), "--dir", other.toString());
        assertThat(Files.readString(other.resolve("ca.pem"))).isEqualTo(Files.readString(ws("ca.pem")));

        Files.writeString(other.resolve("client_cert_ext.cnf"), SeedCsrConfigs.CLIENT);
        assertThat(ExternalTool.run(other, "openssl", "genrsa", "-out", "client.key", "2048").ok()).isTrue();
        assertThat(ExternalTool.run(other, "openssl", "req", "-new", "-key", "client.key", "-out", "client.csr",
                "-config", "client_cert_ext.cnf").ok()).isTrue();
        CliRun sign = ok("sign-csr", other.resolve("client.csr").toString(), "--dir", other.toString(), "--role", "client",
                "--days", "365");
        assertThat(sign.out()).contains("client: C=BR", "CN=Cliente");
        ExternalTool.Result verify = ExternalTool.run(other, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "client.pem");
        assertThat(verify.output()).contains("client.pem: OK");
        assertThat(ExternalTool.run(other, "openssl", "x509", "-in", "client.pem", "-noout", "-ext",
                "subjectAltName,extendedKeyUsage").output()).contains("DNS:Cliente", "TLS Web Client Authentication");
        assertThat(ExternalTool.run(other, "openssl", "pkey", "-in", "client.key", "-pubout").output())
                .isEqualTo(ExternalTool.run(other, "openssl", "x509", "-in", "client.pem", "-noout", "-pubkey").output());

        ok("export", "ca", "--dir", ws, "--format", "p12", "--password", "pw", "--out", dir.resolve("ca.p12").toString());
        Path third = dir.resolve("third");
        ok("import-ca", dir.resolve("ca.p12").toString(), "--password", "pw", "--dir", third.toString());
        assertThat(Files.readString(third.resolve("ca.pem"))).isEqualTo(Files.readString(ws("ca.pem")));
    }
}
