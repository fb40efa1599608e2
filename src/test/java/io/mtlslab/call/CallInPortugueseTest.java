package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real call's diagnosis and outcome speak Brazilian Portuguese once the language is switched — the
 * same result object, re-rendered, as the GUI shows it after its language switch.
 */
class CallInPortugueseTest {

    @TempDir
    static Path dir;
    static CallCredentials creds;

    @BeforeAll
    static void issueCredentials() throws Exception {
        creds = new CallCredentials(dir);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    private static CallRequest.Builder call(String url) {
        return CallRequest.builder(url).workspace(creds.workspace).readTimeout(Duration.ofSeconds(5));
    }

    @Test
    void unknownCaDiagnosisOfARealRefusalRendersInPortugueseAndBackInEnglish() throws Exception {
        try (JsseTestServer server = JsseTestServer.tls(creds.server).trusting(creds.caCertificate()).start()) {
            CallResult result = TestCall.run(call(server.url())
                    .identity(ClientIdentity.inMemory("client", creds.clientFromRogue)).build());
            assertThat(result.diagnosis().code()).isEqualTo(DiagnosisCode.UNKNOWN_CA);

            Texts.use(Texts.PT_BR);

            assertThat(result.diagnosis().summary()).isEqualTo("O servidor não confia no emissor do seu certificado do"
                    + " cliente: uma CA chamada CN=MinhaCA o assinou, mas não a CN=MinhaCA desta pasta de trabalho.");
            assertThat(result.diagnosis().cause()).contains("mesmo nome", "chaves diferentes", "O servidor")
                    .doesNotContain("same name", "The server");
            assertThat(result.diagnosis().fix()).startsWith("Apresente um certificado do cliente");
            assertThat(result.outcome().headline()).startsWith("Recusada ").contains("O servidor não confia");
            assertThat(result.outcome().explanation()).contains("veja o diagnóstico");
            // what Java and the other tools printed stays as they printed it
            assertThat(result.diagnosis().rawMessage()).doesNotContain("servidor");
            assertThat(result.diagnosis().elsewhere("go")).isNotBlank().doesNotContain("servidor");

            Texts.use(Locale.ENGLISH);

            assertThat(result.diagnosis().summary()).startsWith("The server does not trust the issuer of your client");
        }
    }

    @Test
    void theBypassOutcomeSaysDesvioDeAutenticacaoNeverFalha() throws Exception {
        try (JsseTestServer server = JsseTestServer.tls(creds.server).trusting(creds.caCertificate())
                .clientAuth(JsseTestServer.ClientAuth.WANT).start()) {
            CallResult result = TestCall.run(call(server.url()).build());
            CallOutcome outcome = result.outcome();
            assertThat(outcome.kind()).isEqualTo(CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH);
            assertThat(outcome.likelyBypass()).isTrue();

            Texts.use(Texts.PT_BR);

            assertThat(outcome.headline()).isEqualTo(
                    "Respondeu sem autenticar o cliente: provável desvio de autenticação.");
            assertThat(outcome.explanation()).startsWith("O servidor pediu um certificado do cliente, nenhum foi enviado")
                    .contains("desvio de autenticação", "setWantClientAuth(true) no Java")
                    .doesNotContain("falha de autenticação", "bypass (");
            assertThat(outcome.fixes().get("nginx")).contains("verifique $ssl_client_verify = SUCCESS");
            assertThat(result.report().notes()).anyMatch(n -> n.startsWith("Leitura após o handshake"));
            assertThat(result.report().askedVsPresented().notSentReason()).isEqualTo("nenhuma identidade de cliente escolhida");
            // the stable codes do not change with the language
            assertThat(CallResultJson.toMap(result)).containsEntry("language", "pt-BR");
            assertThat(CallResultJson.outcome(outcome)).containsEntry("code", "ANSWERED_WITHOUT_CLIENT_AUTH")
                    .containsEntry("headline", outcome.headline());
        }
    }
}
