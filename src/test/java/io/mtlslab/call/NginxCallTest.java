package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.CertificateFacts;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.diagnose.Side;
import io.mtlslab.pki.Credential;
import io.mtlslab.testing.NginxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test calls against a real nginx with {@code ssl_verify_client}: nginx completes every handshake and
 * refuses a missing or bad client certificate with HTTP 400, which the call must read as the refusal
 * it is — never as "the server answered, so it accepted our certificate".
 */
class NginxCallTest {

    @TempDir
    static Path dir;
    static CallCredentials creds;

    @TempDir
    Path nginxDir;

    @BeforeAll
    static void issueCredentials() throws Exception {
        creds = new CallCredentials(dir);
    }

    private NginxServer nginx(String verifyClient, Integer depth) throws Exception {
        return NginxServer.start(nginxDir, creds.server, List.of(creds.caCertificate()), verifyClient, depth);
    }

    private static CallResult call(NginxServer nginx, Credential identity) {
        CallRequest.Builder builder = CallRequest.builder(nginx.url()).workspace(creds.workspace)
                .readTimeout(Duration.ofSeconds(5));
        if (identity != null) {
            builder.identity(ClientIdentity.inMemory("client", identity));
        }
        return TestCall.run(builder.build());
    }

    private static void assertRefusedAfterHandshake(CallResult result, DiagnosisCode code) {
        assertThat(result.report().completed()).isTrue();
        assertThat(result.response().status()).isEqualTo(400);
        assertThat(result.diagnosis().code()).isEqualTo(code);
        assertThat(result.diagnosis().side()).isEqualTo(Side.SERVER);
        assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.REFUSED_BY_APPLICATION);
        assertThat(result.outcome().clientAuthenticated()).isEqualTo(CallOutcome.ClientAuthentication.FALSE);
        assertThat(result.report().notes()).noneMatch(note -> note.contains("accepted"));
        assertThat(result.diagnosis().fix()).doesNotContain("check the path and method");
        assertThat(result.diagnosis().elsewhere("curl")).contains("400");
    }

    @Test
    void validClientIsMutuallyAuthenticated() throws Exception {
        try (NginxServer nginx = nginx("on", null)) {
            CallResult result = call(nginx, creds.client);

            assertThat(result.diagnosis()).isNull();
            assertThat(result.response().body()).startsWith("hello ").contains("CN=Cliente");
            assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
            assertThat(result.outcome().clientAuthenticated()).isEqualTo(CallOutcome.ClientAuthentication.TRUE);
            assertThat(result.report().notes()).anyMatch(note -> note.contains("with our certificate"));
        }
    }

    @Test
    void noCertificateIsNginxsRequiredCertificateRefusal() throws Exception {
        try (NginxServer nginx = nginx("on", null)) {
            CallResult result = call(nginx, null);

            assertRefusedAfterHandshake(result, DiagnosisCode.NO_CLIENT_CERTIFICATE);
            assertThat(result.diagnosis().cause()).contains("No required SSL certificate was sent")
                    .contains("no client identity was chosen");
            assertThat(nginx.errorLog()).contains("client sent no required SSL certificate");
        }
    }

    @Test
    void certificateWithheldForAnIssuerNginxDoesNotListIsNamedSo() throws Exception {
        try (NginxServer nginx = nginx("on", null)) {
            CallResult result = call(nginx, creds.clientFromOther);

            assertRefusedAfterHandshake(result, DiagnosisCode.CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED);
            assertThat(result.report().askedVsPresented().sent()).isNull();
            assertThat(result.diagnosis().summary()).contains("CN=Rogue CA").contains("CN=MinhaCA");
        }
    }

    @Test
    void lookAlikeCaShowsBothKeyIdentifiers() throws Exception {
        try (NginxServer nginx = nginx("on", null)) {
            CallResult result = call(nginx, creds.clientFromRogue);

            assertRefusedAfterHandshake(result, DiagnosisCode.UNKNOWN_CA);
            String rogueKey = CertificateFacts.subjectKeyId(creds.rogueCa.certificate());
            String realKey = CertificateFacts.subjectKeyId(creds.caCertificate());
            assertThat(rogueKey).isNotEqualTo(realKey);
            assertThat(result.diagnosis().cause()).contains(rogueKey, realKey, "same name", "The SSL certificate error");
            assertThat(result.diagnosis().fix()).doesNotContain("issue the client certificate from CN=MinhaCA")
                    .contains(realKey);
            assertThat(nginx.errorLog()).contains("client SSL certificate verify error: (21:unable to verify the first certificate)");
        }
    }

    @Test
    void expiredCertificateIsDiagnosedFromTheCertificate() throws Exception {
        try (NginxServer nginx = nginx("on", null)) {
            CallResult result = call(nginx, creds.expiredClient);

            assertRefusedAfterHandshake(result, DiagnosisCode.EXPIRED);
            assertThat(nginx.errorLog()).contains("certificate has expired");
        }
    }

    @Test
    void chainBeyondSslVerifyDepthIsCalledSo() throws Exception {
        try (NginxServer nginx = nginx("on", 0)) {
            CallResult result = call(nginx, creds.clientBelowIntermediate);

            // nginx's 400 does not say why, and a missing CRL for the intermediate looks the same from
            // here (next tests): the depth is named as a likely cause, not as the verdict
            assertRefusedAfterHandshake(result, DiagnosisCode.REFUSED_LOOKS_VALID);
            assertThat(result.diagnosis().cause()).contains("1 intermediate CA(s)").contains("CN=Intermediaria")
                    .contains("ssl_verify_depth");
            assertThat(result.diagnosis().fix()).contains("ssl_verify_depth", "client SSL certificate verify error");
            assertThat(nginx.errorLog()).contains("client SSL certificate verify error");
        }
        // the same chain passes nginx's default depth, which allows one intermediate
        try (NginxServer nginx = nginx("on", null)) {
            assertThat(call(nginx, creds.clientBelowIntermediate).outcome().kind())
                    .isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
        }
    }

    private NginxServer nginxWithCrl(Integer depth) throws Exception {
        return NginxServer.start(nginxDir, creds.server, List.of(creds.caCertificate()), "on", depth,
                "ssl_crl " + creds.workspace.crlFile() + ";"
                        + " location / { default_type text/plain; return 200 \"hello $ssl_client_s_dn\\n\"; }", null);
    }

    @Test
    void revocationOnlyTheServerKnowsIsNotBlamedOnAnUntrustedCa() throws Exception {
        try (NginxServer nginx = nginxWithCrl(null)) {
            // the caller's workspace does not know the revocation: only nginx's CRL does
            CallResult result = TestCall.run(CallRequest.builder(nginx.url()).workspace(creds.workspace)
                    .crls(List.of()).readTimeout(Duration.ofSeconds(5))
                    .identity(ClientIdentity.inMemory("client", creds.revokedClient)).build());

            assertRefusedAfterHandshake(result, DiagnosisCode.REFUSED_LOOKS_VALID);
            assertThat(result.report().askedVsPresented().acceptedCaNames()).anyMatch(n -> n.contains("CN=MinhaCA"));
            assertThat(result.diagnosis().summary()).contains("CN=Revogado", "looks valid from here")
                    .doesNotContain("does not trust");
            assertThat(result.diagnosis().cause()).contains("a CA the server lists", "revocation list revokes it");
            assertThat(result.diagnosis().fix()).doesNotContain("Make the server trust")
                    .contains("client SSL certificate verify error");
            assertThat(nginx.errorLog()).contains("certificate revoked");
        }
    }

    @Test
    void missingCrlForTheIntermediateIsNotBlamedOnVerifyDepth() throws Exception {
        try (NginxServer nginx = nginxWithCrl(2)) {
            CallResult result = call(nginx, creds.clientBelowIntermediate);

            assertRefusedAfterHandshake(result, DiagnosisCode.REFUSED_LOOKS_VALID);
            assertThat(result.diagnosis().summary()).doesNotContain("through 1 intermediate");
            assertThat(result.diagnosis().cause()).contains("CN=Intermediaria", "needs a CRL for every CA in the chain");
            assertThat(result.diagnosis().fix()).doesNotContain("at least 1");
            assertThat(nginx.errorLog()).contains("unable to get certificate CRL");
        }
    }

    @Test
    void optionalVerificationServingACallerWithoutCertificateIsTheBypass() throws Exception {
        try (NginxServer nginx = nginx("optional", null)) {
            CallResult result = call(nginx, null);

            assertThat(result.response().status()).isEqualTo(200);
            assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH);
            assertThat(result.outcome().likelyBypass()).isTrue();
            assertThat(result.outcome().clientAuthenticated()).isEqualTo(CallOutcome.ClientAuthentication.FALSE);
            assertThat(result.outcome().explanation()).contains("asked for a client certificate, none was sent");
            assertThat(result.outcome().fixes()).containsKeys("go", "nginx", "java");
            assertThat(result.outcome().fixes().get("nginx")).contains("ssl_verify_client on");
        }
    }
}
