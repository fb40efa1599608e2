package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent.Outcome;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.GoProgram;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo server against real peers: curl, openssl s_client and the seed's Go client. */
class EchoServerInteropTest {

    @TempDir
    static Path dir;

    static Credential client;
    static EchoServer echo;

    @BeforeAll
    static void start() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        client = TestPki.credential(workspace, Workspace.CLIENT);
        echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stop() {
        echo.close();
    }

    private static String serial() {
        return Certificates.serialHex(client.certificate());
    }

    private static ExternalTool.Result curl(String... extra) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert", "ca.pem"));
        command.addAll(List.of(extra));
        command.add(echo.url());
        return ExternalTool.run(dir, null, command);
    }

    @Test
    void refusesFiniteFieldKeyExchangeAndAgreesOnAnEllipticCurve() {
        for (String protocol : List.of("-tls1_3", "-tls1_2")) {
            ExternalTool.Result ffdhe = ExternalTool.run(dir, "", List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + echo.port(), protocol, "-groups", "ffdhe2048", "-cert", "client.pem", "-key", "client.key",
                    "-CAfile", "ca.pem"));
            assertThat(ffdhe.ok()).as(protocol + " ffdhe2048 only: " + ffdhe.output()).isFalse();
            // TLS 1.3: refused at the ClientHello. TLS 1.2: the server's only suites are ECDHE, so it picks a
            // curve the client did not list and the client gives up; no finite-field DH either way.
            assertThat(ffdhe.output()).contains("Cipher is (NONE)").doesNotContain("Server Temp Key: DH");
            if (protocol.equals("-tls1_3")) {
                assertThat(ffdhe.output()).contains("no peer certificate available");
            }
        }
        // BoringSSL has no X448 (the JDK has): the one group the providers differ on, and still no finite-field DH.
        boolean boringssl = echo.tlsProvider().provider() == TlsProviderChoice.OPENSSL;
        if (boringssl) {
            ExternalTool.Result x448 = ExternalTool.run(dir, "", List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + echo.port(), "-tls1_3", "-groups", "X448:ffdhe2048", "-cert", "client.pem",
                    "-key", "client.key", "-CAfile", "ca.pem"));
            assertThat(x448.output()).contains("Cipher is (NONE)").doesNotContain("Server Temp Key: DH");
        }
        for (String group : boringssl ? List.of("X25519", "P-256", "P-384", "P-521")
                : List.of("X25519", "P-256", "P-384", "X448", "P-521")) {
            ExternalTool.Result ecdhe = ExternalTool.run(dir, "", List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + echo.port(), "-tls1_3", "-groups", group + ":ffdhe2048", "-cert", "client.pem",
                    "-key", "client.key", "-CAfile", "ca.pem"));
            assertThat(ecdhe.output()).as(group).contains("Verify return code: 0 (ok)").doesNotContain("Cipher is (NONE)")
                    .containsPattern("(Server Temp Key|Negotiated TLS1.3 group): .*" + (group.startsWith("X") ? group
                            : "(" + group + "|prime" + group.substring(2) + "v1|secp" + group.substring(2) + "r1)"));
        }
    }

    @Test
    void curlWithTheClientCertificateGets200AndItsCommonName() {
        ExternalTool.Result result = curl("--cert", "client.pem", "--key", "client.key", "-w", "\nstatus=%{http_code}");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("\"commonName\" : \"Cliente\"").contains("\"serialHex\" : \"" + serial() + "\"")
                .contains("\"alpn\" : \"http/1.1\"").endsWith("status=200");
    }

    @Test
    void curlAskingForTextGetsTheSeedsThreeLines() {
        ExternalTool.Result result = curl("--cert", "client.pem", "--key", "client.key", "-H", "Accept: text/plain");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).isEqualTo("Common Name: Cliente\nOrganization Unit: CODIGODOCLIENTE\nSerial Number: "
                + serial() + "\n");
    }

    @Test
    void curlWithoutACertificateIsRefused() throws Exception {
        echo.log().drain();
        ExternalTool.Result result = curl("-w", "status=%{http_code}");

        assertThat(result.ok()).as(result.output()).isFalse();
        assertThat(result.output()).doesNotContain("Cliente").doesNotContain("status=200");
        awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED && "no certificate sent".equals(e.reason()));
    }

    @Test
    void curlThatTrustsAnotherCaAbortsAndTheServerSaysWhy() throws Exception {
        Files.writeString(dir.resolve("other-ca.pem"), io.mtlslab.pki.Pem.certificate(TestCredentials.rogueCa().certificate()));
        ExternalTool.Result result = ExternalTool.run(dir, null, List.of("curl", "-sS", "--max-time", "20", "--cacert",
                "other-ca.pem", "--cert", "client.pem", "--key", "client.key", echo.url()));

        assertThat(result.ok()).isFalse();
        ConnectionEvent rejected = awaitEvent(echo, e -> "client-rejected-server".equals(e.reasonCode()));
        // curl (OpenSSL) sends its TLS 1.3 unknown_ca alert unencrypted, so JSSE cannot name it.
        assertThat(rejected.reason()).startsWith("the client aborted the handshake")
                .contains("does not trust this server's certificate");
    }

    @Test
    void opensslSClientWithTheClientCertificateVerifiesTheServer() {
        ExternalTool.Result result = ExternalTool.run(dir, "openssl", "s_client", "-connect", "127.0.0.1:" + echo.port(),
                "-servername", "localhost", "-cert", "client.pem", "-key", "client.key", "-CAfile", "ca.pem");

        assertThat(result.output()).contains("Verify return code: 0 (ok)");
        assertThat(result.output()).contains("Acceptable client certificate CA names")
                .contains("CN = MinhaCA");
    }

    @Test
    void opensslOfferingOnlyTls11IsRejectedForItsProtocolVersion() throws Exception {
        ExternalTool.Result result = ExternalTool.run(dir, "openssl", "s_client", "-connect", "127.0.0.1:" + echo.port(),
                "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-cert", "client.pem", "-key", "client.key", "-CAfile", "ca.pem");

        assertThat(result.ok()).isFalse();
        ConnectionEvent rejected = awaitEvent(echo, e -> "protocol-version".equals(e.reasonCode()));
        assertThat(rejected.reason()).isEqualTo("protocol version: the client offered only TLSv1.1; this server accepts"
                + " TLSv1.3, TLSv1.2");
    }

    @Test
    void theSeedsGoClientGetsItsIdentityBack() throws Exception {
        ExternalTool.Result result = ExternalTool.run(dir, null, List.of(GoProgram.build("seed_client.go").toString(),
                "-cert", "client.pem", "-key", "client.key", "-ca", "ca.pem", "-accept", "text/plain", echo.url()));

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("Resposta do servidor: Common Name: Cliente\nOrganization Unit: CODIGODOCLIENTE\n"
                + "Serial Number: " + serial() + "\n");
    }
}
