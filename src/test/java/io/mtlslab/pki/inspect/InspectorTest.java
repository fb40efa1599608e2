package io.mtlslab.pki.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.SeedCsrConfigs;
import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static Credential client;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        client = workspace.issue("alice", CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Alice").withEmail("alice@example.com"))
                .subjectAltName(SubjectAltName.uri("spiffe://example.org/alice"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
    }

    @Test
    void decodesEveryFieldOfAServerCertificate() {
        InspectedFile file = Inspector.inspect(dir.resolve("server.pem"), null);
        assertThat(file.kind()).isEqualTo(InspectedFile.Kind.CERTIFICATE);
        assertThat(file.encoding()).isEqualTo("PEM");
        CertificateDetails cert = file.certificates().get(0);
        assertThat(cert.subject()).isEqualTo("C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=TI, CN=localhost");
        assertThat(cert.issuer()).endsWith("CN=MinhaCA");
        assertThat(cert.subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
        assertThat(cert.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(cert.keyUsage()).containsExactly("digitalSignature");
        assertThat(cert.ca()).isFalse();
        assertThat(cert.subjectKeyId()).matches("([0-9A-F]{2}:)+[0-9A-F]{2}");
        assertThat(cert.authorityKeyId()).isEqualTo(Inspector.inspect(dir.resolve("ca.pem"), null)
                .certificates().get(0).subjectKeyId());
        assertThat(new BigInteger(cert.serialHex(), 16)).isEqualTo(new BigInteger(cert.serialDecimal()));
        assertThat(cert.sha256Fingerprint()).hasSize(32 * 3 - 1);
        assertThat(cert.sha1Fingerprint()).hasSize(20 * 3 - 1);
        assertThat(cert.publicKey().description()).isEqualTo("EC P-256");
        assertThat(cert.signatureAlgorithm()).isEqualTo("SHA256WITHECDSA");
        assertThat(cert.version()).isEqualTo(3);
        assertThat(cert.extensions()).extracting(ExtensionDetails::name).containsExactlyInAnyOrder(
                "basicConstraints", "keyUsage", "extendedKeyUsage", "subjectAltName", "subjectKeyIdentifier",
                "authorityKeyIdentifier");
        assertThat(cert.extensions()).filteredOn(ExtensionDetails::critical).extracting(ExtensionDetails::name)
                .containsExactlyInAnyOrder("basicConstraints", "keyUsage");
    }

    @Test
    void showsTheSubjectEmailAsEAndTheSanEmailAndUri() {
        CertificateDetails cert = Inspector.certificate(client.certificate());
        assertThat(cert.subject()).endsWith("CN=Alice, E=alice@example.com");
        assertThat(cert.subjectAttributes()).contains(new NameAttribute("E", "1.2.840.113549.1.9.1", "alice@example.com"));
        assertThat(cert.subjectAltNames()).contains("URI:spiffe://example.org/alice", "email:alice@example.com");
        assertThat(cert.extendedKeyUsage()).containsExactly("clientAuth");
    }

    @Test
    void decodesTheCaWithBasicConstraintsAndCaKeyUsage() {
        CertificateDetails ca = Inspector.inspect(dir.resolve("ca.pem"), null).certificates().get(0);
        assertThat(ca.ca()).isTrue();
        assertThat(ca.pathLength()).isNull();
        assertThat(ca.selfSigned()).isTrue();
        assertThat(ca.keyUsage()).containsExactly("keyCertSign", "cRLSign");
        assertThat(ca.authorityKeyId()).isNull();
    }

    @Test
    void detectsDerCertificatesFromTheContent() throws Exception {
        Path der = dir.resolve("server.crt");
        Files.write(der, client.certificate().getEncoded());
        InspectedFile file = Inspector.inspect(der, null);
        assertThat(file.encoding()).isEqualTo("DER");
        assertThat(file.certificates().get(0).subject()).contains("CN=Alice");
    }

    @Test
    void describesKeysWithoutRevealingThem() throws Exception {
        InspectedFile plain = Inspector.inspect(dir.resolve("server.key"), null);
        assertThat(plain.kind()).isEqualTo(InspectedFile.Kind.PRIVATE_KEY);
        assertThat(plain.privateKeys().get(0)).isEqualTo(
                new PrivateKeyDetails(io.mtlslab.text.Message.of("inspect.format.pkcs8"), false, null, true, "EC",
                        "EC P-256", 256));

        Path encrypted = dir.resolve("enc.key");
        writeString(encrypted, Pem.encryptedPrivateKey(client.privateKey(), "s3cret".toCharArray()));
        PrivateKeyDetails locked = Inspector.inspect(encrypted, null).privateKeys().get(0);
        assertThat(locked.encrypted()).isTrue();
        assertThat(locked.readable()).isFalse();
        assertThat(locked.encryption().text()).startsWith("PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC").endsWith(" iterations");
        assertThat(locked.format().text()).isEqualTo("PKCS#8, encrypted");
        // the words of inspect's encryption line follow the language; the algorithm names do not change
        assertThat(locked.encryption().text(io.mtlslab.text.Texts.PT_BR))
                .startsWith("PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC").endsWith(" iterações");
        assertThat(locked.format().text(io.mtlslab.text.Texts.PT_BR)).isEqualTo("PKCS#8, criptografada");
        assertThat(Inspector.inspect(encrypted, "s3cret".toCharArray()).privateKeys().get(0).description())
                .isEqualTo("EC P-256");
        assertThatThrownBy(() -> Inspector.inspect(encrypted, "wrong".toCharArray()))
                .isInstanceOf(PkiException.class).extracting(e -> ((PkiException) e).field()).isEqualTo("password");
    }

    @Test
    void givesTheSameCertificatesFromPemDerAndPkcs12() throws Exception {
        Path der = dir.resolve("alice.der");
        Files.write(der, client.certificate().getEncoded());
        Path p12 = dir.resolve("alice-certs.p12");
        Files.write(p12, Pkcs12.write(client, "alice", "changeit".toCharArray(), Pkcs12.Encryption.MODERN));

        assertThat(Inspector.certificates(dir.resolve("alice.pem"), null)).containsExactly(client.certificate());
        assertThat(Inspector.certificates(der, null)).containsExactly(client.certificate());
        assertThat(Inspector.certificates(p12, "changeit".toCharArray())).startsWith(client.certificate());
        assertThatThrownBy(() -> Inspector.certificates(dir.resolve("alice.key"), null))
                .isInstanceOf(PkiException.class).hasMessageContaining("holds no certificate");
    }

    @Test
    void readsAModernPkcs12WithItsPassword() throws Exception {
        Path p12 = dir.resolve("alice.p12");
        Files.write(p12, Pkcs12.write(client, "alice", "changeit".toCharArray(), Pkcs12.Encryption.MODERN));
        InspectedFile file = Inspector.inspect(p12, "changeit".toCharArray());
        assertThat(file.kind()).isEqualTo(InspectedFile.Kind.PKCS12);
        assertThat(file.certificates()).extracting(CertificateDetails::subject)
                .anyMatch(s -> s.contains("CN=Alice")).anyMatch(s -> s.contains("CN=MinhaCA"));
        assertThat(file.pkcs12().macAlgorithm()).isEqualTo("SHA-256");
        assertThat(file.pkcs12().encryption()).extracting(io.mtlslab.text.Message::text)
                .allMatch(e -> e.contains("AES-256-CBC") && e.contains("HMAC-SHA256"));
        assertThat(file.pkcs12().encryption()).extracting(m -> m.text(io.mtlslab.text.Texts.PT_BR))
                .anyMatch(e -> e.startsWith("chave: PBES2")).anyMatch(e -> e.startsWith("certificados: PBES2"));
        assertThat(file.pkcs12().keyMatchesCertificate()).isTrue();
        assertThat(file.pkcs12().friendlyNames()).contains("alice");

        assertThatThrownBy(() -> Inspector.inspect(p12, "nope".toCharArray())).isInstanceOf(PkiException.class)
                .hasMessageContaining("wrong password").extracting(e -> ((PkiException) e).field()).isEqualTo("password");
        assertThatThrownBy(() -> Inspector.inspect(p12, null)).isInstanceOf(PkiException.class)
                .hasMessageContaining("protected by a password");
    }

    @Test
    void decodesACrlWithItsRevokedSerialsAndReasons() throws Exception {
        Credential ca = workspace.credential(Workspace.CA, null);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(ca.certificate()).getSubject(),
                new Date());
        builder.setNextUpdate(new Date(System.currentTimeMillis() + 86_400_000L));
        builder.addCRLEntry(client.certificate().getSerialNumber(), new Date(), CRLReason.keyCompromise);
        builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(7));
        X509CRLHolder crl = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey()));
        Path file = dir.resolve("crl.pem");
        writeString(file, "-----BEGIN X509 CRL-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(crl.getEncoded())
                + "\n-----END X509 CRL-----\n");
        CrlDetails details = Inspector.inspect(file, null).crls().get(0);
        assertThat(details.issuer()).endsWith("CN=MinhaCA");
        assertThat(details.crlNumber()).isEqualTo("7");
        assertThat(details.revoked()).singleElement().satisfies(entry -> {
            assertThat(entry.serialHex()).isEqualTo(Certificates.serialHex(client.certificate()));
            assertThat(entry.reason()).isEqualTo("keyCompromise");
        });
        Path der = dir.resolve("crl.der");
        Files.write(der, crl.getEncoded());
        assertThat(Inspector.inspect(der, null).kind()).isEqualTo(InspectedFile.Kind.CRL);
    }

    @Test
    void decodesACsrMadeByOpensslWithTheSeedsConfig() throws Exception {
        Path work = Files.createDirectories(dir.resolve("csr"));
        writeString(work.resolve("server_cert_ext.cnf"), SeedCsrConfigs.SERVER);
        ExternalTool.Result key = ExternalTool.run(work, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-out", "server.key");
        assertThat(key.ok()).as(key.output()).isTrue();
        ExternalTool.Result req = ExternalTool.run(work, "openssl", "req", "-new", "-key", "server.key", "-out",
                "server.csr", "-config", "server_cert_ext.cnf");
        assertThat(req.ok()).as(req.output()).isTrue();
        InspectedFile file = Inspector.inspect(work.resolve("server.csr"), null);
        assertThat(file.kind()).isEqualTo(InspectedFile.Kind.CSR);
        CsrDetails csr = file.requests().get(0);
        assertThat(csr.subject()).isEqualTo("C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=TI, CN=localhost");
        assertThat(csr.subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1");
        assertThat(csr.signatureValid()).isTrue();

        ExternalTool.Result der = ExternalTool.run(work, "openssl", "req", "-in", "server.csr", "-outform", "DER",
                "-out", "server.csr.der");
        assertThat(der.ok()).isTrue();
        assertThat(Inspector.inspect(work.resolve("server.csr.der"), null).kind()).isEqualTo(InspectedFile.Kind.CSR);
    }

    @Test
    void showsUnknownExtensionsByOidAndHex() throws Exception {
        Path work = Files.createDirectories(dir.resolve("unknown"));
        writeString(work.resolve("ext.cnf"), "[ext]\n1.2.3.4.5 = ASN1:UTF8String:hello\nbasicConstraints=critical,CA:FALSE\n");
        ExternalTool.Result made = ExternalTool.run(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-subj", "/CN=x/emailAddress=x@y.z",
                "-days", "1", "-extensions", "ext", "-config", "ext.cnf");
        assertThat(made.ok()).as(made.output()).isTrue();
        CertificateDetails cert = Inspector.inspect(work.resolve("c.pem"), null).certificates().get(0);
        assertThat(cert.extensions()).contains(new ExtensionDetails("1.2.3.4.5", "1.2.3.4.5", false,
                List.of("hex:" + "0c0568656c6c6f")));
        assertThat(cert.subject()).isEqualTo("CN=x, E=x@y.z");
    }

    @Test
    void failsWithTheFileFieldOnGarbageOrCorruptPem() throws Exception {
        Path garbage = dir.resolve("garbage.bin");
        Files.write(garbage, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Inspector.inspect(garbage, null)).isInstanceOf(PkiException.class)
                .extracting(e -> ((PkiException) e).field()).isEqualTo("file");
        Path corrupt = dir.resolve("corrupt.pem");
        writeString(corrupt, "-----BEGIN CERTIFICATE-----\nMIIBzzCCAXWgAwIBAgIQ\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> Inspector.inspect(corrupt, null)).isInstanceOf(PkiException.class)
                .hasMessageContaining("not valid PEM");
    }

    static void writeString(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
