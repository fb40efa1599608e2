package io.mtlslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Why the JDK runs instead of BoringSSL is said in the reader's language, rendered when it is shown. */
class TlsProviderInUseTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theFallbackReasonFollowsTheLanguage() {
        TlsProviderInUse fallback = new TlsProviderInUse(TlsProviderChoice.JDK, "JDK 17 (SunJSSE)",
                Message.of("tlsProvider.fallbackReason", "UnsatisfiedLinkError: no tcnative"));

        assertThat(fallback.describe()).isEqualTo(
                "JDK 17 (SunJSSE), because BoringSSL's native library did not load (UnsatisfiedLinkError: no tcnative)");
        Texts.use(Texts.PT_BR);
        assertThat(fallback.fallbackReason())
                .isEqualTo("a biblioteca nativa do BoringSSL não carregou (UnsatisfiedLinkError: no tcnative)");
        assertThat(fallback.describe()).startsWith("JDK 17 (SunJSSE), porque a biblioteca nativa");
    }

    @Test
    void noFallbackNoReason() {
        TlsProviderInUse jdk = new TlsProviderInUse(TlsProviderChoice.JDK, "JDK 17 (SunJSSE)", null);

        assertThat(jdk.fallbackReason()).isNull();
        assertThat(jdk.describe()).isEqualTo("JDK 17 (SunJSSE)");
    }
}
