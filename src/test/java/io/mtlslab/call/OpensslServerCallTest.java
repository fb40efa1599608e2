package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.diagnose.Side;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our call against a real {@code openssl s_server -Verify 1 -verify_return_error}: success and refusals. */
class OpensslServerCallTest {

    @TempDir
    static Path dir;
    static CallCredentials creds;
    private Process server;

    @BeforeAll
    static void issue() throws Exception {
        ExternalTool.require("openssl");
        creds = new CallCredentials(dir.resolve("ws"));
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    private int startServer(Path caFile, String... extra) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Workspace ws = creds.workspace;
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", ws.certificateFile("server").toString(), "-key", ws.keyFile("server").toString(),
                "-CAfile", caFile.toString(), "-Verify", "1", "-verify_return_error", "-www"));
        command.addAll(List.of(extra));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s_server-" + port + ".log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return port;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("openssl s_server did not start listening on " + port);
    }

    private static Path otherCaFile() throws IOException {
        Path otherCa = dir.resolve("other-ca.pem");
        Files.writeString(otherCa, Pem.certificate(creds.otherCa.certificate()));
        return otherCa;
    }

    private static CallRequest.Builder call(int port) {
        return CallRequest.builder("https://localhost:" + port + "/").workspace(creds.workspace)
                .identity(ClientIdentity.fromWorkspace(creds.workspace, "client", null));
    }

    @Test
    void callSucceedsAgainstOpensslRequiringAVerifiedClientCertificate() throws Exception {
        int port = startServer(creds.workspace.certificateFile("ca"));

        CallResult result = TestCall.run(call(port).build());

        assertThat(result.diagnosis()).as("%s", result.diagnosis()).isNull();
        assertThat(result.response().status()).isEqualTo(200);
        assertThat(result.response().body()).contains("Cipher");
        assertThat(result.report().askedVsPresented().acceptedCaNames()).anyMatch(n -> n.contains("CN=MinhaCA"));
        assertThat(result.report().askedVsPresented().sent().subject()).contains("CN=Cliente");
        assertThat(result.report().readAfterHandshake()).isTrue();
    }

    @Test
    void opensslTrustingAnotherCaWithoutCaNamesRefusesOurCertificate() throws Exception {
        // TLS 1.2: in TLS 1.3, -no_ca_names sends an empty certificate_authorities extension that Java 17 rejects
        int port = startServer(otherCaFile(), "-no_ca_names", "-tls1_2");

        CallResult result = TestCall.run(call(port).build());

        assertThat(result.diagnosis().code()).as("%s %s", result.diagnosis(), result.report()).isEqualTo(DiagnosisCode.UNKNOWN_CA);
        assertThat(result.diagnosis().side()).isEqualTo(Side.SERVER);
        assertThat(result.report().askedVsPresented().sent()).isNotNull();
        assertThat(result.diagnosis().summary())
                .isEqualTo("The server does not trust the issuer of your client certificate (CN=MinhaCA).");
        assertThat(result.diagnosis().elsewhere("curl")).contains("tlsv1 alert unknown ca");
    }

    @Test
    void opensslListingAnotherCaMakesOurClientWithholdItsCertificate() throws Exception {
        int port = startServer(otherCaFile());

        CallResult result = TestCall.run(call(port).build());

        assertThat(result.diagnosis().code()).isEqualTo(DiagnosisCode.CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED);
        assertThat(result.report().askedVsPresented().acceptedCaNames()).anyMatch(n -> n.contains("CN=Rogue CA"));
        assertThat(result.report().askedVsPresented().notSentReason())
                .isEqualTo("not sent: its issuer CN=MinhaCA is not among the names the server accepts");
    }

    @Test
    void opensslWithAShortVerifyDepthRefusesAChainThroughAnIntermediate() throws Exception {
        int port = startServer(creds.workspace.certificateFile("ca"), "-verify_depth", "0");

        CallResult result = TestCall.run(call(port).identity(ClientIdentity.inMemory("client",
                creds.clientBelowIntermediate)).build());

        // OpenSSL answers unknown_ca for a chain beyond its depth, exactly as for a missing CRL (next
        // test): from the client the two are one refusal, so the depth is a likely cause, not the verdict
        assertThat(result.diagnosis().code()).as("%s", result.diagnosis()).isEqualTo(DiagnosisCode.REFUSED_LOOKS_VALID);
        assertThat(result.diagnosis().side()).isEqualTo(Side.SERVER);
        assertThat(result.outcome().kind()).isEqualTo(io.mtlslab.diagnose.CallOutcome.Kind.REFUSED_IN_HANDSHAKE);
        assertThat(result.diagnosis().cause()).contains("CN=Intermediaria", "1 intermediate CA(s)", "ssl_verify_depth");
        assertThat(java.nio.file.Files.readString(dir.resolve("s_server-" + port + ".log")))
                .contains("certificate chain too long");
    }

    @Test
    void opensslLackingTheIntermediatesCrlIsNotBlamedOnTrustOrDepth() throws Exception {
        Path crl = creds.workspace.crlFile(); // the root's CRL only: none for CN=Intermediaria
        int port = startServer(creds.workspace.certificateFile("ca"), "-CRL", crl.toString(), "-crl_check_all", "-tls1_2");

        CallResult result = TestCall.run(call(port).identity(ClientIdentity.inMemory("client",
                creds.clientBelowIntermediate)).build());

        assertThat(result.diagnosis().rawMessage()).contains("unknown_ca");
        assertThat(result.diagnosis().code()).as("%s", result.diagnosis()).isEqualTo(DiagnosisCode.REFUSED_LOOKS_VALID);
        assertThat(result.diagnosis().summary()).contains("looks valid from here").doesNotContain("does not trust");
        assertThat(result.diagnosis().cause()).contains("a CA the server lists", "nginx with ssl_crl needs a CRL for every CA");
        assertThat(result.diagnosis().fix()).contains("server's log");
        assertThat(java.nio.file.Files.readString(dir.resolve("s_server-" + port + ".log")))
                .contains("unable to get certificate CRL");
    }

    /**
     * OpenSSL answers unknown_ca for a missing CRL before it looks at dates. When the certificate is also
     * expired, that fault is the cause to name: "looks valid from here, in date" would contradict it.
     */
    @Test
    void anExpiredCertificateRefusedWithUnknownCaByAServerThatListsItsIssuerIsNamedExpired() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        io.mtlslab.pki.Credential expiredBelow = io.mtlslab.pki.CertificateIssuer.issue(
                io.mtlslab.pki.CertificateSpec.builder(io.mtlslab.pki.Role.CLIENT)
                        .subject(io.mtlslab.pki.SubjectName.seed("CODIGODOCLIENTE", "Vencido"))
                        .keyType(io.mtlslab.pki.KeyType.EC_P256)
                        .validity(new io.mtlslab.pki.Validity(now.minus(java.time.Duration.ofDays(30)),
                                now.minus(java.time.Duration.ofDays(1)))).build(), creds.intermediate);
        int port = startServer(creds.workspace.certificateFile("ca"), "-CRL", creds.workspace.crlFile().toString(),
                "-crl_check_all", "-tls1_2");

        CallResult result = TestCall.run(call(port).identity(ClientIdentity.inMemory("client", expiredBelow)).build());

        assertThat(result.diagnosis().rawMessage()).contains("unknown_ca");
        assertThat(result.diagnosis().code()).as("%s", result.diagnosis()).isEqualTo(DiagnosisCode.EXPIRED);
        assertThat(result.diagnosis().cause()).doesNotContain("it is in date");
    }

    @Test
    void opensslTrustingAnotherCaIsBelievedOverTheExpiryOfOurCertificate() throws Exception {
        // OpenSSL checks the chain before the dates: an untrusted expired certificate gets unknown_ca
        int port = startServer(otherCaFile(), "-no_ca_names", "-tls1_2");

        CallResult result = TestCall.run(call(port).identity(ClientIdentity.inMemory("expired", creds.expiredClient)).build());

        assertThat(result.diagnosis().rawMessage()).contains("unknown_ca");
        assertThat(result.diagnosis().code()).as("%s", result.diagnosis()).isEqualTo(DiagnosisCode.UNKNOWN_CA);
        assertThat(result.diagnosis().summary())
                .isEqualTo("The server does not trust the issuer of your client certificate (CN=MinhaCA).");
        assertThat(result.diagnosis().cause()).contains("sent the alert unknown_ca", "also expired");
        assertThat(result.diagnosis().fix()).contains("Make the server trust CN=MinhaCA").doesNotContain("Renew");
    }

    @Test
    void opensslTrustingAnotherCaIsBelievedOverOurOwnRevocationList() throws Exception {
        int port = startServer(otherCaFile(), "-no_ca_names", "-tls1_2");

        CallResult result = TestCall.run(call(port).identity(ClientIdentity.inMemory("revoked", creds.revokedClient)).build());

        assertThat(result.diagnosis().code()).as("%s", result.diagnosis()).isEqualTo(DiagnosisCode.UNKNOWN_CA);
        assertThat(result.diagnosis().cause()).contains("sent the alert unknown_ca", "revocation list names CN=Revogado")
                .doesNotContain("the server checks that list");
    }

    @Test
    void tls13RefusalOfARevokedCertificateIsReadEveryTime() throws Exception {
        // TLS 1.3: the server judges the certificate when it arrives, alerts and closes while our side is still
        // writing (the rest of its flight, or the request); the write error must not hide the alert
        int port = startServer(creds.workspace.certificateFile("ca"), "-CRL", creds.workspace.crlFile().toString(),
                "-crl_check", "-tls1_3");

        for (int i = 0; i < 12; i++) {
            // the caller's own CRL is left out: only the alert can tell the revocation
            CallResult result = TestCall.run(call(port).crls(List.of())
                    .identity(ClientIdentity.inMemory("revoked", creds.revokedClient)).build());

            assertThat(result.diagnosis().rawMessage()).as("call %d", i).contains("certificate_revoked");
            assertThat(result.diagnosis().code()).as("call %d: %s", i, result.diagnosis()).isEqualTo(DiagnosisCode.REVOKED);
        }
    }
}
