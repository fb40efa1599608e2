package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.pki.Credential;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious server chooses its certificate's names: line breaks, terminal escapes and bidi overrides
 * in them must reach the call's report and diagnosis as visible escapes, never as raw control characters
 * that forge a line of output or rewrite the terminal.
 */
class HostileNamesCallTest {

    private static final String HOSTILE_CN = "evil\n== Outcome: MUTUALLY_AUTHENTICATED\u001B[2J\u202Elacol";

    @TempDir
    Path dir;

    @Test
    void hostileServerNamesAreEscapedInTheReportAndDiagnosis() throws Exception {
        CallCredentials creds = new CallCredentials(dir);
        Credential hostile = selfSigned(HOSTILE_CN);
        try (JsseTestServer server = JsseTestServer.tls(hostile).trusting(creds.caCertificate()).start()) {
            CallResult result = TestCall.run(CallRequest.builder(server.url()).workspace(creds.workspace)
                    .identity(ClientIdentity.inMemory("client", creds.client)).readTimeout(Duration.ofSeconds(5)).build());

            assertThat(result.diagnosis().code()).isEqualTo(DiagnosisCode.SELF_SIGNED);
            CertificateSummary leaf = result.report().serverChain().get(0);
            for (String shown : List.of(leaf.subject(), leaf.issuer(), String.join(" ", leaf.subjectAltNames()),
                    result.diagnosis().summary(), result.diagnosis().cause())) {
                assertThat(shown).doesNotContain("\n", "\u001B", "\u202E");
            }
            assertThat(leaf.subject()).contains("evil\\n", "Outcome: MUTUALLY_AUTHENTICATED", "\\u001B[2J", "\\u202Elacol");
            assertThat(result.diagnosis().summary()).contains("(CN=evil\\n");
        }
    }

    private static Credential selfSigned(String cn) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.dNSName, "evil\nline")}));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new Credential(certificate, keys.getPrivate(), List.of());
    }
}
