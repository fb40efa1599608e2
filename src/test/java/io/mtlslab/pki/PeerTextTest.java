package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerTextTest {

    @Test
    void forgedLogLineAndTerminalEscapesBecomeVisible() {
        String forged = "CN=evil\n2026-12-01 ACCEPTED CN=admin\u001B[2J";

        String escaped = PeerText.escape(forged);

        assertThat(escaped).doesNotContain("\n").doesNotContain("\u001B")
                .isEqualTo("CN=evil\\n2026-12-01 ACCEPTED CN=admin\\u001B[2J");
        assertThat(PeerText.hasUnsafe(forged)).isTrue();
        assertThat(PeerText.describeFirstUnsafe(forged)).isEqualTo("U+000A at position 8");
    }

    @Test
    void bidiOverridesAndC1ControlsAreEscaped() {
        assertThat(PeerText.escape("CN=\u202Egpj.exe")).isEqualTo("CN=\\u202Egpj.exe");
        assertThat(PeerText.escape("a\u0085b\u2066c")).isEqualTo("a\\u0085b\\u2066c");
    }

    @Test
    void lettersOfEveryScriptAndDnEscapesStay() {
        String text = "CN=João Ñandú,O=Ünïcødé 日本語 Ελληνικά,OU=Silva\\, Maria";

        assertThat(PeerText.escape(text)).isSameAs(text);
        assertThat(PeerText.hasUnsafe(text)).isFalse();
        assertThat(PeerText.escape(null)).isNull();
    }
}
