package io.mtlslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.NativeTls;
import io.mtlslab.tls.ServerTlsProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy teaching mode: TLS 1.0/1.1 really offered by a fresh {@code serve --legacy-tls} process, and
 * an honest notice where the running JVM can no longer lift the JDK's ban.
 */
class LegacyProtocolsTest {

    @TempDir
    static Path dir;

    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @Test
    void saysSoWhenThisJvmStillRefusesTheOldProtocols() {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        ServerTlsProfile.jdkAllows("TLSv1.3"); // JSSE is running from here on, as in any busy process
        try (EchoServer legacy = EchoServer.start(workspace, ServerSettings.secure().withPort(0).withLegacyProtocols(true)
                .withTlsProvider(TlsProviderChoice.JDK))) {
            boolean effective = ServerTlsProfile.jdkAllows("TLSv1.1");
            assertThat(legacy.notices().isEmpty()).isEqualTo(effective);
            if (!effective) {
                assertThat(legacy.notices()).singleElement().asString().contains("still refuses them")
                        .contains("serve --legacy-tls");
            }
            assertThat(legacy.settings().unsafeLabels()).anyMatch(label -> label.startsWith("TLS 1.0 and 1.1 allowed"));
        } finally {
            Security.setProperty("jdk.tls.disabledAlgorithms", disabled);
        }
    }

    @Test
    void onBoringSslTheOldProtocolsAreOfferedWhateverThisJvmRefuses() throws Exception {
        ExternalTool.require("openssl");
        Assumptions.assumeTrue(NativeTls.available(), "BoringSSL does not load here");
        ServerTlsProfile.jdkAllows("TLSv1.3"); // JSSE is running, its ban on TLS 1.0/1.1 fixed for this JVM
        try (EchoServer legacy = EchoServer.start(workspace, ServerSettings.secure().withPort(0).withLegacyProtocols(true)
                .withTlsProvider(TlsProviderChoice.OPENSSL))) {
            assertThat(legacy.notices()).isEmpty();
            ExternalTool.Result result = ExternalTool.run(dir, null, List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + legacy.port(), "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-cert", "client.pem",
                    "-key", "client.key", "-CAfile", "ca.pem"));
            assertThat(result.output()).contains("Protocol  : TLSv1.1").contains("Verify return code: 0 (ok)");
            ConnectionEvent accepted = TestClients.awaitEvent(legacy, e -> e.outcome() == ConnectionEvent.Outcome.ACCEPTED);
            assertThat(accepted.protocol()).isEqualTo("TLSv1.1");
        }
    }

    @Test
    @Timeout(90)
    void aFreshServeProcessWithLegacyTlsAcceptsATls11Client() throws Exception {
        ExternalTool.require("openssl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.mtlslab.Main", "serve",
                "--dir", dir.toString(), "--port", "0", "--legacy-tls",
                "--tls-provider", TlsProviderChoice.processDefault().id()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            int port = awaitPort(out);
            ExternalTool.Result result = ExternalTool.run(dir, null, List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-cert", "client.pem", "-key",
                    "client.key", "-CAfile", "ca.pem"));
            assertThat(result.output()).contains("Protocol  : TLSv1.1").contains("Verify return code: 0 (ok)");
            String line;
            while ((line = out.readLine()) != null && !line.contains(" ACCEPTED ")) {
                // skip the banner
            }
            assertThat(line).contains("ACCEPTED TLSv1.1").endsWith("[UNSAFE MODE]");
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static int awaitPort(BufferedReader out) throws Exception {
        Pattern listening = Pattern.compile("listening on https://localhost:(\\d+)/");
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("serve did not start:\n" + seen);
    }
}
