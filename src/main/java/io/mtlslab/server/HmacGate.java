package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.hmac.HmacCanonicalRequest;
import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.hmac.HmacVerification;
import io.mtlslab.hmac.RequestVerifier;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.Workspace;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The echo server's optional HMAC layer (SPEC S6, seed 000's advice): every request must carry an
 * HMAC-SHA256 signature made with the secret of the client whose certificate the handshake
 * authenticated; a missing, wrong or stale one gets {@code 401} with its own reason code.
 *
 * <p>Requests are checked against an immutable snapshot (client serial → secret) on the network thread;
 * the workspace index and {@code hmac-secrets.json} are read only by {@link #refresh()}, which the server
 * runs on its own refresher thread, and again there before a request whose client the snapshot does not
 * know yet is answered (a secret handed out after the server started).
 */
public final class HmacGate {

    /** Response header telling whether the request's signature verified ({@code hmac-verified}) or why not. */
    public static final String RESULT_HEADER = "X-Mtlslab-Hmac";

    private final Supplier<Map<String, byte[]>> loader;
    private final Supplier<List<Object>> version;
    private final RequestVerifier verifier;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());

    /** Serial (lower-case hex) → secret, and the file versions it was read from. */
    private record Snapshot(List<Object> version, Map<String, byte[]> secretsBySerial) {
    }

    private HmacGate(Supplier<Map<String, byte[]>> loader, Supplier<List<Object>> version, RequestVerifier verifier) {
        this.loader = loader;
        this.version = version;
        this.verifier = verifier;
    }

    /** Requires signatures under the per-client secrets of {@code workspace} ({@code hmac-secrets.json}). */
    public static HmacGate requireFor(Workspace workspace) {
        return requireFor(workspace, new RequestVerifier());
    }

    public static HmacGate requireFor(Workspace workspace, RequestVerifier verifier) {
        Path dir = workspace.dir();
        HmacSecrets secrets = HmacSecrets.of(workspace);
        HmacGate gate = new HmacGate(() -> {
            Map<String, byte[]> bySerial = new HashMap<>();
            for (IdentityEntry entry : Workspace.open(dir).identities()) {
                if (entry.serialHex() != null) {
                    secrets.find(entry.name()).ifPresent(s -> bySerial.put(entry.serialHex().toLowerCase(Locale.ROOT), s));
                }
            }
            return Map.copyOf(bySerial);
        }, () -> List.of(stamp(dir.resolve(Workspace.INDEX)), stamp(secrets.file())), verifier);
        gate.refresh();
        return gate;
    }

    /** Re-reads the secrets if the index or the secrets file changed. Never call it on a network thread. */
    synchronized void refresh() {
        List<Object> now = version.get();
        if (!now.equals(snapshot.version())) {
            snapshot = new Snapshot(now, loader.get());
        }
    }

    /** Whether the snapshot holds a secret for {@code client}: if not, refresh before answering. */
    boolean knows(ClientIdentity client) {
        return client != null && snapshot.secretsBySerial().containsKey(client.serialHex().toLowerCase(Locale.ROOT));
    }

    /** Runs {@link #refresh()} on {@code refresher}, then {@code then} (which must hop back to its own thread). */
    void refreshThen(Executor refresher, Runnable then) {
        refresher.execute(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // an unreadable index or secrets file: keep the last good snapshot, the request is answered from it
            }
            then.run();
        });
    }

    /** Verifies one request of {@code client} (the identity from the handshake; {@code null} if none). */
    HmacVerification verify(FullHttpRequest request, ClientIdentity client) {
        byte[] secret = client == null ? null
                : snapshot.secretsBySerial().get(client.serialHex().toLowerCase(Locale.ROOT));
        return verifier.verify(secret, request.method().name(), request.uri(),
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
    static Message logNote(HmacVerification verification) {
        // The detail is the verifier's own sentence (English): translating it is the HMAC layer's job.
        return verification.verified() ? Message.of("serverlog.hmac.verified")
                : Message.of("serverlog.hmac.rejected", verification.code(), verification.reason());
    }

    /** A file's modification time, size and identity: what tells the refresher to read it again. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(attributes.lastModifiedTime(), attributes.size(), Objects.toString(attributes.fileKey()));
        } catch (IOException e) {
            return "absent";
        }
    }
}
