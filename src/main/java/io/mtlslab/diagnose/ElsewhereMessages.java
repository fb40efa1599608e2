package io.mtlslab.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The dictionary of what OpenSSL, Go and curl print for each failure, read from
 * {@code elsewhere.properties} next to this class.
 */
public final class ElsewhereMessages {

    /** The tools the dictionary knows, in the order they are shown. */
    public static final List<String> TOOLS = List.of("openssl", "go", "curl");

    private static final Properties MESSAGES = load();

    private ElsewhereMessages() {
    }

    /** The messages for {@code code} as seen when {@code side} refused, keyed by tool; may be empty. */
    public static Map<String, String> of(DiagnosisCode code, Side side) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (String tool : TOOLS) {
            String text = null;
            // the side asked for first, then the code's general text, then the other sides' texts
            for (String key : List.of(code + "." + side + "." + tool, code + "." + tool,
                    code + "." + Side.SERVER + "." + tool, code + "." + Side.CLIENT + "." + tool)) {
                if (text == null) {
                    text = MESSAGES.getProperty(key);
                }
            }
            if (text != null) {
                messages.put(tool, text.trim());
            }
        }
        return messages;
    }

    /**
     * What the tools print when a TLS terminator such as nginx refused the client certificate with an
     * HTTP answer: the same for every cause, since the handshake succeeds and only the status tells.
     * The server's own log (nginx's error log) says the cause; it is keyed {@code server-log}.
     */
    public static Map<String, String> ofTerminator(DiagnosisCode code, boolean certificateSent) {
        String prefix = "terminator." + (certificateSent ? "CERTIFICATE_ERROR" : "NO_CERTIFICATE") + ".";
        Map<String, String> messages = new LinkedHashMap<>();
        for (String tool : TOOLS) {
            String text = MESSAGES.getProperty(prefix + tool);
            if (text != null) {
                messages.put(tool, text.trim());
            }
        }
        String log = MESSAGES.getProperty("terminator." + code + ".server-log",
                MESSAGES.getProperty(prefix + "server-log"));
        if (log != null) {
            messages.put("server-log", log.trim());
        }
        return messages;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ElsewhereMessages.class.getResourceAsStream("elsewhere.properties")) {
            if (in == null) {
                throw new IllegalStateException("elsewhere.properties is missing from the build");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
