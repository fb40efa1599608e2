package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static io.mtlslab.server.TestClients.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent.Outcome;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.ServerCertificateFinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed TLS session skips the certificate check of a full handshake: the echo server must still
 * refuse a client revoked since its session began (on BoringSSL and, in the second surefire run, on
 * the JDK's TLS), while a client in good standing keeps resuming.
 */
class SessionResumptionTest {

    @TempDir
    static Path dir;

    static Credential ca;
    static Credential server;
    static X509Certificate caCertificate;

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        ca = TestPki.credential(workspace, Workspace.CA);
        server = TestPki.credential(workspace, Workspace.SERVER);
        caCertificate = ca.certificate();
    }

    /** One exchange on a raw socket of {@code context} (so its session cache is the client's own). */
    record Exchange(boolean resumed, String answer) {
    }

    private static Exchange exchange(EchoServer echo, SSLContext context, String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", echo.port())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            long started = System.currentTimeMillis();
            socket.startHandshake();
            boolean resumed = socket.getSession().getCreationTime() < started;
            String answer;
            try {
                socket.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                answer = readAll(socket.getInputStream());
            } catch (IOException refused) {
                answer = "";
            }
            return new Exchange(resumed, answer);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void refusesAResumedSessionOfAClientRevokedSinceItBegan(String protocol) throws Exception {
        Credential student = TestCredentials.client(ca, null);
        Path crl = dir.resolve("resumption-crl-" + protocol + ".pem");
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), crl, ServerSettings.secure().withPort(0))) {
            SSLContext resuming = context(student, caCertificate);
            assertThat(exchange(echo, resuming, protocol).answer()).startsWith("HTTP/1.1 200");
            Exchange second = exchange(echo, resuming, protocol);
            assertThat(second.resumed()).as("the client resumes its session while in good standing").isTrue();
            assertThat(second.answer()).startsWith("HTTP/1.1 200");

            TestCredentials.writeCrl(crl, ca, student.certificate().getSerialNumber());
            // A full handshake is refused once the server has read the CRL...
            TestClients.awaitRefused(echo, () -> context(student, caCertificate));

            // ...and so is the session that began before the revocation.
            Exchange afterRevocation = exchange(echo, resuming, protocol);
            assertThat(afterRevocation.resumed()).as("the client tried to resume").isTrue();
            assertThat(afterRevocation.answer()).as("a revoked client must not be served").doesNotContain("200");
            ConnectionEvent refused = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED && e.reason() != null
                    && e.reason().contains("resumed"));
            assertThat(refused.reasonCode()).isEqualTo(ServerCertificateFinding.REVOKED);
            assertThat(refused.reason()).contains("revoked: serial " + Certificates.serialHex(student.certificate()));
            assertThat(refused.clientSerialHex()).isEqualTo(Certificates.serialHex(student.certificate()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aTrustedClientStillResumesAndIsServed(String protocol) throws Exception {
        Credential student = TestCredentials.client(ca, null);
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), ServerSettings.secure().withPort(0))) {
            SSLContext resuming = context(student, caCertificate);
            assertThat(exchange(echo, resuming, protocol).answer()).startsWith("HTTP/1.1 200");
            for (int i = 0; i < 3; i++) {
                Exchange again = exchange(echo, resuming, protocol);
                assertThat(again.resumed()).isTrue();
                assertThat(again.answer()).startsWith("HTTP/1.1 200").contains("Cliente");
            }
            assertThat(echo.log().snapshot()).noneMatch(e -> e.outcome() == Outcome.REJECTED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void inspectModeReportsWhatTheSecureModeWouldRejectOnAResumedSessionToo(String protocol) throws Exception {
        Credential student = TestCredentials.client(ca, null);
        Path crl = dir.resolve("inspect-resumption-crl-" + protocol + ".pem");
        ServerSettings inspect = ServerSettings.secure().withPort(0).withClientAuth(ClientAuthMode.INSPECT);
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), crl, inspect)) {
            SSLContext resuming = context(student, caCertificate);
            assertThat(exchange(echo, resuming, protocol).answer()).startsWith("HTTP/1.1 200");
            TestCredentials.writeCrl(crl, ca, student.certificate().getSerialNumber());
            // In inspect mode nothing is refused: wait until a full handshake reports the revocation.
            awaitFreshHandshakeFlagsRevocation(echo, student);

            Exchange resumed = exchange(echo, resuming, protocol);
            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.answer()).startsWith("HTTP/1.1 200").contains("revoked: serial");
        }
    }

    private static void awaitFreshHandshakeFlagsRevocation(EchoServer echo, Credential student) {
        io.mtlslab.testing.Await.until("a full handshake to report the revocation", () -> {
            try {
                return exchange(echo, context(student, caCertificate), "TLSv1.3").answer().contains("revoked: serial");
            } catch (IOException e) {
                return false;
            }
        });
    }
}
