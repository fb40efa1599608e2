package io.mtlslab.server;

import static io.mtlslab.server.TestClients.context;
import static io.mtlslab.server.TestClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.NativeTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which TLS implementation the echo server runs on, and that it says so. */
class TlsProviderTest {

    @TempDir
    static Path dir;

    static Credential server;
    static Credential client;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        server = TestPki.credential(workspace, Workspace.SERVER);
        client = TestPki.credential(workspace, Workspace.CLIENT);
    }

    private static EchoServer start(TlsProviderChoice choice) {
        return EchoServer.start(server, List.of(workspace.caCertificate()),
                ServerSettings.secure().withPort(0).withTlsProvider(choice));
    }

    /** The echo's {@code tls.provider}, after checking that its {@code tls.library} is the one the server names. */
    @SuppressWarnings("unchecked")
    private static String providerInTheEcho(EchoServer echo) throws Exception {
        Map<String, Object> body = JSON.std.mapFrom(get(echo, context(client, workspace.caCertificate()), null).body());
        Map<String, Object> tls = (Map<String, Object>) body.get("tls");
        assertThat(tls.get("library")).as("tls.library").isEqualTo(echo.tlsProvider().library());
        assertThat(echo.tlsProvider().describe()).startsWith((String) tls.get("library"));
        return (String) tls.get("provider");
    }

    @Test
    void boringSslLoadsOnTheMachinesThePomShipsItsLibraryFor() {
        // The pom carries the linux-x86_64 native library: there, a fallback would be a packaging bug, not a choice.
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if (linuxX64) {
            assertThat(NativeTls.available()).as(String.valueOf(NativeTls.unavailableReason())).isTrue();
        }
    }

    @Test
    void autoRunsOnBoringSslWhereItLoadsAndSaysSo() throws Exception {
        try (EchoServer echo = start(TlsProviderChoice.AUTO)) {
            if (NativeTls.available()) {
                assertThat(echo.tlsProvider().provider()).isEqualTo(TlsProviderChoice.OPENSSL);
                assertThat(echo.tlsProvider().describe()).contains("BoringSSL");
                assertThat(echo.tlsProvider().fallbackReason()).isNull();
                assertThat(providerInTheEcho(echo)).isEqualTo("openssl");
            } else {
                assertThat(echo.tlsProvider().provider()).isEqualTo(TlsProviderChoice.JDK);
                assertThat(echo.tlsProvider().fallbackReason()).contains("native library did not load");
                assertThat(providerInTheEcho(echo)).isEqualTo("jdk");
            }
        }
    }

    @Test
    void runsOnTheJdkWhenAskedAndSaysSo() throws Exception {
        try (EchoServer echo = start(TlsProviderChoice.JDK)) {
            assertThat(echo.tlsProvider().provider()).isEqualTo(TlsProviderChoice.JDK);
            assertThat(echo.tlsProvider().describe()).startsWith("JDK ").contains("SunJSSE");
            assertThat(providerInTheEcho(echo)).isEqualTo("jdk");
        }
    }

    @Test
    void runsOnBoringSslWhenAskedOrSaysWhyItCannot() throws Exception {
        if (NativeTls.available()) {
            try (EchoServer echo = start(TlsProviderChoice.OPENSSL)) {
                assertThat(providerInTheEcho(echo)).isEqualTo("openssl");
            }
        } else {
            assertThatThrownBy(() -> start(TlsProviderChoice.OPENSSL)).isInstanceOf(PkiException.class)
                    .hasMessageContaining("BoringSSL").satisfies(e -> assertThat(((PkiException) e).fix())
                            .contains("--tls-provider jdk"));
        }
    }

    @Test
    void theProcessDefaultComesFromItsSystemProperty() {
        String before = System.getProperty(TlsProviderChoice.PROPERTY);
        try {
            System.setProperty(TlsProviderChoice.PROPERTY, "jdk");
            assertThat(ServerSettings.secure().tlsProvider()).isEqualTo(TlsProviderChoice.JDK);
            System.clearProperty(TlsProviderChoice.PROPERTY);
            assertThat(ServerSettings.secure().tlsProvider()).isEqualTo(TlsProviderChoice.AUTO);
        } finally {
            if (before == null) {
                System.clearProperty(TlsProviderChoice.PROPERTY);
            } else {
                System.setProperty(TlsProviderChoice.PROPERTY, before);
            }
        }
    }

    @Test
    void rejectsAnUnknownProviderNamingTheChoices() {
        assertThatThrownBy(() -> TlsProviderChoice.parse("gnutls")).isInstanceOf(PkiException.class)
                .hasMessageContaining("gnutls").satisfies(e -> assertThat(((PkiException) e).fix())
                        .contains("auto, openssl, jdk"));
    }
}
