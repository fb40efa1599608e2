package io.mtlslab.server;

import static io.mtlslab.server.TestClients.awaitEvent;
import static io.mtlslab.server.TestClients.context;
import static io.mtlslab.server.TestClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent.Outcome;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.TlsContexts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo server over real sockets: the secure default, the teaching modes, responses and the log. */
class EchoServerTest {

    @TempDir
    static Path dir;

    static Workspace workspace;
    static Credential ca;
    static Credential server;
    static Credential client;
    static X509Certificate caCertificate;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        ca = TestPki.credential(workspace, Workspace.CA);
        server = TestPki.credential(workspace, Workspace.SERVER);
        client = TestPki.credential(workspace, Workspace.CLIENT);
        caCertificate = ca.certificate();
    }

    private static EchoServer start(ServerSettings settings) {
        return EchoServer.start(server, List.of(caCertificate), settings.withPort(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.std.mapFrom(response.body());
    }

    @Test
    void acceptsTheValidClientAndEchoesItsIdentityAsJson() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            HttpResponse<String> response = get(echo, context(client, caCertificate), null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue(EchoResponses.UNSAFE_HEADER)).isEmpty();
            Map<String, Object> body = json(response);
            Map<String, Object> identity = (Map<String, Object>) body.get("client");
            X509Certificate certificate = client.certificate();
            assertThat(identity).containsEntry("commonName", "Cliente")
                    .containsEntry("organizationalUnits", List.of("CODIGODOCLIENTE"))
                    .containsEntry("organization", "MinhaEmpresa")
                    .containsEntry("serialHex", certificate.getSerialNumber().toString(16))
                    .containsEntry("subject", "C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=CODIGODOCLIENTE, CN=Cliente")
                    .containsEntry("issuer", "C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=TI, CN=MinhaCA")
                    .containsEntry("sha256Fingerprint", Certificates.sha256Fingerprint(certificate))
                    .containsEntry("notAfter", certificate.getNotAfter().toInstant().toString());
            assertThat((Map<String, Object>) identity.get("subjectAltNames")).containsKeys("dns", "ip", "email", "uri");
            Map<String, Object> tls = (Map<String, Object>) body.get("tls");
            assertThat(tls).containsEntry("protocol", "TLSv1.3").containsKey("alpn"); // HttpClient 1.1 offers no ALPN; curl does
            assertThat((String) tls.get("cipherSuite")).startsWith("TLS_AES_");
            Map<String, Object> request = (Map<String, Object>) body.get("request");
            assertThat(request).containsEntry("method", "GET").containsEntry("path", "/hello?x=1")
                    .containsEntry("body", "");
            assertThat((Map<String, Object>) request.get("headers")).containsEntry("X-Test", "yes");
            assertThat(body).containsEntry("unsafeMode", false).containsEntry("unsafe", List.of());

            ConnectionEvent accepted = awaitEvent(echo, e -> e.outcome() == Outcome.ACCEPTED);
            assertThat(accepted.clientSubject()).endsWith("CN=Cliente");
            assertThat(accepted.clientSerialHex()).isEqualTo(certificate.getSerialNumber().toString(16));
            assertThat(accepted.protocol()).isEqualTo("TLSv1.3");
            assertThat(accepted.remoteAddress()).startsWith("127.0.0.1:");
            assertThat(accepted.unsafeMode()).isFalse();
            ConnectionEvent request1 = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST);
            assertThat(request1.status()).isEqualTo(200);
            assertThat(request1.method()).isEqualTo("GET");
            assertThat(request1.path()).isEqualTo("/hello?x=1");
            assertThat(request1.connectionId()).isEqualTo(accepted.connectionId());
        }
    }

    @Test
    void itsJsonReadsBackAsOneEchoResponseWithTheProviderThatRan() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            EchoResponse read = EchoResponse.parse(get(echo, context(client, caCertificate), null).body());

            assertThat(read.client()).isEqualTo(ClientIdentity.of(client.certificate()));
            assertThat(read.tls().provider()).isEqualTo(echo.tlsProvider().id()).isIn("openssl", "jdk");
            assertThat(read.tls().protocol()).isEqualTo("TLSv1.3");
            assertThat(read.request()).containsEntry("path", "/hello?x=1");
            assertThat(read.inspect()).isNull();
            assertThat(read.unsafeMode()).isFalse();
        }
    }

    @Test
    void answersAcceptTextPlainWithTheSeedsThreeLines() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            HttpResponse<String> response = get(echo, context(client, caCertificate), "text/plain");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Common Name: Cliente\nOrganization Unit: CODIGODOCLIENTE\n"
                    + "Serial Number: " + client.certificate().getSerialNumber().toString(16) + "\n");
        }
    }

    @Test
    void servesTls12WithAForwardSecretAeadSuite() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            Map<String, Object> body = json(get(echo, context(client, caCertificate), null, "TLSv1.2"));
            Map<String, Object> tls = (Map<String, Object>) body.get("tls");
            assertThat(tls).containsEntry("protocol", "TLSv1.2");
            assertThat((String) tls.get("cipherSuite")).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "CHACHA20");
        }
    }

    @Test
    void rejectsAClientWithoutCertificate() throws Exception {
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (EchoServer echo = start(ServerSettings.secure())) {
                assertThatThrownBy(() -> get(echo, context(null, caCertificate), null, protocol))
                        .isInstanceOf(IOException.class);
                ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
                assertThat(rejected.reason()).as(protocol).isEqualTo("no certificate sent");
                assertThat(rejected.reasonCode()).isEqualTo("no-certificate");
                assertThat(echo.log().snapshot()).noneMatch(e -> e.outcome() == Outcome.REQUEST);
            }
        }
    }

    @Test
    void rejectsAClientCertificateFromARogueCaWithTheSameName() throws Exception {
        Credential rogueClient = TestCredentials.client(TestCredentials.rogueCa(), null);
        try (EchoServer echo = start(ServerSettings.secure())) {
            assertThatThrownBy(() -> get(echo, context(rogueClient, caCertificate), null)).isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith(
                    "unknown CA: C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=TI, CN=MinhaCA").contains("look-alike");
            assertThat(rejected.reasonCode()).isEqualTo("unknown-ca");
            assertThat(rejected.clientSubject()).endsWith("CN=Cliente");
        }
    }

    @Test
    void rejectsASelfSignedLookAlikeOfTheRealClient() throws Exception {
        // With the full CA-names list a JSSE client would not even offer it; an empty list makes it try.
        try (EchoServer echo = start(ServerSettings.secure().withCaNames(CaNamesMode.EMPTY))) {
            assertThatThrownBy(() -> get(echo, context(TestCredentials.selfSignedLookAlike(), caCertificate), null))
                    .isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith("unknown CA: C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa,"
                    + " OU=CODIGODOCLIENTE, CN=Cliente").contains("self-signed");
        }
    }

    @Test
    void rejectsAnExpiredClientCertificate() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            assertThatThrownBy(() -> get(echo, context(TestCredentials.expiredClient(ca), caCertificate), null))
                    .isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith("expired: the client certificate was valid until");
            assertThat(rejected.reasonCode()).isEqualTo("expired");
        }
    }

    @Test
    void rejectsANotYetValidClientCertificate() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            assertThatThrownBy(() -> get(echo, context(TestCredentials.notYetValidClient(ca), caCertificate), null))
                    .isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith("not yet valid: the client certificate is valid only from");
        }
    }

    @Test
    void rejectsAServerCertificateUsedAsClient() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            assertThatThrownBy(() -> get(echo, context(server, caCertificate), null)).isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith("missing clientAuth EKU").contains("serverAuth");
            assertThat(rejected.reasonCode()).isEqualTo("missing-client-auth-eku");
        }
    }

    @Test
    void rejectsARevokedClientOnceTheWorkspaceCrlListsIt() throws Exception {
        Credential revoked = TestCredentials.client(ca, null);
        Path crl = dir.resolve("revocation-test-crl.pem");
        try (EchoServer echo = EchoServer.start(server, List.of(caCertificate), crl, ServerSettings.secure().withPort(0))) {
            assertThat(get(echo, context(revoked, caCertificate), null).statusCode()).isEqualTo(200);

            TestCredentials.writeCrl(crl, ca, revoked.certificate().getSerialNumber());
            TestClients.awaitRefused(echo, () -> context(revoked, caCertificate));
            assertThatThrownBy(() -> get(echo, context(revoked, caCertificate), null)).isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reason()).startsWith("revoked: serial " + Certificates.serialHex(revoked.certificate()));
            assertThat(get(echo, context(client, caCertificate), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesACrlNotSignedByTheTrustedCa() throws Exception {
        Path crl = dir.resolve("rogue-crl.pem");
        TestCredentials.writeCrl(crl, TestCredentials.rogueCa(), client.certificate().getSerialNumber());
        assertThatThrownBy(() -> EchoServer.start(server, List.of(caCertificate), crl, ServerSettings.secure().withPort(0)))
                .isInstanceOf(PkiException.class).hasMessageContaining("not signed by a trusted CA");
    }

    @Test
    void logsThatTheClientAbortedWhenItDoesNotTrustTheServer() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure())) {
            SSLContext distrustful = context(client, TestCredentials.rogueCa().certificate());
            // An SSLSocket sends its alert before closing (the JDK's HttpClient just hangs up).
            assertThatThrownBy(() -> {
                try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) distrustful.getSocketFactory()
                        .createSocket("localhost", echo.port())) {
                    socket.startHandshake();
                }
            }).isInstanceOf(IOException.class);
            ConnectionEvent rejected = awaitEvent(echo, e -> e.outcome() == Outcome.REJECTED);
            assertThat(rejected.reasonCode()).as(rejected.reason()).isEqualTo("client-rejected-server");
            assertThat(rejected.reason()).startsWith("the client aborted the handshake (alert certificate_unknown)")
                    .contains("does not trust this server's certificate");
        }
    }

    @Test
    void optionalModeAnswers401WithTheSeedsBodyWithoutACertificate() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure().withClientAuth(ClientAuthMode.OPTIONAL))) {
            HttpResponse<String> response = get(echo, context(null, caCertificate), null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{ \"error\": \"client certificate required\" }");
            assertThat(response.headers().firstValue(EchoResponses.UNSAFE_HEADER).orElseThrow())
                    .contains("client certificate optional");
            ConnectionEvent request = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST);
            assertThat(request.status()).isEqualTo(401);
            assertThat(request.unsafeMode()).isTrue();
            assertThat(request.toLine()).contains("[UNSAFE MODE]");

            assertThat(get(echo, context(client, caCertificate), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void optionalModeWithACarelessHandlerIsAnAuthenticationBypass() throws Exception {
        ServerSettings careless = ServerSettings.secure().withClientAuth(ClientAuthMode.OPTIONAL)
                .withCheckIdentityInHandler(false);
        try (EchoServer echo = start(careless)) {
            HttpResponse<String> response = get(echo, context(null, caCertificate), null);

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = json(response);
            assertThat(body.get("client")).isNull();
            assertThat((String) body.get("warning")).startsWith("authentication bypass");
            assertThat((List<String>) body.get("unsafe")).anyMatch(label -> label.contains("authentication bypass"));
            assertThat((Map<String, Object>) body.get("server")).containsEntry("mode", "optional (handler does not check)");
            ConnectionEvent request = awaitEvent(echo, e -> e.outcome() == Outcome.REQUEST);
            assertThat(request.reason()).startsWith("authentication bypass");
        }
    }

    @Test
    void noneModeNeverAsksForTheCertificate() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure().withClientAuth(ClientAuthMode.NONE))) {
            HttpResponse<String> response = get(echo, context(client, caCertificate), null);

            assertThat(response.statusCode()).isEqualTo(401);
            ConnectionEvent accepted = awaitEvent(echo, e -> e.outcome() == Outcome.ACCEPTED);
            assertThat(accepted.clientSubject()).isNull();
            assertThat(accepted.unsafeMode()).isTrue();
        }
    }

    @Test
    void inspectModeAcceptsARogueClientAndSaysWhatSecureModeWouldReject() throws Exception {
        Credential rogueExpired = TestCredentials.expiredClient(TestCredentials.rogueCa());
        try (EchoServer echo = start(ServerSettings.secure().withClientAuth(ClientAuthMode.INSPECT))) {
            HttpResponse<String> response = get(echo, context(rogueExpired, caCertificate), null);

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = json(response);
            assertThat((Map<String, Object>) body.get("client")).containsEntry("commonName", "Cliente");
            Map<String, Object> inspect = (Map<String, Object>) body.get("inspect");
            assertThat(inspect).containsEntry("secureModeWouldAccept", false);
            assertThat((List<String>) inspect.get("secureModeWouldReject")).hasSize(2)
                    .anyMatch(r -> r.startsWith("unknown CA: C=BR")).anyMatch(r -> r.startsWith("expired"));
            assertThat(body).containsEntry("unsafeMode", true);
            ConnectionEvent accepted = awaitEvent(echo, e -> e.outcome() == Outcome.ACCEPTED);
            assertThat(accepted.secureModeWouldReject()).hasSize(2);

            Map<String, Object> valid = json(get(echo, context(client, caCertificate), null));
            assertThat((Map<String, Object>) valid.get("inspect")).containsEntry("secureModeWouldAccept", true)
                    .containsEntry("secureModeWouldReject", List.of());

            HttpResponse<String> none = get(echo, context(null, caCertificate), null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat((Map<String, Object>) json(none).get("inspect"))
                    .containsEntry("secureModeWouldReject", List.of("no certificate sent"));
        }
    }

    @Test
    void sendsTheWorkspaceCaAsTheOnlyAcceptableIssuerByDefault() throws Exception {
        assertThat(askedIssuers(ServerSettings.secure(), 200))
                .containsExactly(caCertificate.getSubjectX500Principal().getName());
    }

    @Test
    void sendsNoCaNamesInEmptyMode() throws Exception {
        assertThat(askedIssuers(ServerSettings.secure().withCaNames(CaNamesMode.EMPTY), 200)).isEmpty();
    }

    @Test
    void sendsTheChosenNamesInCustomModeSoTheClientKeepsItsCertificateBack() throws Exception {
        X509Certificate unrelated = TestCredentials.selfSignedLookAlike().certificate();
        ServerSettings custom = ServerSettings.secure().withClientAuth(ClientAuthMode.OPTIONAL)
                .withCustomCaNames(List.of(unrelated));
        // The client's issuer is not among the names: a JSSE client then sends no certificate at all.
        assertThat(askedIssuers(custom, 401)).containsExactly(unrelated.getSubjectX500Principal().getName());
        assertThat(custom.unsafeLabels()).anyMatch(label -> label.startsWith("custom CA-names list (C=BR"));
    }

    private static List<String> askedIssuers(ServerSettings settings, int expectedStatus) throws Exception {
        TestClients.RecordingKeyManager recorder = new TestClients.RecordingKeyManager(TlsContexts.keyManager(client));
        SSLContext context = TlsContexts.context(recorder, TlsContexts.trustManager(List.of(caCertificate)));
        try (EchoServer echo = start(settings)) {
            assertThat(get(echo, context, null).statusCode()).isEqualTo(expectedStatus);
        }
        assertThat(recorder.askedIssuers).hasSize(1);
        return recorder.askedIssuers.get(0);
    }

    @Test
    void systemAndWorkspaceTrustStillServesTheWorkspaceClientButSaysItIsUnsafe() throws Exception {
        try (EchoServer echo = start(ServerSettings.secure().withTrust(TrustMode.SYSTEM_AND_WORKSPACE))) {
            Map<String, Object> body = json(get(echo, context(client, caCertificate), null));
            assertThat((List<String>) body.get("unsafe")).anyMatch(label -> label.startsWith("trusts the system CA store"));
        }
    }

    @Test
    void failsClearlyWhenThePortIsTaken() {
        try (EchoServer first = start(ServerSettings.secure())) {
            ServerSettings same = ServerSettings.secure().withPort(first.port());
            assertThatThrownBy(() -> EchoServer.start(server, List.of(caCertificate), same))
                    .isInstanceOf(PkiException.class)
                    .hasMessageContaining("port " + first.port()).hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((PkiException) e).fix()).contains("--port"));
        }
    }

    @Test
    void releasesItsPortWhenClosed() throws Exception {
        // How fast it starts and stops is a benchmark's question (bench/), not a unit test's.
        EchoServer echo = start(ServerSettings.secure());
        int port = echo.port();
        assertThat(echo.isRunning()).isTrue();
        echo.close();
        assertThat(echo.isRunning()).isFalse();
        try (java.net.ServerSocket reuse = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void startsFromAWorkspaceWithItsServerIdentityAndCa() throws Exception {
        try (EchoServer echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0))) {
            assertThat(get(echo, context(client, caCertificate), "text/plain").body()).startsWith("Common Name: Cliente\n");
        }
    }
}
