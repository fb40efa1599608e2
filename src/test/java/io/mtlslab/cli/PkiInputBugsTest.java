package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKI bugs of issue 9, section 3, each as the user met it. */
class PkiInputBugsTest {

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void renewKeepsACommonNameWithACommaAsItWas() {
        TestPki.seedWorkspace(dir);
        assertThat(run("client", "issue", "--name", "maria", "--cn", "Silva, Maria", "--key", "ec-p256", "--dir",
                dir.toString()).exitCode()).isZero();
        X500Name original = Certificates.x500Name(Pem.readCertificate(dir.resolve("maria.pem")));
        for (int i = 0; i < 2; i++) {
            CliRun renew = run("renew", "maria", "--dir", dir.toString());
            assertThat(renew.exitCode()).as(renew.err()).isZero();
        }
        X509Certificate renewed = Pem.readCertificate(dir.resolve("maria.pem"));
        assertThat(Certificates.subject(renewed).commonName()).isEqualTo("Silva, Maria");
        assertThat(Certificates.x500Name(renewed)).isEqualTo(original);
        assertThat(ExternalTool.run(dir, "openssl", "x509", "-in", "maria.pem", "-noout", "-subject").output())
                .contains("CN = \"Silva, Maria\"").doesNotContain("\\");
    }

    @Test
    void anOpensslPkcs12WithoutFriendlyNameIsNotDamaged() throws Exception {
        TestPki.seedWorkspace(dir.resolve("from"));
        Path p12 = dir.resolve("ca.p12");
        ExternalTool.Result export = ExternalTool.run(dir.resolve("from"), "openssl", "pkcs12", "-export", "-in",
                "ca.pem", "-inkey", "ca.key", "-passout", "pass:segredo", "-out", p12.toString());
        assertThat(export.ok()).as(export.output()).isTrue();
        assertThat(Pkcs12.read(Files.readAllBytes(p12), "segredo".toCharArray()).friendlyNames()).isEmpty();

        CliRun inspect = run("inspect", p12.toString(), "--password", "segredo");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("MinhaCA");
        CliRun importCa = run("import-ca", p12.toString(), "--password", "segredo", "--dir", dir.resolve("to").toString());
        assertThat(importCa.exitCode()).as(importCa.err()).isZero();
        assertThat(dir.resolve("to/ca.key")).exists();
    }

    @Test
    void aPemWithUtf8BagAttributesReads() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("ws"));
        Path file = dir.resolve("joao.pem");
        Files.writeString(file, "Bag Attributes\n    friendlyName: João\nsubject=CN=João\n"
                + Pem.certificate(workspace.caCertificate()), StandardCharsets.UTF_8);
        assertThat(Pem.readCertificate(file)).isEqualTo(workspace.caCertificate());
        assertThat(run("inspect", file.toString()).exitCode()).isZero();
    }

    @Test
    void theEmailShorthandDoesNotBreakTitleSurnameOrGivenName() {
        SubjectName parsed = SubjectName.parse("/C=BR/TITLE=Eng/SURNAME=Silva/GIVENNAME=Maria/CN=Maria/E=maria@example.com");
        assertThat(parsed.commonName()).isEqualTo("Maria");
        assertThat(parsed.email()).isEqualTo("maria@example.com");
    }

    @Test
    void outOfBoundsInputGetsOneLineAndExitTwo() {
        TestPki.seedWorkspace(dir);
        String d = dir.toString();
        assertOneLineError(run("client", "issue", "--name", "a", "--cn", "x".repeat(65), "--dir", d), "cn:", "64");
        assertOneLineError(run("client", "issue", "--name", "a", "--days", "3000000", "--dir", d), "days:", "9999-12-31");
        assertOneLineError(run("client", "issue", "--name", "a", "--o", "o".repeat(65), "--dir", d), "o:", "64");
        assertOneLineError(run("client", "issue", "--name", "a", "--ou", "u".repeat(65), "--dir", d), "ou:", "64");
        assertOneLineError(run("client", "issue", "--name", "a", "--email", "m".repeat(250) + "@x.org", "--dir", d),
                "email:", "255");
        assertOneLineError(run("client", "issue", "--name", "a", "--cn", "Eve\nACCEPTED CN=admin", "--dir", d),
                "cn:", "U+000A at position 4");
        assertOneLineError(run("client", "issue", "--name", "a", "--o", "Acme\u202Egnp.exe", "--dir", d),
                "o:", "U+202E at position 5");
        assertThat(dir.resolve("a.pem")).doesNotExist();

        CliRun unicode = run("client", "issue", "--name", "u", "--cn", "João Ñandú 李小龍", "--key", "ec-p256", "--dir", d);
        assertThat(unicode.exitCode()).as(unicode.err()).isZero();
        assertThat(Certificates.subject(Pem.readCertificate(dir.resolve("u.pem"))).commonName())
                .isEqualTo("João Ñandú 李小龍");
    }

    @Test
    void aBatchRowWithAControlCharacterIsSkippedNamingFieldAndPosition() throws Exception {
        TestPki.seedWorkspace(dir);
        Files.writeString(dir.resolve("t.csv"), "name,CN,OU,email\nok,Aluna Ção,T,\nbad,\"Eve\u001B[2J\",T,\n");
        CliRun batch = run("batch", dir.resolve("t.csv").toString(), "--dir", dir.toString(), "--key", "ec-p256");
        assertThat(batch.exitCode()).isEqualTo(1);
        assertThat(batch.err()).contains("line 3: cn: the common name (CN) holds a control character (U+001B at position 4)");
        assertThat(dir.resolve("ok.pem")).exists();
        assertThat(dir.resolve("bad.pem")).doesNotExist();
    }

    private static void assertOneLineError(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(run.err().strip()).startsWith("error: ").contains(parts).doesNotContain("\n").doesNotContain("Exception");
    }
}
