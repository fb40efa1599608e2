package io.mtlslab.hmac;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.testing.FileModes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacLayerTest {

    static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] BODY = "{\"pedido\":42}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    static Map<String, String> signAt(Instant when, String method, String path, byte[] body) {
        return new RequestSigner(SECRET, Clock.fixed(when, ZoneOffset.UTC)).sign(method, path, body);
    }

    static HmacVerification verifyAt(Instant when, byte[] secret, String method, String path,
                                     Map<String, String> headers, byte[] body) {
        return new RequestVerifier(Clock.fixed(when, ZoneOffset.UTC), RequestVerifier.DEFAULT_MAX_SKEW)
                .verify(secret, method, path, headers.get("X-Mtlslab-Timestamp"), headers.get("X-Mtlslab-Signature"), body);
    }

    @Test
    void verifiesASignedRequestWithinTheAllowedSkew() {
        Map<String, String> headers = signAt(NOW, "post", "/orders?id=7", BODY);
        assertThat(headers).containsEntry("X-Mtlslab-Timestamp", Long.toString(NOW.getEpochSecond()));
        assertThat(headers.get("X-Mtlslab-Signature")).matches("[0-9a-f]{64}");
        HmacVerification result = verifyAt(NOW.plusSeconds(299), SECRET, "POST", "/orders?id=7", headers, BODY);
        assertThat(result.verified()).isTrue();
        assertThat(result.code()).isEqualTo("hmac-verified");
    }

    @Test
    void rejectsATamperedBodyPathOrMethodAsWrongSignature() {
        Map<String, String> headers = signAt(NOW, "POST", "/orders", BODY);
        byte[] tampered = "{\"pedido\":43}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifyAt(NOW, SECRET, "POST", "/orders", headers, tampered).outcome())
                .isEqualTo(HmacVerification.Outcome.WRONG_SIGNATURE);
        assertThat(verifyAt(NOW, SECRET, "POST", "/admin", headers, BODY).outcome())
                .isEqualTo(HmacVerification.Outcome.WRONG_SIGNATURE);
        assertThat(verifyAt(NOW, SECRET, "DELETE", "/orders", headers, BODY).code()).isEqualTo("hmac-wrong-signature");
        byte[] otherSecret = "another-secret-another-secret!!!".getBytes(StandardCharsets.US_ASCII);
        assertThat(verifyAt(NOW, otherSecret, "POST", "/orders", headers, BODY).outcome())
                .isEqualTo(HmacVerification.Outcome.WRONG_SIGNATURE);
    }

    @Test
    void rejectsAStaleOrFutureTimestampEvenWithACorrectSignature() {
        Map<String, String> headers = signAt(NOW, "GET", "/", null);
        HmacVerification late = verifyAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), SECRET, "GET", "/", headers, null);
        assertThat(late.outcome()).isEqualTo(HmacVerification.Outcome.STALE);
        assertThat(late.detail()).contains("301 s");
        assertThat(verifyAt(NOW.minusSeconds(400), SECRET, "GET", "/", headers, null).code()).isEqualTo("hmac-stale");
    }

    @Test
    void tellsMissingMalformedAndUnknownClientApart() {
        assertThat(verifyAt(NOW, SECRET, "GET", "/", Map.of(), null).outcome()).isEqualTo(HmacVerification.Outcome.MISSING);
        Map<String, String> headers = signAt(NOW, "GET", "/", null);
        assertThat(verifyAt(NOW, SECRET, "GET", "/", Map.of("X-Mtlslab-Timestamp", "yesterday",
                "X-Mtlslab-Signature", headers.get("X-Mtlslab-Signature")), null).outcome())
                .isEqualTo(HmacVerification.Outcome.MALFORMED);
        assertThat(verifyAt(NOW, SECRET, "GET", "/", Map.of("X-Mtlslab-Timestamp", headers.get("X-Mtlslab-Timestamp"),
                "X-Mtlslab-Signature", "abc"), null).outcome()).isEqualTo(HmacVerification.Outcome.MALFORMED);
        assertThat(verifyAt(NOW, null, "GET", "/", headers, null).outcome())
                .isEqualTo(HmacVerification.Outcome.UNKNOWN_CLIENT);
    }

    @Test
    void canonicalStringMatchesWhatOpensslComputes() {
        String canonical = HmacCanonicalRequest.of("post", "/orders", NOW.getEpochSecond(), BODY);
        assertThat(canonical.split("\n")).containsExactly("MTLSLAB-HMAC-SHA256", "POST", "/orders",
                Long.toString(NOW.getEpochSecond()), HmacCanonicalRequest.sha256Hex(BODY));
        ExternalTool.Result openssl = ExternalTool.run(dir, canonical, List.of("openssl", "dgst", "-sha256", "-mac", "HMAC",
                "-macopt", "hexkey:" + HexFormat.of().formatHex(SECRET)));
        assertThat(openssl.output()).contains(signAt(NOW, "POST", "/orders", BODY).get("X-Mtlslab-Signature"));
    }

    @Test
    void secretsArePerClientOwnerOnlyAndFoundByTheClientCertificate() throws Exception {
        HmacSecrets secrets = HmacSecrets.of(workspace);
        assertThat(secrets.find("client")).isEmpty();
        byte[] client = secrets.getOrCreate("client");
        assertThat(client).hasSize(32);
        assertThat(secrets.getOrCreate("client")).isEqualTo(client);
        assertThat(secrets.getOrCreate("server")).isNotEqualTo(client);
        FileModes.assertOwnerOnly(secrets.file());
        assertThat(Files.readString(dir.resolve("workspace.json"))).doesNotContain(java.util.Base64.getEncoder()
                .encodeToString(client));
        assertThat(HmacSecrets.of(Workspace.open(dir)).forCertificate(workspace.credential("client", null).certificate()))
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(client));
    }
}
