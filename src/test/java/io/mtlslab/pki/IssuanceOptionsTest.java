package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.inspect.CertificateDetails;
import io.mtlslab.pki.inspect.Inspector;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every issuance option of P1–P4 with real keys, checked by decoding and by openssl. */
class IssuanceOptionsTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521", "ED25519"})
    void issuesServersWithEveryKeyTypeThatOpensslVerifiesStrictly(KeyType type) {
        String name = "srv-" + type.id();
        Credential issued = workspace.issue(name, CertificateSpec.builder(Role.SERVER)
                .subject(SubjectName.seed("TI", "localhost")).keyType(type).build(), Workspace.CA, false, null, null);
        assertThat(KeyType.of(issued.certificate().getPublicKey())).isEqualTo(type);
        assertThat(Inspector.certificate(issued.certificate()).keyUsage()).containsExactlyElementsOf(
                type.isRsa() ? List.of("digitalSignature", "keyEncipherment") : List.of("digitalSignature"));
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                name + ".pem");
        assertThat(verify.output()).contains(name + ".pem: OK");
        ExternalTool.Result keyPub = ExternalTool.run(dir, "openssl", "pkey", "-in", name + ".key", "-pubout");
        ExternalTool.Result certPub = ExternalTool.run(dir, "openssl", "x509", "-in", name + ".pem", "-noout", "-pubkey");
        assertThat(keyPub.output()).isEqualTo(certPub.output());
    }

    @Test
    void fullSubjectAndEverySanKindAreWritten() {
        Credential client = workspace.issue("spiffe", CertificateSpec.builder(Role.CLIENT)
                .subject(new SubjectName("DE", "Berlin", "Berlin", "Example GmbH", List.of("Dev", "Ops"), "Robot",
                        "robot@example.com"))
                .subjectAltName(SubjectAltName.parse("dns:robot.example.com"))
                .subjectAltName(SubjectAltName.parse("ip:10.0.0.7"))
                .subjectAltName(SubjectAltName.parse("ip:2001:db8::7"))
                .subjectAltName(SubjectAltName.parse("uri:spiffe://example.org/robot"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
        CertificateDetails details = Inspector.certificate(client.certificate());
        assertThat(details.subject()).isEqualTo("C=DE, ST=Berlin, L=Berlin, O=Example GmbH, OU=Dev, OU=Ops, CN=Robot, E=robot@example.com");
        assertThat(details.subjectAltNames()).containsExactly("DNS:robot.example.com", "IP:10.0.0.7",
                "IP:2001:db8:0:0:0:0:0:7", "URI:spiffe://example.org/robot", "email:robot@example.com");
        ExternalTool.Result ext = ExternalTool.run(dir, "openssl", "x509", "-in", "spiffe.pem", "-noout", "-ext",
                "subjectAltName,extendedKeyUsage,keyUsage,basicConstraints");
        assertThat(ext.output()).contains("DNS:robot.example.com", "IP Address:10.0.0.7", "IP Address:2001:DB8:0:0:0:0:0:7",
                "URI:spiffe://example.org/robot", "email:robot@example.com", "TLS Web Client Authentication",
                "Digital Signature", "CA:FALSE");
    }

    @Test
    void caCarriesExactlyTheCaExtensions() {
        ExternalTool.Result ext = ExternalTool.run(dir, "openssl", "x509", "-in", "ca.pem", "-noout", "-ext",
                "basicConstraints,keyUsage,subjectKeyIdentifier,extendedKeyUsage,subjectAltName");
        assertThat(ext.output()).contains("X509v3 Basic Constraints: critical", "CA:TRUE",
                "X509v3 Key Usage: critical", "Certificate Sign, CRL Sign", "X509v3 Subject Key Identifier")
                .doesNotContain("Extended Key Usage", "Subject Alternative Name");
    }

    @Test
    void intermediateChainsVerifyStrictlyAndRespectPathLength() {
        Credential intermediate = workspace.issue("inter", CertificateSpec.builder(Role.INTERMEDIATE_CA)
                .subject(SubjectName.seed("TI", "MinhaCA Intermediate")).keyType(KeyType.EC_P256).pathLength(0).build(),
                Workspace.CA, false, null, null);
        workspace.issue("leaf", CertificateSpec.builder(Role.SERVER).subject(SubjectName.seed("TI", "localhost"))
                .keyType(KeyType.EC_P256).build(), "inter", false, null, null);
        assertThat(workspace.credential("leaf", null).issuers())
                .containsExactly(intermediate.certificate(), workspace.caCertificate());
        assertThat(Pem.readCertificates(workspace.chainFile("leaf"))).hasSize(2);
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "-untrusted", "inter.pem", "leaf.pem");
        assertThat(verify.output()).contains("leaf.pem: OK");
        assertThat(Inspector.certificate(intermediate.certificate()).pathLength()).isZero();
        assertThatThrownBy(() -> workspace.issue("inter2", CertificateSpec.builder(Role.INTERMEDIATE_CA)
                .commonName("Too deep").keyType(KeyType.EC_P256).build(), "inter", false, null, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("pathLen 0");
    }

    @Test
    void explicitValidityMakesExpiredAndNotYetValidCertificates() {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        Instant end = Instant.parse("2021-01-01T00:00:00Z");
        Credential expired = workspace.issue("expired", CertificateSpec.builder(Role.CLIENT).commonName("Old")
                .keyType(KeyType.EC_P256).validity(new Validity(start, end)).build(), Workspace.CA, false, null, null);
        assertThat(expired.certificate().getNotBefore().toInstant()).isEqualTo(start);
        assertThat(expired.certificate().getNotAfter().toInstant()).isEqualTo(end);
        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-CAfile", "ca.pem", "expired.pem");
        assertThat(verify.output()).contains("certificate has expired");
        assertThatThrownBy(() -> new Validity(end, start)).isInstanceOf(PkiException.class)
                .hasMessageContaining("not after its start");
    }

    @Test
    void serialsAreRandomPositiveAndAtLeast64Bits() {
        java.util.Set<java.math.BigInteger> serials = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            java.math.BigInteger serial = CertificateIssuer.randomSerial();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isBetween(64, 127);
            serials.add(serial);
        }
        assertThat(serials).hasSize(200);
    }

    @Test
    void encryptedKeysNeedTheirPasswordAndOpensslOpensThem() {
        workspace.issue("locked", CertificateSpec.builder(Role.CLIENT).commonName("Locked").keyType(KeyType.EC_P256)
                .build(), Workspace.CA, false, "pw-123".toCharArray(), null);
        assertThat(Pem.readText(workspace.keyFile("locked"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(workspace.identity("locked")).get().extracting(IdentityEntry::keyEncrypted).isEqualTo(true);
        assertThatThrownBy(() -> workspace.credential("locked", null)).isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("password"));
        assertThatThrownBy(() -> workspace.credential("locked", "bad".toCharArray())).isInstanceOf(PkiException.class)
                .hasMessageContaining("wrong password");
        ExternalTool.Result pkey = ExternalTool.run(dir, "openssl", "pkey", "-in", "locked.key", "-passin",
                "pass:pw-123", "-noout");
        assertThat(pkey.ok()).as(pkey.output()).isTrue();
    }

    @Test
    void refusesToOverwriteWithoutForce() {
        assertThatThrownBy(() -> workspace.issue(Workspace.SERVER, CertificateSpec.builder(Role.SERVER)
                .commonName("localhost").keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("already exists")
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("force"));
    }

    @Test
    void parsesSansStrictly() {
        assertThatThrownBy(() -> SubjectAltName.parse("ip:999.1.1.1")).isInstanceOf(PkiException.class)
                .hasMessageContaining("0-255");
        assertThatThrownBy(() -> SubjectAltName.parse("dns:bad name")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> SubjectAltName.parse("uri:no-scheme")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> SubjectAltName.parse("email:nope")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> SubjectAltName.parse("x500:foo")).isInstanceOf(PkiException.class)
                .hasMessageContaining("unknown SAN kind");
        assertThat(SubjectAltName.parse("ip:::1").value()).isEqualTo("::1");
    }
}
