package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.diagnose.Side;
import io.mtlslab.pki.Credential;
import io.mtlslab.testing.ApacheServer;
import io.mtlslab.testing.ApacheServer.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test calls against a real Apache httpd with {@code SSLVerifyClient}. Unlike nginx, httpd refuses a
 * missing or untrusted client certificate in the handshake, with an alert; with {@code optional} and
 * nothing else it serves a caller without a certificate, which is the bypass.
 */
class ApacheCallTest {

    @TempDir
    static Path dir;
    static CallCredentials creds;

    @TempDir
    Path apacheDir;

    @BeforeAll
    static void issueCredentials() throws Exception {
        creds = new CallCredentials(dir);
    }

    private ApacheServer apache(String verifyClient, Scope scope) throws Exception {
        return ApacheServer.start(apacheDir, creds.server, List.of(creds.caCertificate()), verifyClient, scope);
    }

    static CallResult call(ApacheServer apache, Credential identity, String... tls) {
        CallRequest.Builder builder = CallRequest.builder(apache.url()).workspace(creds.workspace)
                .readTimeout(Duration.ofSeconds(5));
        if (identity != null) {
            builder.identity(ClientIdentity.inMemory("client", identity));
        }
        if (tls.length > 0) {
            builder.protocols(List.of(tls));
        }
        return TestCall.run(builder.build());
    }

    @Test
    void requireServesTheValidClientAndRefusesTheOthersInTheHandshake() throws Exception {
        try (ApacheServer apache = apache("require", Scope.VIRTUAL_HOST)) {
            CallResult valid = call(apache, creds.client);
            assertThat(valid.diagnosis()).isNull();
            assertThat(valid.response().body()).startsWith("hello");
            assertThat(valid.outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);

            CallResult none = call(apache, null);
            assertThat(none.outcome().kind()).isEqualTo(CallOutcome.Kind.REFUSED_IN_HANDSHAKE);
            assertThat(none.diagnosis().code()).isEqualTo(DiagnosisCode.NO_CLIENT_CERTIFICATE);
            assertThat(none.diagnosis().side()).isEqualTo(Side.SERVER);

            CallResult rogue = call(apache, creds.clientFromRogue);
            assertThat(rogue.outcome().kind()).isEqualTo(CallOutcome.Kind.REFUSED_IN_HANDSHAKE);
            assertThat(rogue.diagnosis().code()).isEqualTo(DiagnosisCode.UNKNOWN_CA);

            CallResult expired = call(apache, creds.expiredClient);
            assertThat(expired.outcome().kind()).isEqualTo(CallOutcome.Kind.REFUSED_IN_HANDSHAKE);
            assertThat(expired.diagnosis().code()).isEqualTo(DiagnosisCode.EXPIRED);
            assertThat(apache.errorLog()).contains("certificate has expired");
        }
    }

    @Test
    void optionalServingACallerWithoutCertificateIsTheBypass() throws Exception {
        try (ApacheServer apache = apache("optional", Scope.VIRTUAL_HOST)) {
            CallResult result = call(apache, null);

            assertThat(result.response().status()).isEqualTo(200);
            assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH);
            assertThat(result.outcome().likelyBypass()).isTrue();
            assertThat(result.outcome().clientAuthenticated()).isEqualTo(CallOutcome.ClientAuthentication.FALSE);
        }
    }

    @Test
    void perLocationRequireRenegotiatesInTls12() throws Exception {
        try (ApacheServer apache = apache("require", Scope.LOCATION)) {
            CallResult result = call(apache, creds.client, "TLSv1.2");

            assertThat(result.diagnosis()).isNull();
            assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
        }
    }

    @Test
    void perLocationRequireInTls13IsDiagnosedAsPostHandshakeAuthenticationNotAsARefusedIdentity() throws Exception {
        try (ApacheServer apache = apache("require", Scope.LOCATION)) {
            CallResult result = call(apache, creds.client);

            assertThat(result.report().completed()).isTrue();
            assertThat(result.report().protocol()).isEqualTo("TLSv1.3");
            assertThat(result.response().status()).isEqualTo(403);
            assertThat(result.diagnosis().code()).isEqualTo(DiagnosisCode.POST_HANDSHAKE_AUTH);
            assertThat(result.diagnosis().cause()).contains("post-handshake authentication")
                    .contains("Cannot perform Post-Handshake Authentication");
            assertThat(result.diagnosis().fix()).contains("<VirtualHost>", "--tls 1.2");
            assertThat(result.outcome().kind()).isEqualTo(CallOutcome.Kind.REFUSED_BY_APPLICATION);
            assertThat(result.outcome().clientAuthenticated()).isEqualTo(CallOutcome.ClientAuthentication.FALSE);
            // Not "the application refused this identity": no certificate was ever asked for.
            assertThat(result.outcome().explanation()).contains("after the handshake").doesNotContain("accepted");
            assertThat(result.report().notes()).noneMatch(note -> note.contains("accepted"));
        }
    }
}
