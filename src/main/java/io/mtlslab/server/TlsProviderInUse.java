package io.mtlslab.server;

import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;

/**
 * Which TLS implementation a running echo server uses, and why when it is not BoringSSL: shown at
 * start, in every JSON echo ({@code tls.provider}) and in the GUI.
 *
 * @param provider {@link TlsProviderChoice#OPENSSL} or {@link TlsProviderChoice#JDK}, never {@code AUTO}
 * @param library the implementation in words, e.g. {@code BoringSSL (netty-tcnative)} or {@code JDK 17.0.12 (SunJSSE)}
 * @param fallback why the JDK runs although BoringSSL was the default, or {@code null}; a message, so it is
 *        shown in the reader's language
 */
public record TlsProviderInUse(TlsProviderChoice provider, String library, Message fallback) {

    public TlsProviderInUse {
        if (provider == null || provider == TlsProviderChoice.AUTO) {
            throw new IllegalArgumentException("the provider in use is openssl or jdk");
        }
    }

    /** {@code openssl} or {@code jdk}, as the JSON and {@code --tls-provider} spell it. */
    public String id() {
        return provider.id();
    }

    /** Why the JDK runs although BoringSSL was the default, in the current language, or {@code null}. */
    public String fallbackReason() {
        return fallback == null ? null : fallback.text();
    }

    /** One line for people: the library, and the reason for a fallback if there was one. */
    public String describe() {
        return fallback == null ? library : Texts.text("tlsProvider.describeFallback", library, fallback);
    }
}
