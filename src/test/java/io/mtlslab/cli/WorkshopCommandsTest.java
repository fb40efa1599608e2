package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import io.mtlslab.workshop.StudentPasswords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopCommandsTest {

    @TempDir
    static Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MtlsLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void seed() throws Exception {
        TestPki.seedWorkspace(dir);
        Files.writeString(dir.resolve("turma.csv"), "name,CN,OU,email\naluno01,Aluno Um,T1,um@example.com\n"
                + "aluno 02,Aluno Dois,T1,\naluno03,Aluno Tres,T1,\n");
    }

    @Test
    void batchIssuesGoodRowsReportsBadOnesByLineAndHidesPasswords() {
        Run batch = run("batch", dir.resolve("turma.csv").toString(), "--dir", dir.toString(), "--days", "20");
        assertThat(batch.status()).isEqualTo(1);
        assertThat(batch.out()).contains("[1/2] issued aluno01", "[2/2] issued aluno03", "2 identities issued, 1 rows skipped");
        assertThat(batch.err()).contains("skipped line 3: name: 'aluno 02' cannot be an identity name");
        String password = new String(StudentPasswords.of(Workspace.open(dir)).find("aluno01").orElseThrow());
        assertThat(batch.out() + batch.err()).doesNotContain(password);
        assertThat(dir.resolve("aluno03.p12")).exists();
    }

    @Test
    void batchShowsPasswordsOnlyWhenAsked(@TempDir Path other) throws Exception {
        TestPki.seedWorkspace(other);
        Path csv = other.resolve("one.csv");
        Files.writeString(csv, "name,CN\nsolo,Solo\n");
        Run batch = run("batch", csv.toString(), "--dir", other.toString(), "--show-passwords");
        assertThat(batch.status()).isZero();
        String password = new String(StudentPasswords.of(Workspace.open(other)).find("solo").orElseThrow());
        assertThat(batch.out()).contains("name,password", "solo," + password);
    }

    @Test
    void revokePublishesACrlThatTheCrlCommandPrintsAndExports() {
        Run revoke = run("revoke", "server", "--reason", "cessationOfOperation", "--dir", dir.toString());
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("revoked server", "reason cessationOfOperation", "crl.pem");

        Run print = run("crl", "--dir", dir.toString());
        assertThat(print.out()).startsWith("-----BEGIN X509 CRL-----");
        Path exported = dir.resolve("exported-crl.pem");
        Run export = run("crl", "--out", exported.toString(), "--dir", dir.toString());
        assertThat(export.out()).contains("1 revoked");
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "crl", "-in", exported.toString(), "-CAfile",
                "ca.pem", "-verify", "-noout", "-text");
        assertThat(verify.output()).contains("verify OK", "Cessation Of Operation");

        Run again = run("revoke", "server", "--dir", dir.toString());
        assertThat(again.status()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(again.err()).contains("already revoked");
        Run badReason = run("revoke", "client", "--reason", "lost-laptop", "--dir", dir.toString());
        assertThat(badReason.status()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(badReason.err()).contains("reason: unknown revocation reason 'lost-laptop'");
        assertThat(Workspace.open(dir).identity("client").orElseThrow().revoked()).isFalse();
    }

    @Test
    void renewWithRevokeOldListsTheOldSerialInTheCrl() {
        String old = Workspace.open(dir).identity("client").orElseThrow().serialHex();
        Run renew = run("renew", "client", "--days", "90", "--new-key", "--revoke-old", "--dir", dir.toString());
        assertThat(renew.status()).as(renew.err()).isZero();
        assertThat(renew.out()).contains("renewed client", "(was " + old + ")", "new key", "superseded");
        Workspace ws = Workspace.open(dir);
        assertThat(CrlIssuer.isRevoked(ws, old)).isTrue();
        assertThat(ws.identity("client").orElseThrow().serialHex()).isNotEqualTo(old)
                .isEqualTo(Certificates.serialHex(ws.credential("client", null).certificate()));
    }

    @Test
    void renewingABatchIdentityRewritesItsP12WithTheSamePassword(@TempDir Path other) throws Exception {
        TestPki.seedWorkspace(other);
        Path csv = other.resolve("one.csv");
        Files.writeString(csv, "name,CN\nsolo,Solo\n");
        assertThat(run("batch", csv.toString(), "--dir", other.toString()).status()).isZero();
        Run renew = run("renew", "solo", "--new-key", "--dir", other.toString());
        assertThat(renew.out()).contains("rewrote solo.p12");
        Workspace ws = Workspace.open(other);
        char[] password = StudentPasswords.of(ws).find("solo").orElseThrow();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ws.p12File("solo"))) {
            store.load(in, password);
        }
        java.security.cert.X509Certificate inP12 =
                (java.security.cert.X509Certificate) store.getCertificate(store.aliases().nextElement());
        assertThat(inP12).isEqualTo(ws.credential("solo", null).certificate());
    }

    @Test
    void bundleWritesAZipAndRefusesAServerIdentity() {
        Run one = run("bundle", "client", "--host", "127.0.0.1", "--port", "9443", "--dir", dir.toString(),
                "--out", dir.resolve("cliente.zip").toString());
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).contains("cliente.zip", "https://127.0.0.1:9443/");
        assertThat(dir.resolve("cliente.zip")).exists();

        Run server = run("bundle", "server", "--dir", dir.toString());
        assertThat(server.status()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(server.err()).contains("not a client");
        Run neither = run("bundle", "--dir", dir.toString());
        assertThat(neither.status()).isEqualTo(MtlsLabCommand.BAD_INPUT);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void bundleWritesTheReadmeInTheLanguageOfLang() throws Exception {
        Run portuguese = run("--lang", "pt-BR", "bundle", "client", "--dir", dir.toString(),
                "--out", dir.resolve("cliente-pt.zip").toString());
        Texts.use(Locale.ENGLISH);
        Run english = run("bundle", "client", "--lang", "en", "--dir", dir.toString(),
                "--out", dir.resolve("cliente-en.zip").toString());
        assertThat(portuguese.status()).as(portuguese.err()).isZero();
        assertThat(english.status()).as(english.err()).isZero();

        String readme = readme(dir.resolve("cliente-pt.zip"));
        assertThat(readme).startsWith("# Identidade de cliente mTLS: Cliente")
                .contains("Seu certificado de cliente", "Senha dos dois arquivos `.p12`:", "| arquivo | o que é |")
                .doesNotContain("Your client certificate", "what it is")
                // the commands are the same in every language
                .contains("curl --fail --cacert ca.pem --cert client.pem --key client.key https://localhost:8443/");
        assertThat(readme(dir.resolve("cliente-en.zip"))).startsWith("# mTLS client identity: Cliente")
                .contains("Password of both `.p12` files:");
    }

    private static String readme(Path zip) throws Exception {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.stream().filter(e -> e.getName().endsWith("README.md")).findFirst().orElseThrow();
            return new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
