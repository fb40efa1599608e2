package io.mtlslab.server;

import io.mtlslab.hmac.HmacCanonicalRequest;
import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.hmac.HmacVerification;
import io.mtlslab.hmac.RequestVerifier;
import io.mtlslab.pki.Workspace;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The echo server's optional HMAC layer (SPEC S6, seed 000's advice): every request must carry an
 * HMAC-SHA256 signature made with the secret of the client whose certificate the handshake
 * authenticated; a missing, wrong or stale one gets {@code 401} with its own reason code.
 */
public final class HmacGate {

    /** Response header telling whether the request's signature verified ({@code hmac-verified}) or why not. */
    public static final String RESULT_HEADER = "X-Mtlslab-Hmac";

    private final HmacSecrets secrets;
    private final RequestVerifier verifier;

    public HmacGate(HmacSecrets secrets, RequestVerifier verifier) {
        this.secrets = secrets;
        this.verifier = verifier;
    }

    /** Requires signatures under the per-client secrets of {@code workspace} ({@code hmac-secrets.json}). */
    public static HmacGate requireFor(Workspace workspace) {
        return new HmacGate(HmacSecrets.of(workspace), new RequestVerifier());
    }

    /** Verifies one request of {@code client} (the identity from the handshake; {@code null} if none). */
    HmacVerification verify(FullHttpRequest request, ClientIdentity client) {
        Optional<byte[]> secret = client == null ? Optional.empty() : secrets.forSerial(client.serialHex());
        return verifier.verify(secret.orElse(null), request.method().name(), request.uri(),
                request.headers().get(HmacCanonicalRequest.TIMESTAMP_HEADER),
                request.headers().get(HmacCanonicalRequest.SIGNATURE_HEADER),
                ByteBufUtil.getBytes(request.content()));
    }

    /** The {@code hmac} section of the JSON response. */
    static Map<String, Object> section(HmacVerification verification) {
        Map<String, Object> hmac = new LinkedHashMap<>();
        hmac.put("verified", verification.verified());
        hmac.put("code", verification.code());
        hmac.put("detail", verification.detail());
        return hmac;
    }

    /** {@code 401} for a request whose signature did not verify, saying why. */
    static FullHttpResponse rejection(HmacVerification verification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "HMAC signature rejected: " + verification.detail());
        body.put("hmac", section(verification));
        FullHttpResponse response = EchoResponses.jsonResponse(HttpResponseStatus.UNAUTHORIZED, body);
        response.headers().set(RESULT_HEADER, verification.code());
        return response;
    }

    /** The connection log's note for a request. */
    static String logNote(HmacVerification verification) {
        return verification.verified() ? "HMAC signature verified"
                : "HMAC signature rejected (" + verification.code() + "): " + verification.detail();
    }
}
