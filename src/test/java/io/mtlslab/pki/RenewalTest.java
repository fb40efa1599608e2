package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        workspace.issue("aluno1", CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("TURMA1", "Aluno Um").withEmail("aluno1@example.com"))
                .subjectAltName(SubjectAltName.uri("spiffe://example.org/aluno1"))
                .keyType(KeyType.EC_P256).days(10).build(), Workspace.CA, false, null, null);
    }

    @Test
    void keepsSubjectAndSansAndChangesSerialAndValidity() {
        X509Certificate before = workspace.credential(Workspace.SERVER, null).certificate();
        Renewal.Result result = Renewal.renew(workspace, Workspace.SERVER, new Renewal.Request(800, false, false),
                null, null);
        X509Certificate after = Pem.readCertificate(workspace.certificateFile(Workspace.SERVER));

        assertThat(after).isEqualTo(result.renewed().certificate());
        assertThat(after.getSubjectX500Principal()).isEqualTo(before.getSubjectX500Principal());
        assertThat(Renewal.subjectAltNames(after)).containsExactlyInAnyOrderElementsOf(Renewal.subjectAltNames(before));
        assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        assertThat(result.oldSerialHex()).isEqualTo(Certificates.serialHex(before));
        assertThat(after.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(799)));
        assertThat(after.getPublicKey()).isEqualTo(before.getPublicKey());
        assertThat(result.revocation()).isNull();
        assertThat(workspace.identity(Workspace.SERVER).orElseThrow().serialHex()).isEqualTo(Certificates.serialHex(after));

        ExternalTool.Result verify = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "-purpose", "sslserver", "server.pem");
        assertThat(verify.output()).contains("server.pem: OK");
    }

    @Test
    void newKeyAndRevokeOldLeaveTheOldCertificateRevokedAsSuperseded() throws Exception {
        X509Certificate before = workspace.credential("aluno1", null).certificate();
        Files.copy(workspace.certificateFile("aluno1"), dir.resolve("aluno1-old.pem"));
        Renewal.Result result = Renewal.renew(workspace, "aluno1", new Renewal.Request(30, true, true), null, null);
        X509Certificate after = result.renewed().certificate();

        assertThat(after.getPublicKey()).isNotEqualTo(before.getPublicKey());
        assertThat(Certificates.subject(after)).isEqualTo(Certificates.subject(before));
        assertThat(Renewal.subjectAltNames(after)).contains(SubjectAltName.uri("spiffe://example.org/aluno1"),
                SubjectAltName.email("aluno1@example.com"));
        assertThat(result.revocation().reason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(result.revocation().serialHex()).isEqualTo(Certificates.serialHex(before));
        assertThat(workspace.identity("aluno1").orElseThrow().revoked()).isFalse();
        assertThat(Pem.readPrivateKey(workspace.keyFile("aluno1"), null)).isEqualTo(result.renewed().privateKey());

        ExternalTool.Result old = ExternalTool.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca.pem",
                "-CRLfile", "crl.pem", "aluno1-old.pem");
        assertThat(old.output()).contains("certificate revoked");
        ExternalTool.Result renewed = ExternalTool.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "ca.pem",
                "-CRLfile", "crl.pem", "aluno1.pem");
        assertThat(renewed.output()).contains("aluno1.pem: OK");
        ExternalTool.Result reason = ExternalTool.run(dir, "openssl", "crl", "-in", "crl.pem", "-noout", "-text");
        assertThat(reason.output()).contains("Superseded");
    }

    @Test
    void refusesTheRootCaAndABadNumberOfDays() {
        assertThatThrownBy(() -> Renewal.renew(workspace, Workspace.CA, new Renewal.Request(30, false, false), null, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("root CA");
        assertThatThrownBy(() -> new Renewal.Request(0, false, false))
                .isInstanceOf(PkiException.class).extracting(e -> ((PkiException) e).field()).isEqualTo("days");
    }
    /** Renewing would drop an otherName (e.g. a Windows UPN) silently: refuse, and keep the old files. */
    @Test
    void refusesToRenewACertificateWhoseNamesItCannotIssue() throws Exception {
        Credential ca = workspace.credential(Workspace.CA, null);
        java.security.KeyPair keys = KeyType.EC_P256.generate();
        org.bouncycastle.asn1.x509.GeneralName upn = new org.bouncycastle.asn1.x509.GeneralName(
                org.bouncycastle.asn1.x509.GeneralName.otherName, new org.bouncycastle.asn1.DERSequence(
                        new org.bouncycastle.asn1.ASN1Encodable[] {
                            new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"),
                            new org.bouncycastle.asn1.DERTaggedObject(true, 0,
                                    new org.bouncycastle.asn1.DERUTF8String("robo@example.com"))}));
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(Certificates.x500Name(ca.certificate()),
                java.math.BigInteger.valueOf(777), new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                new org.bouncycastle.asn1.x500.X500Name("CN=robo"), keys.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
                new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName[] {
                    new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.dNSName, "robo.example"),
                    upn}));
        X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
        workspace.store("robo", Role.CLIENT, Workspace.CA, new Credential(certificate, keys.getPrivate(), ca.fullChain()), null);
        byte[] before = Files.readAllBytes(workspace.certificateFile("robo"));

        assertThatThrownBy(() -> Renewal.renew(workspace, "robo", new Renewal.Request(30, false, false), null, null))
                .isInstanceOfSatisfying(PkiException.class, e -> {
                    assertThat(e.code()).isEqualTo("sanNotReissuable");
                    assertThat(e.getMessage()).contains("otherName");
                });
        assertThat(Files.readAllBytes(workspace.certificateFile("robo"))).isEqualTo(before);
    }
}
