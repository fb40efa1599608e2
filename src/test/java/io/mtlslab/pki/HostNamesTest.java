package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one host matcher: wildcards one label deep, IP literals by address, the CN never. */
class HostNamesTest {

    static X509Certificate certificate;

    @BeforeAll
    static void issue() {
        Credential ca = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
        certificate = CertificateIssuer.issue(CertificateSpec.builder(Role.SERVER)
                .subject(SubjectName.seed("TI", "cn-only.example.org")).keyType(KeyType.EC_P256)
                .subjectAltName(SubjectAltName.dns("*.example.com")).subjectAltName(SubjectAltName.dns("localhost"))
                .subjectAltName(SubjectAltName.parse("ip:::1")).subjectAltName(SubjectAltName.parse("ip:127.0.0.1"))
                .build(), ca).certificate();
    }

    @Test
    void namesMatchExactlyOrByOneWildcardLabel() {
        assertThat(HostNames.matches(certificate, "api.example.com")).isTrue();
        assertThat(HostNames.matches(certificate, "API.Example.com.")).isTrue();
        assertThat(HostNames.matches(certificate, "a.b.example.com")).isFalse();
        assertThat(HostNames.matches(certificate, "example.com")).isFalse();
        assertThat(HostNames.matches(certificate, "localhost")).isTrue();
        assertThat(HostNames.matches(certificate, "cn-only.example.org")).as("the CN is never consulted").isFalse();
    }

    @Test
    void ipLiteralsMatchByAddressWithOrWithoutBrackets() {
        assertThat(HostNames.matches(certificate, "[::1]")).isTrue();
        assertThat(HostNames.matches(certificate, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(HostNames.matches(certificate, "127.0.0.1")).isTrue();
        assertThat(HostNames.matches(certificate, "127.0.0.2")).isFalse();
        assertThat(HostNames.isIpLiteral("[::1]")).isTrue();
        assertThat(HostNames.isIpLiteral("999.1.1.1")).as("not an address, so a name").isFalse();
        assertThat(HostNames.isIpLiteral("localhost")).isFalse();
        assertThat(HostNames.of(certificate)).containsExactly("dns:*.example.com", "dns:localhost", "ip:0:0:0:0:0:0:0:1",
                "ip:127.0.0.1");
    }
}
