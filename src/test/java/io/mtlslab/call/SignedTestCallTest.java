package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test call signing its request for the echo server's HMAC layer. */
class SignedTestCallTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer echo;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0), HmacGate.requireFor(workspace));
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    static CallRequest.Builder call() {
        return CallRequest.builder(echo.url() + "pedidos?id=7").workspace(workspace)
                .identity(ClientIdentity.fromWorkspace(workspace, Workspace.CLIENT, null))
                .method("POST").body("{\"pedido\":42}");
    }

    @Test
    void aSignedCallIsVerifiedByTheServer() {
        byte[] secret = HmacSecrets.of(workspace).getOrCreate(Workspace.CLIENT);
        CallRequest request = call().hmacSecret(secret).build();
        assertThat(request.headers()).containsKeys("X-Mtlslab-Timestamp", "X-Mtlslab-Signature");
        CallResult result = TestCall.run(request);
        assertThat(result.response().status()).as(result.response().body()).isEqualTo(200);
        assertThat(result.response().header("X-Mtlslab-Hmac")).isEqualTo("hmac-verified");
        assertThat(result.response().body()).contains("\"verified\" : true");
    }

    @Test
    void anUnsignedCallIsRefusedWithTheMissingSignatureCode() {
        CallResult result = TestCall.run(call().build());
        assertThat(result.response().status()).isEqualTo(401);
        assertThat(result.response().header("X-Mtlslab-Hmac")).isEqualTo("hmac-missing");
        assertThat(result.diagnosis().code()).isEqualTo(io.mtlslab.diagnose.DiagnosisCode.HTTP_UNAUTHORIZED);
        assertThat(result.diagnosis().summary()).contains("HMAC layer refused", "hmac-missing");
        assertThat(result.diagnosis().fix()).contains("X-Mtlslab-Signature");
    }

    @Test
    void aCallSignedWithAnotherClientsSecretIsDiagnosedAsAWrongSignature() {
        byte[] other = HmacSecrets.of(workspace).getOrCreate(Workspace.SERVER);
        CallResult result = TestCall.run(call().hmacSecret(other).build());
        assertThat(result.response().status()).isEqualTo(401);
        assertThat(result.diagnosis().summary()).contains("hmac-wrong-signature");
        assertThat(result.diagnosis().fix()).contains("own secret");
    }
}
