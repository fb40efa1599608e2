package io.mtlslab.server;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The attackers' and the careless admins' certificates for the echo server tests (EC keys, fast). */
final class TestCredentials {

    private TestCredentials() {
    }

    /** A CA with exactly the real CA's subject but its own key: the rogue CA of the scenario matrix. */
    static Credential rogueCa() {
        return CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
    }

    static Credential client(Credential issuer, Validity validity) {
        CertificateSpec.Builder spec = CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256);
        if (validity != null) {
            spec.validity(validity);
        }
        return CertificateIssuer.issue(spec.build(), issuer);
    }

    static Credential expiredClient(Credential ca) {
        Instant now = Instant.now();
        return client(ca, new Validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
    }

    static Credential notYetValidClient(Credential ca) {
        Instant now = Instant.now();
        return client(ca, new Validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
    }

    static Credential selfSignedLookAlike() {
        return CertificateIssuer.selfSignedLeaf(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256).build());
    }

    /** Writes a PEM CRL signed by {@code ca} that revokes {@code serial}. */
    static void writeCrl(Path file, Credential ca, BigInteger... serials) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(io.mtlslab.pki.Certificates.x500Name(ca.certificate()), now);
        builder.setNextUpdate(new Date(now.getTime() + Duration.ofDays(7).toMillis()));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        X509CRLHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaX509CRLConverter().getCRL(holder));
        } catch (IOException e) {
            throw e;
        }
        Files.writeString(file, pem.toString());
    }
}
