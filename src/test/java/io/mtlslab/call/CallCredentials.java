package io.mtlslab.call;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Every credential the failing-handshake tests need, issued once (EC keys): the seed workspace plus
 * look-alikes, expired and future certificates, wrong roles, and revoked ones with a CRL.
 */
final class CallCredentials {

    final Workspace workspace;
    final Credential ca;
    final Credential server;
    final Credential client;
    final Credential rogueCa;          // same subject as the real CA, other key
    final Credential otherCa;          // CN=Rogue CA
    final Credential clientFromRogue;
    final Credential clientFromOther;
    final Credential expiredClient;
    final Credential futureClient;
    final Credential serverAsClient;   // EKU serverAuth only
    final Credential selfSignedClient; // same subject as the real client
    final Credential expiredServer;
    final Credential futureServer;
    final Credential clientAsServer;   // EKU clientAuth only
    final Credential selfSignedServer;
    final Credential serverWithoutLocalhost;
    final Credential revokedClient;
    final Credential revokedServer;
    final Credential intermediate;     // CN=Intermediaria, signed by the workspace CA
    final Credential clientBelowIntermediate;
    final X509CRL crl;
    final X509CRL crlRevokingIntermediate; // the workspace CA's CRL naming CN=Intermediaria
    final Credential serverBelowIntermediate;

    CallCredentials(Path dir) throws Exception {
        workspace = TestPki.seedWorkspace(dir);
        ca = workspace.credential(Workspace.CA, null);
        server = workspace.credential(Workspace.SERVER, null);
        client = workspace.credential(Workspace.CLIENT, null);
        rogueCa = CertificateIssuer.createRootCa(caSpec(SubjectName.seed("TI", "MinhaCA")));
        otherCa = CertificateIssuer.createRootCa(caSpec(SubjectName.seed("TI", "Rogue CA")));
        clientFromRogue = CertificateIssuer.issue(clientSpec("Cliente", null), rogueCa);
        clientFromOther = CertificateIssuer.issue(clientSpec("Cliente", null), otherCa);
        Instant now = Instant.now();
        expiredClient = CertificateIssuer.issue(clientSpec("Expirado",
                new Validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))), ca);
        futureClient = CertificateIssuer.issue(clientSpec("Futuro",
                new Validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))), ca);
        serverAsClient = server;
        selfSignedClient = CertificateIssuer.selfSignedLeaf(clientSpec("Cliente", null));
        expiredServer = CertificateIssuer.issue(serverSpec(
                new Validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))), null), ca);
        futureServer = CertificateIssuer.issue(serverSpec(
                new Validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))), null), ca);
        clientAsServer = CertificateIssuer.issue(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("TI", "localhost")).keyType(KeyType.EC_P256)
                .subjectAltName(SubjectAltName.dns("localhost")).build(), ca);
        selfSignedServer = CertificateIssuer.selfSignedLeaf(serverSpec(null, null));
        serverWithoutLocalhost = CertificateIssuer.issue(serverSpec(null, SubjectAltName.dns("api.example.com")), ca);
        revokedClient = CertificateIssuer.issue(clientSpec("Revogado", null), ca);
        revokedServer = CertificateIssuer.issue(serverSpec(null, null), ca);
        intermediate = CertificateIssuer.issue(CertificateSpec.builder(Role.INTERMEDIATE_CA)
                .subject(SubjectName.seed("TI", "Intermediaria")).keyType(KeyType.EC_P256).build(), ca);
        clientBelowIntermediate = CertificateIssuer.issue(clientSpec("Cliente", null), intermediate);
        crl = crl(ca, revokedClient.certificate().getSerialNumber(), revokedServer.certificate().getSerialNumber());
        crlRevokingIntermediate = crl(ca, intermediate.certificate().getSerialNumber());
        serverBelowIntermediate = CertificateIssuer.issue(serverSpec(null, null), intermediate);
        Files.writeString(workspace.crlFile(), "-----BEGIN X509 CRL-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(crl.getEncoded())
                + "\n-----END X509 CRL-----\n");
    }

    private static CertificateSpec caSpec(SubjectName subject) {
        return CertificateSpec.builder(Role.ROOT_CA).subject(subject).keyType(KeyType.EC_P256).build();
    }

    private static CertificateSpec clientSpec(String cn, Validity validity) {
        CertificateSpec.Builder builder = CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", cn)).keyType(KeyType.EC_P256);
        if (validity != null) {
            builder.validity(validity);
        }
        return builder.build();
    }

    private static CertificateSpec serverSpec(Validity validity, SubjectAltName onlySan) {
        CertificateSpec.Builder builder = CertificateSpec.builder(Role.SERVER)
                .subject(SubjectName.seed("TI", "localhost")).keyType(KeyType.EC_P256);
        if (validity != null) {
            builder.validity(validity);
        }
        if (onlySan != null) {
            builder.subjectAltName(onlySan);
        }
        return builder.build();
    }

    private static X509CRL crl(Credential issuer, BigInteger... serials) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                io.mtlslab.pki.Certificates.x500Name(issuer.certificate()), now);
        builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.privateKey())));
    }

    X509Certificate caCertificate() {
        return ca.certificate();
    }
}
