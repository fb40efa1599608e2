package io.mtlslab.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo server's CRL: handshakes read a snapshot, the refresher reloads it when the file changes. */
class ServerCrlsTest {

    @TempDir
    Path dir;

    static Credential ca;

    @BeforeAll
    static void issue() {
        ca = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
    }

    @Test
    void handshakesReadTheLoadedSnapshotAndNeverTheFile() throws Exception {
        Path file = dir.resolve("crl.pem");
        ServerCrls crls = ServerCrls.watch(file, List.of(ca.certificate()));
        assertThat(crls.get()).isEmpty();

        writeCrl(file, BigInteger.TEN);
        assertThat(crls.get()).as("before the refresher looked").isEmpty();

        crls.refresh();
        assertThat(crls.get()).singleElement().satisfies(crl -> assertThat(revokes(crl, BigInteger.TEN)).isTrue());
    }

    @Test
    void reloadsAFileReplacedWithTheSameModifiedTime() throws Exception {
        Path file = dir.resolve("crl.pem");
        writeCrl(file, BigInteger.ONE);
        FileTime time = Files.getLastModifiedTime(file);
        ServerCrls crls = ServerCrls.watch(file, List.of(ca.certificate()));
        List<X509CRL> first = crls.get();

        // An atomic replace within the file system's time resolution: same mtime, other file.
        Path next = dir.resolve("crl.pem.tmp");
        writeCrl(next, BigInteger.ONE, BigInteger.TWO);
        Files.setLastModifiedTime(next, time);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        crls.refresh();

        assertThat(crls.get()).isNotSameAs(first).singleElement()
                .satisfies(crl -> assertThat(revokes(crl, BigInteger.TWO)).isTrue());
    }

    @Test
    void keepsTheLastGoodCrlWhenTheFileBreaks() throws Exception {
        Path file = dir.resolve("crl.pem");
        writeCrl(file, BigInteger.TEN);
        ServerCrls crls = ServerCrls.watch(file, List.of(ca.certificate()));

        Files.writeString(file, "-----BEGIN X509 CRL-----\nhalf written");
        crls.refresh();

        assertThat(crls.get()).singleElement().satisfies(crl -> assertThat(revokes(crl, BigInteger.TEN)).isTrue());
    }

    private static boolean revokes(X509CRL crl, BigInteger serial) {
        return crl.getRevokedCertificate(serial) != null;
    }

    private static void writeCrl(Path file, BigInteger... serials) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(Certificates.x500Name(ca.certificate()), now);
        builder.setNextUpdate(new Date(now.getTime() + Duration.ofDays(7).toMillis()));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey()))));
        }
        Files.writeString(file, pem.toString());
    }
}
