package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlIssuerTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static X509Certificate revokedClient;
    static Revocation revocation;

    @BeforeAll
    static void revokeTheSeedClient() {
        workspace = TestPki.seedWorkspace(dir);
        revokedClient = workspace.credential(Workspace.CLIENT, null).certificate();
        revocation = CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);
    }

    /**
     * A student's bundle holds the certificate issued first; after a re-issue (or a renewal) and then
     * {@code revoke NAME}, that first certificate must be revoked too: it is still in the student's hands,
     * and it was no longer in any file of the workspace, so nothing could revoke it.
     */
    @Test
    void revokingANameRevokesTheCertificatesItReplacedToo(@TempDir Path other) {
        Workspace ws = TestPki.seedWorkspace(other);
        X509Certificate first = ws.credential(Workspace.CLIENT, null).certificate();
        ws.issue(Workspace.CLIENT, CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TI", "Outro"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, true, null, null);
        X509Certificate second = ws.credential(Workspace.CLIENT, null).certificate();
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());

        List<Revocation> revoked = CrlIssuer.revokeAll(ws, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);

        assertThat(revoked).extracting(Revocation::serialHex)
                .containsExactly(Certificates.serialHex(second), Certificates.serialHex(first));
        X509CRL crl = CrlIssuer.published(ws);
        assertThat(crl.isRevoked(first)).as("the replaced certificate").isTrue();
        assertThat(crl.isRevoked(second)).as("the current certificate").isTrue();
        assertThat(crl.isRevoked(ws.credential(Workspace.SERVER, null).certificate())).isFalse();
        // OpenSSL agrees, with the first certificate kept aside as a student would
        SecureFiles.write(other.resolve("first.pem"), Pem.certificate(first).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ExternalTool.Result result = ExternalTool.run(other, "openssl", "verify", "-crl_check", "-CAfile", "ca.pem",
                "-CRLfile", "crl.pem", "first.pem");
        assertThat(result.output()).contains("certificate revoked");
    }

    /**
     * A new CA in place of the old one: the old CA's CRL is kept aside, not served or printed as the new
     * CA's; the next revocation publishes a CRL the new CA signed, and OpenSSL verifies it.
     */
    @Test
    void replacingTheCaRetiresTheOldCasCrlAndRecords(@TempDir Path other) throws Exception {
        Workspace ws = TestPki.seedWorkspace(other);
        CrlIssuer.revoke(ws, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);
        String oldCrl = java.nio.file.Files.readString(ws.crlFile());

        ws.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA).subject(SubjectName.seed("TI", "MinhaCA"))
                .keyType(KeyType.EC_P256).build(), true, null);

        assertThat(ws.crlFile()).doesNotExist();
        List<Path> kept;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(other)) {
            kept = files.filter(f -> f.getFileName().toString().startsWith("replaced-ca-")).toList();
        }
        assertThat(kept).extracting(f -> f.getFileName().toString().replaceFirst("replaced-ca-\\d{8}-\\d{6}-", ""))
                .containsExactly("crl.pem");
        assertThat(java.nio.file.Files.readString(kept.stream().filter(f -> f.toString().endsWith("crl.pem")).findFirst()
                .orElseThrow())).isEqualTo(oldCrl);

        Workspace reopened = Workspace.open(other);
        // what the old CA issued is no longer shown as valid, cannot be revoked by the new CA, and renews from it
        IdentityEntry orphan = reopened.identity(Workspace.SERVER).orElseThrow();
        assertThat(IdentityStatus.of(orphan, reopened.identities(), java.time.Instant.now()))
                .isEqualTo(IdentityStatus.CA_REPLACED);
        assertThatThrownBy(() -> CrlIssuer.revoke(reopened, Workspace.SERVER, RevocationReason.UNSPECIFIED, null))
                .isInstanceOf(PkiException.class);
        Renewal.renew(reopened, Workspace.SERVER, new Renewal.Request(365, false, false), null, null);
        Workspace renewed = Workspace.open(other);
        assertThat(IdentityStatus.of(renewed.identity(Workspace.SERVER).orElseThrow(), renewed.identities(),
                java.time.Instant.now())).isEqualTo(IdentityStatus.VALID);
        assertThat(ExternalTool.run(other, "openssl", "verify", "-CAfile", "ca.pem", "server.pem").output())
                .contains("server.pem: OK");
        reopened.issue("novo", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TI", "Novo"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
        CrlIssuer.revoke(reopened, "novo", RevocationReason.UNSPECIFIED, null);
        ExternalTool.Result verify = ExternalTool.run(other, "openssl", "crl", "-in", "crl.pem", "-CAfile", "ca.pem",
                "-verify", "-noout");
        assertThat(verify.output()).contains("verify OK");
        assertThat(CrlIssuer.published(reopened).isRevoked(reopened.credential("novo", null).certificate())).isTrue();
    }

    @Test
    void opensslAcceptsTheCrlSignatureOfTheCa() {
        ExternalTool.Result result = ExternalTool.run(dir, "openssl", "crl", "-in", "crl.pem", "-CAfile", "ca.pem",
                "-verify", "-noout");
        assertThat(result.output()).contains("verify OK");
        assertThat(result.ok()).isTrue();
    }

    @Test
    void opensslVerifyReportsTheRevokedClientAsRevokedAndTheServerAsValid() {
        ExternalTool.Result client = ExternalTool.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca.pem",
                "-CRLfile", "crl.pem", "client.pem");
        assertThat(client.output()).contains("certificate revoked");
        assertThat(client.ok()).isFalse();
        ExternalTool.Result server = ExternalTool.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca.pem",
                "-CRLfile", "crl.pem", "server.pem");
        assertThat(server.output()).contains("server.pem: OK");
        assertThat(server.ok()).isTrue();
    }

    @Test
    void crlListsTheSerialWithReasonNumberAndAuthorityKeyIdentifier() throws Exception {
        X509CRL crl = CrlIssuer.published(workspace);
        X509CRLEntry entry = crl.getRevokedCertificate(revokedClient.getSerialNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificates()).hasSize(1);
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(workspace.caCertificate().getSubjectX500Principal());
        byte[] number = ASN1OctetString.getInstance(crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets();
        assertThat(ASN1Integer.getInstance(number).getValue()).isEqualTo(BigInteger.ONE);
        assertThat(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        crl.verify(workspace.caCertificate().getPublicKey());

        ExternalTool.Result text = ExternalTool.run(dir, "openssl", "crl", "-in", "crl.pem", "-noout", "-text");
        assertThat(text.output()).contains("Key Compromise", "X509v3 CRL Number",
                revokedClient.getSerialNumber().toString(16).toUpperCase(Locale.ROOT).substring(0, 8));
    }

    @Test
    void indexRecordsTheRevocationAcrossReopening() {
        Workspace reopened = Workspace.open(dir);
        assertThat(reopened.identity(Workspace.CLIENT).orElseThrow().revoked()).isTrue();
        assertThat(reopened.identity(Workspace.SERVER).orElseThrow().revoked()).isFalse();
        assertThat(CrlIssuer.revocations(reopened)).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("client");
            assertThat(r.serialHex()).isEqualTo(Certificates.serialHex(revokedClient));
            assertThat(r.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
            assertThat(r.revokedAt()).isEqualTo(revocation.revokedAt());
        });
        assertThat(CrlIssuer.isRevoked(reopened, Certificates.serialHex(revokedClient))).isTrue();
    }

    @Test
    void refusesToRevokeTwiceTheRootCaOrAnUnknownName() {
        assertThatThrownBy(() -> CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.UNSPECIFIED, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("already revoked");
        assertThatThrownBy(() -> CrlIssuer.revoke(workspace, Workspace.CA, RevocationReason.UNSPECIFIED, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("root CA");
        assertThatThrownBy(() -> CrlIssuer.revoke(workspace, "nobody", RevocationReason.UNSPECIFIED, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("no identity 'nobody'");
    }

    @Test
    void parsesReasonsByTheirRfcNamesAndRejectsOthers() {
        assertThat(RevocationReason.parse("keyCompromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.parse("cessation-of-operation")).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(RevocationReason.parse("CACOMPROMISE")).isEqualTo(RevocationReason.CA_COMPROMISE);
        assertThatThrownBy(() -> RevocationReason.parse("lost"))
                .isInstanceOf(PkiException.class).hasMessageContaining("lost")
                .extracting(e -> ((PkiException) e).fix()).asString().contains("superseded");
    }

    @Test
    void republishingKeepsTheEntriesAndIncreasesTheCrlNumber(@TempDir Path other) {
        Workspace fresh = TestPki.seedWorkspace(other);
        X509CRL empty = CrlIssuer.publish(fresh, null);
        assertThat(empty.getRevokedCertificates()).isNull();
        CrlIssuer.revoke(fresh, Workspace.SERVER, RevocationReason.CESSATION_OF_OPERATION, null);
        X509CRL again = CrlIssuer.publish(fresh, null);
        assertThat(again.getRevokedCertificates()).hasSize(1);
        byte[] number = ASN1OctetString.getInstance(again.getExtensionValue(Extension.cRLNumber.getId())).getOctets();
        assertThat(ASN1Integer.getInstance(number).getValue()).isEqualTo(BigInteger.valueOf(3));
    }
}
