package io.mtlslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.hmac.RequestSigner;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo server with the HMAC layer on, called over real mTLS handshakes. */
class HmacGateTest {

    static final byte[] BODY = "{\"pedido\":42}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer echo;
    static byte[] clientSecret;
    static HttpClient client;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        clientSecret = HmacSecrets.of(workspace).getOrCreate(Workspace.CLIENT);
        echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0), HmacGate.requireFor(workspace));
        Credential identity = workspace.credential(Workspace.CLIENT, null);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsContexts.context(TlsContexts.keyManager(identity),
                        TlsContexts.trustManager(List.of(workspace.caCertificate())))).build();
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    static HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(echo.url() + "orders?id=7"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> sign(byte[] secret, Instant when, byte[] body) {
        return new RequestSigner(secret, Clock.fixed(when, ZoneOffset.UTC)).sign("POST", "/orders?id=7", body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> hmacSection(HttpResponse<String> response) throws Exception {
        return (Map<String, Object>) JSON.std.mapFrom(response.body()).get("hmac");
    }

    @Test
    void aCorrectlySignedRequestIsAnsweredAndSaysItVerified() throws Exception {
        HttpResponse<String> response = post(sign(clientSecret, Instant.now(), BODY), BODY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Mtlslab-Hmac")).hasValue("hmac-verified");
        assertThat(hmacSection(response)).containsEntry("verified", true).containsEntry("code", "hmac-verified");
        assertThat(response.body()).contains("\"commonName\" : \"Cliente\"");
        assertThat(awaitNote("HMAC signature verified")).isNotNull();
    }

    @Test
    void aTamperedBodyGets401WithTheWrongSignatureCode() throws Exception {
        HttpResponse<String> response = post(sign(clientSecret, Instant.now(), BODY),
                "{\"pedido\":4200}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hmacSection(response)).containsEntry("verified", false).containsEntry("code", "hmac-wrong-signature");
        assertThat(JSON.std.mapFrom(response.body()).get("error").toString()).startsWith("HMAC signature rejected");
        assertThat(awaitNote("HMAC signature rejected (hmac-wrong-signature)")).isNotNull();
    }

    @Test
    void aStaleSignatureGets401WithTheStaleCode() throws Exception {
        HttpResponse<String> response = post(sign(clientSecret, Instant.now().minus(Duration.ofMinutes(6)), BODY), BODY);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Mtlslab-Hmac")).hasValue("hmac-stale");
        assertThat(awaitNote("(hmac-stale)")).isNotNull();
    }

    @Test
    void anUnsignedRequestOrAnotherClientsSecretIsRefused() throws Exception {
        assertThat(hmacSection(post(Map.of(), BODY))).containsEntry("code", "hmac-missing");
        byte[] serverSecret = HmacSecrets.of(workspace).getOrCreate(Workspace.SERVER);
        HttpResponse<String> other = post(sign(serverSecret, Instant.now(), BODY), BODY);
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(hmacSection(other)).containsEntry("code", "hmac-wrong-signature");
    }

    @Test
    void verifiesFromTheSnapshotWithoutReadingTheWorkspaceOnEachRequest() throws Exception {
        Path secrets = HmacSecrets.of(workspace).file();
        byte[] saved = Files.readAllBytes(secrets);
        try {
            // A half-written secrets file: the old gate re-read it on the network thread for every request and
            // failed the request; the snapshot keeps verifying with the secrets it read before.
            Files.writeString(secrets, "{ \"format\": 1, \"secrets\": ");
            HttpResponse<String> response = post(sign(clientSecret, Instant.now(), BODY), BODY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(hmacSection(response)).containsEntry("verified", true);
        } finally {
            Files.write(secrets, saved);
        }
    }

    @Test
    void picksUpTheSecretOfAClientIssuedAfterTheServerStarted() throws Exception {
        workspace.issue("late-client", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TARDE", "Tarde"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
        Credential late = workspace.credential("late-client", null);
        byte[] secret = HmacSecrets.of(workspace).getOrCreate("late-client");
        HttpClient lateClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TlsContexts.context(TlsContexts.keyManager(late),
                        TlsContexts.trustManager(List.of(workspace.caCertificate())))).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(echo.url() + "orders?id=7")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).headers(sign(secret, Instant.now(), BODY).entrySet()
                        .stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))
                .build();
        HttpResponse<String> response = lateClient.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(hmacSection(response)).containsEntry("verified", true);
    }

    static ConnectionEvent awaitNote(String fragment) {
        return Await.value("a log event noting '" + fragment + "'", Await.DEFAULT, () -> echo.log().snapshot().stream()
                .filter(e -> e.reason() != null && e.reason().contains(fragment)).findFirst(),
                () -> echo.log().snapshot().toString());
    }
}
