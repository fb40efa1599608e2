package io.mtlslab.pki.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.lint.Finding.Severity;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static Credential ca;
    static Credential server;
    static Credential client;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        ca = workspace.credential(Workspace.CA, null);
        server = workspace.credential(Workspace.SERVER, null);
        client = workspace.credential(Workspace.CLIENT, null);
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void theSeedSetIsClean() {
        assertThat(Lint.check(LintRequest.of(server.certificate()).withKey(server.privateKey())
                .withAnchors(List.of(ca.certificate())).withRole(Role.SERVER).withHost("localhost"))).isEmpty();
        assertThat(Lint.check(LintRequest.of(server.certificate()).withAnchors(List.of(ca.certificate()))
                .withHost("::1"))).isEmpty();
        assertThat(Lint.check(LintRequest.of(client.certificate()).withKey(client.privateKey())
                .withAnchors(List.of(ca.certificate())).withRole(Role.CLIENT))).isEmpty();
        assertThat(Lint.check(LintRequest.of(ca.certificate()).withRole(Role.ROOT_CA))).isEmpty();
    }

    @Test
    void serverCertificateUsedAsClientIsAnEkuError() {
        List<Finding> findings = Lint.check(LintRequest.of(server.certificate()).withRole(Role.CLIENT)
                .withAnchors(List.of(ca.certificate())));
        assertThat(codes(findings)).containsExactly("wrong-eku");
        assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(findings.get(0).what()).contains("clientAuth");
    }

    @Test
    void hostOutsideTheSansIsAnError() {
        List<Finding> findings = Lint.check(LintRequest.of(server.certificate()).withAnchors(List.of(ca.certificate()))
                .withHost("api.example.com"));
        assertThat(codes(findings)).containsExactly("host-not-covered");
        assertThat(findings.get(0).fix()).contains("--san dns:api.example.com");
    }

    @Test
    void cnOnlyServerIsAnError() throws Exception {
        X509Certificate cnOnly = handMade("CN=localhost", ca, "SHA256withECDSA", null, false);
        List<Finding> findings = Lint.check(LintRequest.of(cnOnly).withRole(Role.SERVER)
                .withAnchors(List.of(ca.certificate())));
        assertThat(codes(findings)).containsExactlyInAnyOrder("cn-only", "missing-aki", "missing-ski");
    }

    @Test
    void wrongKeyMissingChainAndSelfSignedLookalikeAreErrors() {
        assertThat(codes(Lint.check(LintRequest.of(server.certificate()).withKey(client.privateKey())
                .withAnchors(List.of(ca.certificate()))))).containsExactly("key-mismatch");
        assertThat(codes(Lint.check(LintRequest.of(server.certificate())))).containsExactly("chain-incomplete");
        Credential rogue = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
        // A trust anchor with the issuer's name but another key: said precisely, with both key ids.
        List<Finding> findings = Lint.check(LintRequest.of(server.certificate()).withAnchors(List.of(rogue.certificate())));
        assertThat(codes(findings)).containsExactly("not-from-this-ca");
        assertThat(findings.get(0).what()).contains(io.mtlslab.pki.Certificates.authorityKeyId(server.certificate()),
                io.mtlslab.pki.Certificates.subjectKeyId(rogue.certificate()));
        Credential lookalike = CertificateIssuer.selfSignedLeaf(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256).build());
        assertThat(codes(Lint.check(LintRequest.of(lookalike.certificate()).withRole(Role.CLIENT))))
                .contains("self-signed");
    }

    @Test
    void validityIsCheckedAgainstTheClock() {
        Credential expired = CertificateIssuer.issue(CertificateSpec.builder(Role.CLIENT).commonName("Old")
                .keyType(KeyType.EC_P256).validity(new Validity(Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2021-01-01T00:00:00Z"))).build(), ca);
        assertThat(codes(Lint.check(LintRequest.of(expired.certificate()).withAnchors(List.of(ca.certificate())))))
                .containsExactly("expired");
        assertThat(codes(Lint.check(LintRequest.of(client.certificate()).withAnchors(List.of(ca.certificate()))
                .at(Instant.parse("2000-01-01T00:00:00Z"))))).contains("not-yet-valid");
        assertThat(codes(Lint.check(LintRequest.of(client.certificate()).withAnchors(List.of(ca.certificate()))
                .at(client.certificate().getNotAfter().toInstant().minusSeconds(86_400))))).containsExactly("expires-soon");
    }

    @Test
    void weakRsaKeySha1AndMissingKeyIdsAreReported() throws Exception {
        X509Certificate weak = handMade("CN=weak", null, "SHA1withRSA", 1024, true);
        List<String> codes = codes(Lint.check(LintRequest.of(weak).withRole(Role.SERVER)));
        assertThat(codes).contains("weak-key", "sha1-signature", "missing-ski", "cn-only");
    }

    /** ECDSA-with-SHA-1 is named "ECDSAWITHSHA1" (and RSASSA-PSS "RSAPSS"): only the OIDs tell the digest. */
    @Test
    void sha1UnderEcdsaAndMd5SignaturesAreReportedToo() throws Exception {
        X509Certificate ecdsaSha1 = handMade("CN=ecdsa-sha1", ca, "SHA1withECDSA", null, false);
        List<Finding> findings = Lint.check(LintRequest.of(ecdsaSha1).withAnchors(List.of(ca.certificate())));
        assertThat(findings).filteredOn(finding -> finding.code().equals("sha1-signature"))
                .extracting(Finding::severity).containsExactly(Severity.ERROR);

        X509Certificate md5 = handMade("CN=md5", null, "MD5withRSA", 2048, true);
        assertThat(codes(Lint.check(LintRequest.of(md5).withRole(Role.SERVER)))).contains("md5-signature")
                .doesNotContain("sha1-signature");
    }

    @Test
    void caChecksAndPathLength() {
        assertThat(codes(Lint.check(LintRequest.of(client.certificate()).withRole(Role.ROOT_CA)
                .withAnchors(List.of(ca.certificate()))))).contains("not-a-ca");
        Credential strictRoot = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA).commonName("Root0")
                .keyType(KeyType.EC_P256).pathLength(1).build());
        Credential inter = CertificateIssuer.issue(CertificateSpec.builder(Role.INTERMEDIATE_CA).commonName("I1")
                .keyType(KeyType.EC_P256).build(), strictRoot);
        Credential inter2 = CertificateIssuer.issue(CertificateSpec.builder(Role.INTERMEDIATE_CA).commonName("I2")
                .keyType(KeyType.EC_P256).build(), inter);
        Credential leaf = CertificateIssuer.issue(CertificateSpec.builder(Role.SERVER).commonName("localhost")
                .keyType(KeyType.EC_P256).build(), inter2);
        List<Finding> findings = Lint.check(LintRequest.of(leaf.certificate())
                .withChain(List.of(inter2.certificate(), inter.certificate()))
                .withAnchors(List.of(strictRoot.certificate())));
        assertThat(codes(findings)).containsExactly("path-length");
        assertThat(findings.get(0).what()).contains("CN=Root0", "pathLen 1", "2 CA certificate(s)");
    }

    @Test
    void anIpSanWithANetMaskNamesNoHost() throws Exception {
        // Shown as "IP:0a000001ffffff00", which starts like a host name; a client matches no host against it.
        KeyPair keys = KeyType.EC_P256.generate();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                io.mtlslab.pki.Certificates.x500Name(ca.certificate()), BigInteger.valueOf(78),
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L * 90),
                new X500Name("CN=10.0.0.1"), keys.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
                new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName(
                        org.bouncycastle.asn1.x509.GeneralName.iPAddress, new org.bouncycastle.asn1.DEROctetString(
                                new byte[] {10, 0, 0, 1, (byte) 255, (byte) 255, (byte) 255, 0}))));
        X509Certificate masked = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));

        assertThat(codes(Lint.check(LintRequest.of(masked).withRole(Role.SERVER)
                .withAnchors(List.of(ca.certificate()))))).contains("cn-only");
    }

    @Test
    void everyFindingHasItsWordsInBothLanguages() throws Exception {
        X509Certificate weak = handMade("CN=weak", null, "SHA1withRSA", 1024, true);
        List<Finding> findings = new java.util.ArrayList<>();
        findings.addAll(Lint.check(LintRequest.of(weak).withRole(Role.SERVER).withHost("api.example.com")));
        findings.addAll(Lint.check(LintRequest.of(server.certificate()).withRole(Role.CLIENT).withKey(client.privateKey())));
        findings.addAll(Lint.check(LintRequest.of(client.certificate()).withRole(Role.ROOT_CA)));
        findings.addAll(Lint.check(LintRequest.of(ca.certificate()).withRole(Role.SERVER)));
        assertThat(codes(findings)).contains("weak-key", "sha1-signature", "cn-only", "wrong-eku", "key-mismatch",
                "not-a-ca", "ca-as-leaf", "chain-incomplete", "self-signed");
        for (Finding finding : findings) {
            for (io.mtlslab.text.Message message : List.of(finding.problem(), finding.remedy())) {
                assertThat(io.mtlslab.text.Texts.has(message.key())).as(message.key()).isTrue();
                assertThat(message.text(io.mtlslab.text.Texts.PT_BR)).as(message.key())
                        .isNotEqualTo(message.key()).isNotEqualTo(message.text(java.util.Locale.ENGLISH));
            }
        }
    }

    /** A certificate without the hygiene mTLS Lab adds (no SAN, no SKI/AKI), as hand-made ones often are. */
    static X509Certificate handMade(String subject, Credential issuer, String algorithm, Integer rsaBits, boolean selfSign)
            throws Exception {
        KeyPair keys;
        if (rsaBits != null) {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(rsaBits);
            keys = generator.generateKeyPair();
        } else {
            keys = KeyType.EC_P256.generate();
        }
        X500Name issuerName = selfSign ? new X500Name(subject)
                : io.mtlslab.pki.Certificates.x500Name(issuer.certificate());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(4242),
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L * 90),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
        java.security.PrivateKey signer = selfSign ? keys.getPrivate() : issuer.privateKey();
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(algorithm).build(signer)));
    }
}
