package io.mtlslab.server;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The echo server's JSON answer (SPEC S4), one type for the writer ({@link EchoResponses}) and the
 * reader (a test call reading back the identity the server saw): the field names live here only.
 *
 * @param client the identity taken from the client certificate, or {@code null} without one
 * @param tls the TLS session
 * @param request the request as received: {@code method}, {@code path}, {@code headers}, {@code body}
 * @param server the server's modes ({@code mode}, {@code clientAuth}, ...)
 * @param unsafeMode whether any unsafe label applies
 * @param unsafe the unsafe labels in plain words
 * @param inspect in inspect mode, what secure mode would have said; else {@code null} (and not written)
 * @param extraSections further top-level sections, e.g. {@code hmac}, written after the standard ones
 * @param warning the authentication-bypass warning, or {@code null} (and not written)
 */
public record EchoResponse(ClientIdentity client, Tls tls, Map<String, Object> request, Map<String, Object> server,
                           boolean unsafeMode, List<String> unsafe, Inspect inspect, Map<String, Object> extraSections,
                           String warning) {

    private static final JSON WRITER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES);

    /**
     * The {@code tls} section. {@code provider} is {@code openssl} (BoringSSL) or {@code jdk}, as
     * {@code --tls-provider} spells it; {@code library} names it for people, as the server's first line
     * and the GUI's status bar do ("BoringSSL (netty-tcnative)", "JDK 17 (SunJSSE)").
     */
    public record Tls(String provider, String library, String protocol, String cipherSuite, String alpn) {
    }

    /** The {@code inspect} section. */
    public record Inspect(boolean secureModeWouldAccept, List<String> secureModeWouldReject) {
    }

    /** The header in which every answer of an unsafe mode names its unsafe choices, {@code " | "}-separated. */
    public static final String UNSAFE_HEADER = "X-Mtls-Lab-Unsafe";

    public EchoResponse {
        unsafe = unsafe == null ? List.of() : List.copyOf(unsafe);
        extraSections = extraSections == null ? Map.of() : extraSections;
    }

    /** The JSON text, fields in a fixed order. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", client == null ? null : client.toJson());
        if (tls != null) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("provider", tls.provider());
            section.put("library", tls.library());
            section.put("protocol", tls.protocol());
            section.put("cipherSuite", tls.cipherSuite());
            section.put("alpn", tls.alpn());
            body.put("tls", section);
        }
        body.put("request", request);
        body.put("server", server);
        body.put("unsafeMode", unsafeMode);
        body.put("unsafe", unsafe);
        if (inspect != null) {
            body.put("inspect", inspectJson(inspect));
        }
        body.putAll(extraSections);
        if (warning != null) {
            body.put("warning", warning);
        }
        return write(body);
    }

    static Map<String, Object> inspectJson(Inspect inspect) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("secureModeWouldAccept", inspect.secureModeWouldAccept());
        section.put("secureModeWouldReject", inspect.secureModeWouldReject());
        return section;
    }

    static String write(Map<String, Object> body) {
        try {
            return WRITER.asString(body) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a body this server wrote. Fails on text that is not a JSON object; sections it lacks are
     * {@code null} (e.g. {@code client} without a certificate, or another server's JSON).
     */
    @SuppressWarnings("unchecked")
    public static EchoResponse parse(String json) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(json);
        Map<String, Object> client = root.get("client") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        Tls tls = null;
        if (root.get("tls") instanceof Map<?, ?> section) {
            tls = new Tls(text(section.get("provider")), text(section.get("library")), text(section.get("protocol")),
                    text(section.get("cipherSuite")), text(section.get("alpn")));
        }
        Inspect inspect = null;
        if (root.get("inspect") instanceof Map<?, ?> section) {
            inspect = new Inspect(Boolean.TRUE.equals(section.get("secureModeWouldAccept")),
                    strings(section.get("secureModeWouldReject")));
        }
        return new EchoResponse(client == null ? null : ClientIdentity.fromJson(client), tls,
                root.get("request") instanceof Map<?, ?> request ? (Map<String, Object>) request : null,
                root.get("server") instanceof Map<?, ?> server ? (Map<String, Object>) server : null,
                Boolean.TRUE.equals(root.get("unsafeMode")), strings(root.get("unsafe")), inspect, Map.of(),
                text(root.get("warning")));
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
