package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {

    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static Workspace workspace;
    static Credential client;

    @BeforeAll
    static void seed() throws Exception {
        workspace = TestPki.seedWorkspace(dir);
        client = workspace.credential(Workspace.CLIENT, null);
        for (ExportFormat format : ExportFormat.values()) {
            Files.write(dir.resolve(format.fileName("client")),
                    Exports.export(client, format, "client", format == ExportFormat.KEY ? PASSWORD : PASSWORD));
        }
    }

    @Test
    void opensslReadsTheModernP12WithoutLegacy() {
        ExternalTool.Result info = ExternalTool.run(dir, "openssl", "pkcs12", "-info", "-in", "client.p12",
                "-passin", "pass:changeit", "-nokeys");
        assertThat(info.ok()).as(info.output()).isTrue();
        assertThat(info.output()).contains("MAC: sha256", "PBES2, PBKDF2, AES-256-CBC", "PRF hmacWithSHA256",
                "CN = Cliente", "CN = MinhaCA");
        ExternalTool.Result key = ExternalTool.run(dir, "openssl", "pkcs12", "-in", "client.p12", "-passin",
                "pass:changeit", "-nocerts", "-nodes");
        assertThat(key.ok()).as(key.output()).isTrue();
        assertThat(key.output()).contains("BEGIN PRIVATE KEY");
    }

    @Test
    void keytoolListsTheP12AsAPrivateKeyEntryAndTheTruststoreAsTrustedCertEntry() {
        ExternalTool.Result p12 = ExternalTool.run(dir, "keytool", "-list", "-keystore", "client.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");
        assertThat(p12.ok()).as(p12.output()).isTrue();
        assertThat(p12.output()).contains("client,", "PrivateKeyEntry");
        ExternalTool.Result trust = ExternalTool.run(dir, "keytool", "-list", "-v", "-keystore",
                "client-truststore.p12", "-storetype", "PKCS12", "-storepass", "changeit");
        assertThat(trust.ok()).as(trust.output()).isTrue();
        assertThat(trust.output()).contains("Your keystore contains 1 entry", "trustedCertEntry", "CN=MinhaCA")
                .doesNotContain("PrivateKeyEntry");
    }

    @Test
    void legacyP12UsesTripleDesAndSha1AndLoadsInJava() throws Exception {
        ExternalTool.Result info = ExternalTool.run(dir, "openssl", "pkcs12", "-info", "-in", "client-legacy.p12",
                "-passin", "pass:changeit", "-noout");
        assertThat(info.output()).contains("MAC: sha1", "pbeWithSHA1And3-KeyTripleDES-CBC");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("client-legacy.p12"))), PASSWORD);
        assertThat(Collections.list(store.aliases())).containsExactly("client");
        assertThat(store.getCertificateChain("client")).hasSize(2);
        assertThat(Keys.matches(store.getCertificate("client").getPublicKey(),
                (java.security.PrivateKey) store.getKey("client", PASSWORD))).isTrue();
    }

    @Test
    void readsBothP12KindsBackAndRejectsAWrongPassword() throws Exception {
        for (String file : List.of("client.p12", "client-legacy.p12")) {
            Pkcs12.Contents contents = Pkcs12.read(Files.readAllBytes(dir.resolve(file)), PASSWORD);
            assertThat(contents.credential().certificate()).isEqualTo(client.certificate());
            assertThat(contents.credential().issuers()).containsExactly(workspace.caCertificate());
            assertThat(contents.privateKey().getEncoded()).isEqualTo(client.privateKey().getEncoded());
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("client.p12"));
        assertThatThrownBy(() -> Pkcs12.read(bytes, "wrong".toCharArray())).isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("password"))
                .hasMessageContaining("wrong password");
    }

    @Test
    void derChainAndPemExportsAreWhatOpensslExpects() throws Exception {
        ExternalTool.Result der = ExternalTool.run(dir, "openssl", "x509", "-inform", "DER", "-in", "client.der",
                "-noout", "-subject");
        assertThat(der.output()).contains("CN = Cliente");
        assertThat(Pem.readCertificates(dir.resolve("client-fullchain.pem")))
                .containsExactly(client.certificate(), workspace.caCertificate());
        assertThat(Pem.readCertificates(dir.resolve("client.crt"))).containsExactly(client.certificate());
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "client.crt");
        assertThat(verify.output()).contains("client.crt: OK");
    }

    @Test
    void encryptedPkcs8KeyOpensWithOpensslAndMatchesTheCertificate() {
        assertThat(Pem.readText(dir.resolve("client-pkcs8.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        ExternalTool.Result fromKey = ExternalTool.run(dir, "openssl", "pkey", "-in", "client-pkcs8.key", "-passin",
                "pass:changeit", "-pubout");
        ExternalTool.Result fromCert = ExternalTool.run(dir, "openssl", "x509", "-in", "client.pem", "-noout", "-pubkey");
        assertThat(fromKey.ok()).as(fromKey.output()).isTrue();
        assertThat(fromKey.output()).isEqualTo(fromCert.output()).contains("BEGIN PUBLIC KEY");
        ExternalTool.Result plain = ExternalTool.run(dir, "openssl", "pkey", "-in", "server.key", "-pubout");
        ExternalTool.Result serverCert = ExternalTool.run(dir, "openssl", "x509", "-in", "server.pem", "-noout", "-pubkey");
        assertThat(plain.output()).isEqualTo(serverCert.output());
    }

    @Test
    void plainPkcs8KeyExportWithoutPasswordAndP12NeedsOne() {
        assertThat(new String(Exports.export(client, ExportFormat.KEY, "client", null)))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assertThatThrownBy(() -> Exports.export(client, ExportFormat.P12, "client", null))
                .isInstanceOf(PkiException.class).hasMessageContaining("needs a password");
        Credential certificateOnly = new Credential(client.certificate(), null, client.issuers());
        assertThatThrownBy(() -> Exports.export(certificateOnly, ExportFormat.P12, "client", PASSWORD))
                .isInstanceOf(PkiException.class).hasMessageContaining("no private key");
    }
}
