package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.inspect.Inspector;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.SeedCsrConfigs;
import io.mtlslab.testing.FileModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P6: an OpenSSL-made CA imported into a workspace, and the seed's openssl req CSR signed by it. */
class CaImportAndCsrTest {

    @TempDir
    static Path dir;
    static Path external;

    @BeforeAll
    static void makeAnOpensslCaAndCsr() throws Exception {
        external = Files.createDirectories(dir.resolve("external"));
        ExternalTool.require("openssl");
        run("openssl", "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-sha256", "-days", "3650",
                "-subj", "/C=BR/ST=Estado/L=Cidade/O=MinhaEmpresa/OU=TI/CN=MinhaCA",
                // the seed's CA has no keyUsage, which openssl verify -x509_strict rejects ("CA cert does
                // not include key usage extension"); a CA meant to be imported should have it
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Files.writeString(external.resolve("server_cert_ext.cnf"), SeedCsrConfigs.SERVER);
        run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "server.key");
        run("openssl", "req", "-new", "-key", "server.key", "-out", "server.csr", "-config", "server_cert_ext.cnf");
        run("openssl", "pkcs12", "-export", "-in", "ca.pem", "-inkey", "ca.key", "-out", "ca.p12", "-passout",
                "pass:secret", "-name", "ca");
    }

    static void run(String... command) {
        ExternalTool.Result result = ExternalTool.run(external, command);
        assertThat(result.ok()).as(String.join(" ", command) + "\n" + result.output()).isTrue();
    }

    @Test
    void importsAPemCaAndIssuesFromIt() {
        Path ws = dir.resolve("pem-import");
        Workspace workspace = Workspace.open(ws);
        workspace.importCa(Workspace.CA, CaImport.fromPem(external.resolve("ca.pem"), external.resolve("ca.key"), null),
                false, null);
        assertThat(Pem.readCertificate(ws.resolve("ca.pem"))).isEqualTo(Pem.readCertificate(external.resolve("ca.pem")));
        FileModes.assertOwnerOnly(ws.resolve("ca.key"));
        assertThat(workspace.identity("ca")).get().extracting(IdentityEntry::role).isEqualTo(Role.ROOT_CA);
        workspace.issue("client", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
        ExternalTool.Result verify = ExternalTool.run(ws, "openssl", "verify", "-x509_strict", "-CAfile",
                external.resolve("ca.pem").toString(), "client.pem");
        assertThat(verify.output()).contains("client.pem: OK");
    }

    @Test
    void importsAPkcs12CaWithItsPasswordOnly() {
        Path p12 = external.resolve("ca.p12");
        Credential ca = CaImport.fromPkcs12(p12, "secret".toCharArray());
        assertThat(ca.certificate()).isEqualTo(Pem.readCertificate(external.resolve("ca.pem")));
        assertThatThrownBy(() -> CaImport.fromPkcs12(p12, "wrong".toCharArray())).isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("password"));
    }

    @Test
    void refusesANonCaCertificateAndAKeyOfAnotherCertificate() {
        assertThatThrownBy(() -> CaImport.fromPem(external.resolve("ca.pem"), external.resolve("server.key"), null))
                .isInstanceOf(PkiException.class).hasMessageContaining("does not belong")
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("key"));
        Path ws = dir.resolve("leaf-as-ca");
        Workspace source = io.mtlslab.testing.TestPki.seedWorkspace(ws);
        assertThatThrownBy(() -> CaImport.fromPem(source.certificateFile("server"), source.keyFile("server"), null))
                .isInstanceOf(PkiException.class).hasMessageContaining("is not a CA certificate")
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("ca"));
    }

    @Test
    void signsTheSeedsCsrKeepingItsSubjectAndSans() {
        Path ws = dir.resolve("csr-sign");
        Workspace workspace = Workspace.open(ws);
        workspace.importCa(Workspace.CA, CaImport.fromPem(external.resolve("ca.pem"), external.resolve("ca.key"), null),
                false, null);
        SigningRequest request = SigningRequest.read(external.resolve("server.csr"));
        assertThat(request.subjectAltNames()).containsExactly(SubjectAltName.dns("localhost"), SubjectAltName.ip("127.0.0.1"));
        Credential signed = workspace.signRequest("server", request, Role.SERVER, Validity.days(365), List.of(),
                Workspace.CA, false, null);
        assertThat(Files.exists(ws.resolve("server.key"))).isFalse();
        ExternalTool.Result ext = ExternalTool.run(ws, "openssl", "x509", "-in", "server.pem", "-noout", "-subject",
                "-ext", "subjectAltName,extendedKeyUsage,basicConstraints");
        assertThat(ext.output()).contains("CN = localhost", "OU = TI", "DNS:localhost, IP Address:127.0.0.1",
                "TLS Web Server Authentication", "CA:FALSE");
        ExternalTool.Result verify = ExternalTool.run(ws, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "server.pem");
        assertThat(verify.output()).contains("server.pem: OK");
        ExternalTool.Result keyPub = ExternalTool.run(external, "openssl", "pkey", "-in", "server.key", "-pubout");
        ExternalTool.Result certPub = ExternalTool.run(ws, "openssl", "x509", "-in", "server.pem", "-noout", "-pubkey");
        assertThat(keyPub.output()).isEqualTo(certPub.output());
        assertThat(Inspector.certificate(signed.certificate()).extendedKeyUsage()).containsExactly("serverAuth");
    }

    @Test
    void signsACsrAsClientWithExtraSans() {
        Path ws = dir.resolve("csr-client");
        Workspace workspace = io.mtlslab.testing.TestPki.seedWorkspace(ws);
        SigningRequest request = SigningRequest.read(external.resolve("server.csr"));
        Credential signed = workspace.signRequest("robot", request, Role.CLIENT, null,
                List.of(SubjectAltName.uri("spiffe://example.org/robot")), Workspace.CA, false, null);
        assertThat(Inspector.certificate(signed.certificate()).extendedKeyUsage()).containsExactly("clientAuth");
        assertThat(Inspector.certificate(signed.certificate()).subjectAltNames())
                .containsExactly("DNS:localhost", "IP:127.0.0.1", "URI:spiffe://example.org/robot");
    }

    @Test
    void keepsTheRequestsOwnKeyAndNeverDeletesAnotherEvenWithForce() throws Exception {
        Path ws = dir.resolve("csr-keys");
        Workspace workspace = io.mtlslab.testing.TestPki.seedWorkspace(ws);
        SigningRequest request = SigningRequest.read(external.resolve("server.csr"));
        byte[] oldKey = Files.readAllBytes(ws.resolve("server.key"));
        assertThatThrownBy(() -> workspace.signRequest("server", request, Role.SERVER, null, List.of(), Workspace.CA,
                false, null)).isInstanceOf(PkiException.class).hasMessageContaining("already exists");
        Files.delete(ws.resolve("server.pem"));
        assertThatThrownBy(() -> workspace.signRequest("server", request, Role.SERVER, null, List.of(), Workspace.CA,
                false, null)).isInstanceOf(PkiException.class).hasMessageContaining("not the key of this request");
        assertThat(Files.readAllBytes(ws.resolve("server.key"))).isEqualTo(oldKey);
        // --force replaces certificates, never a key: it may be the only copy of the identity's key.
        assertThatThrownBy(() -> workspace.signRequest("server", request, Role.SERVER, null, List.of(), Workspace.CA,
                true, null)).isInstanceOf(PkiException.class).hasMessageContaining("not the key of this request");
        assertThat(Files.readAllBytes(ws.resolve("server.key"))).isEqualTo(oldKey);
        assertThat(ws.resolve("server.pem")).doesNotExist();

        Files.copy(external.resolve("server.key"), ws.resolve("own.key"));
        workspace.signRequest("own", request, Role.SERVER, null, List.of(), Workspace.CA, false, null);
        Credential own = workspace.credential("own", null);
        assertThat(Keys.matches(own.certificate().getPublicKey(), own.privateKey())).isTrue();
    }

    @Test
    void refusesATamperedCsr() throws Exception {
        byte[] der = Files.readAllBytes(external.resolve("server.csr"));
        String pem = new String(der);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] bytes = java.util.Base64.getDecoder().decode(body);
        // flip a byte inside the subject (the CN 'localhost'), leaving the structure intact
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("localhost");
        bytes[at] = (byte) 'L';
        Path tampered = dir.resolve("tampered.csr");
        Files.write(tampered, bytes);
        assertThatThrownBy(() -> SigningRequest.read(tampered)).isInstanceOf(PkiException.class)
                .hasMessageContaining("signature does not verify")
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("csr"));
    }
}
