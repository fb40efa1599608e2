package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The echo server's answers (SPEC S4).
 *
 * <ul>
 *   <li>{@code Accept: text/plain}: the seed's three lines, {@code Common Name: Cliente\nOrganization Unit:
 *       CODIGODOCLIENTE\nSerial Number: <hex>\n}.</li>
 *   <li>Otherwise JSON: {@code client} (the {@link ClientIdentity}, or {@code null}), {@code tls}
 *       ({@code provider}: {@code openssl} or {@code jdk}, {@code protocol}, {@code cipherSuite}, {@code alpn}), {@code request} ({@code method}, {@code path},
 *       {@code headers}, {@code body}), {@code server} (the modes), {@code unsafeMode} and {@code unsafe}
 *       (the plain-words labels), in inspect mode {@code inspect} ({@code secureModeWouldAccept},
 *       {@code secureModeWouldReject}), and when the careless handler let a request through without a
 *       certificate, {@code warning}.</li>
 *   <li>No client certificate and a handler that checks: {@code 401} with exactly the seed's body
 *       {@code { "error": "client certificate required" }} (inspect mode adds its findings).</li>
 * </ul>
 * In an unsafe mode every response also carries the labels in the header {@value #UNSAFE_HEADER}.
 */
final class EchoResponses {

    static final String UNSAFE_HEADER = EchoResponse.UNSAFE_HEADER;
    static final String NO_CERTIFICATE_BODY = "{ \"error\": \"client certificate required\" }";
    static final Message BYPASS_WARNING = Message.of("serverlog.bypass");

    /** A response and what the connection log should note about it. */
    record Answer(FullHttpResponse response, Message note) {
    }

    private EchoResponses() {
    }

    static Answer answer(FullHttpRequest request, EchoConnection.Session session, EchoConnection.Shared shared) {
        return answer(request, session, shared, Map.of());
    }

    /** As above, with further top-level JSON sections (e.g. {@code hmac}) added after the standard ones. */
    static Answer answer(FullHttpRequest request, EchoConnection.Session session, EchoConnection.Shared shared,
                         Map<String, Object> extraSections) {
        ServerSettings settings = shared.settings();
        List<Message> unsafe = shared.unsafeMessages();
        ClientIdentity client = session.client();
        boolean inspect = settings.clientAuth() == ClientAuthMode.INSPECT;
        if (client == null && !settings.handlerBypass()) {
            String body = inspect ? json(inspectNoCertificate(session, unsafe)) : NO_CERTIFICATE_BODY;
            return new Answer(response(HttpResponseStatus.UNAUTHORIZED, "application/json", body),
                    Message.of("serverlog.refusedByHandler"));
        }
        Message note = client == null ? BYPASS_WARNING : null;
        if (wantsText(request)) {
            String text = client == null ? ClientIdentity.seedText(null, null, null) : client.seedText();
            return new Answer(response(HttpResponseStatus.OK, "text/plain; charset=utf-8", text), note);
        }
        EchoResponse body = new EchoResponse(client,
                new EchoResponse.Tls(session.provider(), session.library(), session.protocol(), session.cipherSuite(), session.alpn()),
                echoedRequest(request), modes(settings), !unsafe.isEmpty(), texts(unsafe),
                inspect ? inspectSection(session) : null, extraSections, note == null ? null : note.text());
        return new Answer(response(HttpResponseStatus.OK, "application/json", body.toJson()), note);
    }

    static FullHttpResponse jsonResponse(HttpResponseStatus status, Map<String, Object> body) {
        return response(status, "application/json", json(body));
    }

    static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return response(status, "text/plain; charset=utf-8", text);
    }

    /** Adds the unsafe labels to a response header (ASCII, one line). */
    static void labelUnsafe(FullHttpResponse response, List<Message> unsafe) {
        // An HTTP header is ASCII: English, whatever the server's language (the JSON body carries the chosen one).
        if (!unsafe.isEmpty()) {
            response.headers().set(UNSAFE_HEADER, unsafe.stream().map(m -> m.text(Locale.ENGLISH))
                    .collect(java.util.stream.Collectors.joining(" | ")));
        }
    }

    /** The labels in the current language (the GUI may switch it while the server runs). */
    private static List<String> texts(List<Message> unsafe) {
        return unsafe.stream().map(Message::text).toList();
    }

    private static Map<String, Object> inspectNoCertificate(EchoConnection.Session session, List<Message> unsafe) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "client certificate required");
        body.put("inspect", EchoResponse.inspectJson(inspectSection(session)));
        body.put("unsafeMode", !unsafe.isEmpty());
        body.put("unsafe", texts(unsafe));
        return body;
    }

    private static EchoResponse.Inspect inspectSection(EchoConnection.Session session) {
        return new EchoResponse.Inspect(session.secureModeWouldReject().isEmpty(),
                session.secureModeWouldReject().stream().map(Message::text).toList());
    }

    private static Map<String, Object> modes(ServerSettings settings) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("mode", settings.modeLabel());
        server.put("clientAuth", settings.clientAuth().id());
        server.put("handlerChecksIdentity", settings.checkIdentityInHandler());
        server.put("trust", settings.trust().id());
        server.put("legacyProtocols", settings.legacyProtocols());
        server.put("caNames", settings.caNames().id());
        server.put("checkRevocation", settings.checkRevocation());
        return server;
    }

    private static Map<String, Object> echoedRequest(FullHttpRequest request) {
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("method", request.method().name());
        echoed.put("path", request.uri());
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : request.headers().names()) {
            List<String> values = request.headers().getAll(name);
            headers.put(name, values.size() == 1 ? values.get(0) : new ArrayList<>(values));
        }
        echoed.put("headers", headers);
        echoed.put("body", request.content().toString(StandardCharsets.UTF_8));
        return echoed;
    }

    private static boolean wantsText(FullHttpRequest request) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/plain") && !lower.contains("application/json");
    }

    private static FullHttpResponse response(HttpResponseStatus status, String contentType, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return response;
    }

    private static String json(Map<String, Object> body) {
        return EchoResponse.write(body);
    }
}
