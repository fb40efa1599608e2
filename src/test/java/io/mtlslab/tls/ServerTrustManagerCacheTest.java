package io.mtlslab.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.testing.Await;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trust manager's cache of trusted chains: hits, and the two things that must end a hit. */
class ServerTrustManagerCacheTest {

    static Credential ca;
    static Credential client;

    @BeforeAll
    static void issue() {
        ca = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
        client = client(null);
    }

    private static Credential client(Validity validity) {
        CertificateSpec.Builder spec = CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256);
        if (validity != null) {
            spec.validity(validity);
        }
        return CertificateIssuer.issue(spec.build(), ca);
    }

    private static X509Certificate[] chain(Credential identity) {
        return identity.tlsChain().toArray(X509Certificate[]::new);
    }

    private static ServerTrustManager trustManager(AtomicReference<List<X509CRL>> crls) {
        return ServerTrustManager.create(List.of(ca.certificate()), List.of(ca.certificate()), crls::get, false);
    }

    @Test
    void answersARepeatedTrustedChainFromTheCache() {
        ServerTrustManager trust = trustManager(new AtomicReference<>(List.of()));

        assertThat(trust.check(chain(client), "EC", null).trusted()).isTrue();
        assertThat(trust.check(chain(client), "EC", null).trusted()).isTrue();

        assertThat(trust.cacheHits()).isEqualTo(1);
    }

    @Test
    void neverCachesARefusal() {
        ServerTrustManager trust = trustManager(new AtomicReference<>(List.of()));
        Credential rogue = CertificateIssuer.selfSignedLeaf(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256).build());

        assertThat(trust.check(chain(rogue), "EC", null).trusted()).isFalse();
        assertThat(trust.check(chain(rogue), "EC", null).firstFinding().code()).isEqualTo(ServerCertificateFinding.UNKNOWN_CA);
        assertThat(trust.cacheHits()).isZero();
    }

    @Test
    void checksACachedChainAgainWhenTheCrlChanges() throws Exception {
        AtomicReference<List<X509CRL>> crls = new AtomicReference<>(List.of());
        ServerTrustManager trust = trustManager(crls);
        assertThat(trust.check(chain(client), "EC", null).trusted()).isTrue();

        crls.set(List.of(crlRevoking(client.certificate().getSerialNumber())));
        ServerCertificateCheck after = trust.check(chain(client), "EC", null);

        assertThat(after.trusted()).isFalse();
        assertThat(after.firstFinding().reason()).startsWith("revoked: serial " + Certificates.serialHex(client.certificate()));
    }

    @Test
    void neverTrustsACachedChainPastItsNotAfter() {
        Instant now = Instant.now();
        Credential shortLived = client(new Validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofSeconds(3))));
        Instant notAfter = shortLived.certificate().getNotAfter().toInstant();
        ServerTrustManager trust = trustManager(new AtomicReference<>(List.of()));
        ServerCertificateCheck first = trust.check(chain(shortLived), "EC", null);
        Assumptions.assumeTrue(first.trusted() && Instant.now().isBefore(notAfter),
                "the machine took longer than the certificate's 3-second life to check it once");

        // a whole millisecond past it: the JDK's validity check reads the clock in milliseconds and
        // counts notAfter itself as valid, so within notAfter's own millisecond the chain is rightly trusted
        Await.until("the certificate's notAfter to pass", () -> Instant.now().isAfter(notAfter.plusMillis(1)));
        ServerCertificateCheck after = trust.check(chain(shortLived), "EC", null);

        assertThat(after.trusted()).isFalse();
        assertThat(after.firstFinding().code()).isEqualTo(ServerCertificateFinding.EXPIRED);
    }

    private static X509CRL crlRevoking(BigInteger serial) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(Certificates.x500Name(ca.certificate()), now);
        builder.setNextUpdate(new Date(now.getTime() + Duration.ofDays(7).toMillis()));
        builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(ca.privateKey())));
    }
}
