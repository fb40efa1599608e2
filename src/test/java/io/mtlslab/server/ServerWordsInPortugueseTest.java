package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static io.mtlslab.server.TestClients.context;
import static io.mtlslab.server.TestClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent.Outcome;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo server's log reasons, unsafe warnings and mode words follow the chosen language (issue 10 §4). */
class ServerWordsInPortugueseTest {

    @TempDir
    static Path dir;

    static Credential server;
    static X509Certificate caCertificate;

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        server = TestPki.credential(workspace, Workspace.SERVER);
        caCertificate = TestPki.credential(workspace, Workspace.CA).certificate();
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void aRejectedHandshakeIsExplainedInPortugueseAndAgainInEnglishAfterASwitch() {
        Texts.use(Texts.PT_BR);
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), ServerSettings.secure().withPort(0))) {
            assertThatThrownBy(() -> get(echo, context(null, caCertificate), null)).isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);

            assertThat(rejected.reasonCode()).isEqualTo("no-certificate");
            assertThat(rejected.reason()).isEqualTo("nenhum certificado enviado");
            assertThat(rejected.toLine()).contains("motivo: nenhum certificado enviado [no-certificate]");

            // The event keeps the message, not the words: a screen re-rendered after a switch reads English.
            Texts.use(Locale.ENGLISH);
            assertThat(rejected.reason()).isEqualTo("no certificate sent");
        }
    }

    @Test
    void theBypassNoteAndTheUnsafeWarningsSayDesvioDeAutenticacao() throws Exception {
        Texts.use(Texts.PT_BR);
        ServerSettings careless = ServerSettings.secure().withPort(0).withClientAuth(ClientAuthMode.OPTIONAL)
                .withCheckIdentityInHandler(false);
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), careless)) {
            HttpResponse<String> answered = get(echo, context(null, caCertificate), null);

            assertThat(answered.statusCode()).isEqualTo(200);
            ConnectionEvent request = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST);
            assertThat(request.reason()).startsWith("desvio de autenticação: nenhum certificado do cliente");
            assertThat(request.toLine()).contains("cliente: nenhum").endsWith("[MODO INSEGURO]");
            assertThat(careless.unsafeLabels()).anySatisfy(label -> assertThat(label)
                    .startsWith("certificado do cliente opcional")).anySatisfy(label -> assertThat(label)
                    .contains("(desvio de autenticação)"));
            assertThat(careless.modeMessage().text()).isEqualTo("certificado do cliente opcional, o handler não verifica");
            // The header stays ASCII (English) whatever the language; the JSON body speaks the chosen one.
            String header = answered.headers().firstValue(EchoResponse.UNSAFE_HEADER).orElseThrow();
            assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(header)).as(header).isTrue();
            assertThat(header).contains("authentication bypass");
            assertThat(answered.body()).contains("desvio de autenticação");
        }
    }
}
