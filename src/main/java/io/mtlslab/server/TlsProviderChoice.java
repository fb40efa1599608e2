package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which TLS implementation the echo server is asked to run on: BoringSSL (netty-tcnative) where its
 * native library loads, else the JDK's ({@code auto}, the default), or one of them explicitly.
 */
public enum TlsProviderChoice {
    /** BoringSSL when its native library loads and it can do the mode, the JDK otherwise. */
    AUTO("auto"),
    /** BoringSSL through netty-tcnative: several times the JDK's handshake rate. */
    OPENSSL("openssl"),
    /** The JDK's own TLS (SunJSSE). */
    JDK("jdk");

    /**
     * The system property that sets the default choice for a whole process ({@code auto}, {@code openssl}
     * or {@code jdk}): how the test suite runs the echo server's tests on each provider.
     */
    public static final String PROPERTY = "mtlslab.tls.provider";

    private final String id;

    TlsProviderChoice(String id) {
        this.id = id;
    }

    /** The word users type: {@code auto}, {@code openssl}, {@code jdk}. */
    public String id() {
        return id;
    }

    /** The process's default: {@value #PROPERTY} when set, else {@code auto}. */
    public static TlsProviderChoice processDefault() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? AUTO : parse(value);
    }

    public static TlsProviderChoice parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TlsProviderChoice choice : values()) {
            if (choice.id.equals(wanted)) {
                return choice;
            }
        }
        throw PkiException.of("tls-provider", "unknownChoice", Message.of("pkierror.kind.tlsProvider"), text,
                Arrays.stream(values()).map(TlsProviderChoice::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
