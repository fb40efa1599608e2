package io.mtlslab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.PkiException;
import org.junit.jupiter.api.Test;

/** The server's settings: the secure default, and a plain-words label for every departure from it. */
class ServerSettingsTest {

    @Test
    void theSecureDefaultIsTheSeedsCorrectServer() {
        ServerSettings secure = ServerSettings.secure();
        assertThat(secure.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(secure.port()).isEqualTo(8443);
        assertThat(secure.clientAuth()).isEqualTo(ClientAuthMode.REQUIRED);
        assertThat(secure.trust()).isEqualTo(TrustMode.WORKSPACE);
        assertThat(secure.legacyProtocols()).isFalse();
        assertThat(secure.caNames()).isEqualTo(CaNamesMode.FULL);
        assertThat(secure.checkRevocation()).isTrue();
        assertThat(secure.maxHeaderBytes()).isEqualTo(8 * 1024);
        assertThat(secure.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(secure.unsafeLabels()).isEmpty();
        assertThat(secure.unsafe()).isFalse();
    }

    @Test
    void labelsEveryUnsafeChoiceInPlainWords() {
        ServerSettings everything = ServerSettings.secure().withClientAuth(ClientAuthMode.OPTIONAL)
                .withCheckIdentityInHandler(false).withTrust(TrustMode.SYSTEM_AND_WORKSPACE).withLegacyProtocols(true)
                .withCaNames(CaNamesMode.EMPTY).withCheckRevocation(false).withBindAddress("0.0.0.0");

        assertThat(everything.unsafeLabels()).hasSize(7).satisfiesExactly(
                l -> assertThat(l).startsWith("client certificate optional"),
                l -> assertThat(l).contains("authentication bypass"),
                l -> assertThat(l).startsWith("trusts the system CA store"),
                l -> assertThat(l).startsWith("TLS 1.0 and 1.1 allowed"),
                l -> assertThat(l).startsWith("empty CA-names list"),
                l -> assertThat(l).startsWith("revocation not checked"),
                l -> assertThat(l).startsWith("listening on 0.0.0.0"));
        assertThat(everything.modeLabel()).isEqualTo("optional (handler does not check)");
    }

    @Test
    void aHandlerThatDoesNotCheckIsHarmlessWhenTheTlsLayerRequiresTheCertificate() {
        ServerSettings settings = ServerSettings.secure().withCheckIdentityInHandler(false);
        assertThat(settings.handlerBypass()).isFalse();
        assertThat(settings.unsafeLabels()).isEmpty();
    }

    @Test
    void parsesTheWordsUsersType() {
        assertThat(ClientAuthMode.parse("Inspect")).isEqualTo(ClientAuthMode.INSPECT);
        assertThat(TrustMode.parse("system+workspace")).isEqualTo(TrustMode.SYSTEM_AND_WORKSPACE);
        assertThat(CaNamesMode.parse("empty")).isEqualTo(CaNamesMode.EMPTY);
        assertThat(ClientAuthMode.REQUIRED.unsafe()).isFalse();
        assertThat(ClientAuthMode.NONE.unsafe()).isTrue();
        assertThatThrownBy(() -> TrustMode.parse("everything")).isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("trust"));
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatThrownBy(() -> ServerSettings.secure().withPort(70000)).isInstanceOf(PkiException.class)
                .hasMessageContaining("70000");
    }
}
