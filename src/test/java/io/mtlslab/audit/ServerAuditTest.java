package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server audit against mTLS Lab's own echo server, in its secure mode and in its pitfall modes. */
class ServerAuditTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    private static AuditReport audit(EchoServer server, Set<Probe> probes) {
        return ServerAudit.run(new ServerAuditRequest(URI.create(server.url()), workspace, null, null, probes,
                Duration.ofSeconds(5)), null, null);
    }

    private static Map<String, ProbeResult> byId(AuditReport report) {
        return report.results().stream().collect(Collectors.toMap(ProbeResult::id, r -> r));
    }

    @Test
    void theSecureEchoServerHasNothingAboveLow() {
        try (EchoServer server = EchoServer.start(workspace, ServerSettings.secure().withPort(0))) {
            AuditReport report = audit(server, Set.of());

            assertThat(report.findings()).as("%s", report.findings()).allMatch(f -> !f.severity().failsAudit());
            assertThat(report.exitStatus()).isZero();
            Map<String, ProbeResult> results = byId(report);
            for (Probe refused : EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.SELF_SIGNED_COPY, Probe.LOOK_ALIKE_CA,
                    Probe.UNTRUSTED_CA, Probe.EXPIRED, Probe.NOT_YET_VALID, Probe.SERVER_CERTIFICATE_AS_CLIENT,
                    Probe.LEAF_AS_CA, Probe.MISSING_INTERMEDIATE, Probe.IDENTITY_HEADERS, Probe.FETCHES_URLS,
                    Probe.ASKS_FOR_CERTIFICATE, Probe.LEGACY_TLS, Probe.SERVER_CERTIFICATE)) {
                assertThat(results.get(refused.id()).status()).as(refused.id() + ": " + results.get(refused.id()))
                        .isEqualTo(ProbeResult.Status.PASSED);
            }
            // the echo server echoes the client's subject: the odd names come back, as data (INFO, not a failure)
            assertThat(results.get("odd-names").severity()).isEqualTo(Severity.INFO);
            assertThat(results.get("odd-names").verdict()).contains("${jndi:ldap://127.0.0.1:1/a}");
            assertThat(results.get("revoked").status()).isEqualTo(ProbeResult.Status.NOT_RUN);
            assertThat(results.get("revoked").verdict()).contains("mtls-lab revoke");
        }
    }

    /** A typo in the URL, a server that is down: no probe can pass, and the exit status says the audit is incomplete. */
    @Test
    void nothingListeningIsAnErrorNeverAPass() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        AuditReport report = ServerAudit.run(new ServerAuditRequest(URI.create("https://127.0.0.1:" + port + "/"),
                workspace, null, null, Set.of(), Duration.ofSeconds(2)), null, null);

        assertThat(report.results()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(ProbeResult.Status.ERROR);
            assertThat(r.verdict()).contains("could not be reached").contains("CONNECTION_REFUSED");
        });
        assertThat(report.count(ProbeResult.Status.PASSED)).isZero();
        assertThat(report.exitStatus()).isEqualTo(AuditReport.INCOMPLETE);
    }

    /**
     * A server that trusts another CA refuses the workspace's valid client as well as its revoked one:
     * that refusal says nothing about revocation, so the probe is not run (it said "the server enforces
     * the CRL" of servers that had no CRL at all).
     */
    @Test
    void aServerThatRefusesTheValidClientProvesNothingAboutRevocation(@TempDir Path revokingDir,
                                                                     @TempDir Path otherDir) {
        Workspace revoking = TestPki.seedWorkspace(revokingDir);
        revoking.issue("leaver", io.mtlslab.pki.CertificateSpec.builder(io.mtlslab.pki.Role.CLIENT)
                .subject(io.mtlslab.pki.SubjectName.seed("TI", "Leaver")).keyType(io.mtlslab.pki.KeyType.EC_P256).build(),
                Workspace.CA, false, null, null);
        io.mtlslab.pki.CrlIssuer.revoke(revoking, "leaver", io.mtlslab.pki.RevocationReason.KEY_COMPROMISE, null);
        try (EchoServer other = EchoServer.start(TestPki.seedWorkspace(otherDir), ServerSettings.secure().withPort(0))) {
            AuditReport report = ServerAudit.run(new ServerAuditRequest(URI.create(other.url()), revoking, null, null,
                    EnumSet.of(Probe.REVOKED, Probe.ASKS_FOR_CERTIFICATE), Duration.ofSeconds(5)), null, null);

            ProbeResult revoked = byId(report).get("revoked");
            assertThat(revoked.status()).as("%s", revoked).isEqualTo(ProbeResult.Status.NOT_RUN);
            assertThat(revoked.verdict()).contains("does not accept the valid client");
            assertThat(byId(report).get("asks-for-certificate").severity()).isEqualTo(Severity.INFO);
        }
    }

    @Test
    void optionalCertificatesWithACarelessHandlerIsTheCriticalBypass() {
        try (EchoServer server = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false))) {
            AuditReport report = audit(server, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.SELF_SIGNED_COPY));

            ProbeResult bypass = byId(report).get("no-client-certificate");
            assertThat(bypass.status()).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(bypass.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(bypass.happened()).startsWith("HTTP 200");
            assertThat(bypass.verdict()).contains("authentication bypass");
            assertThat(bypass.fixes()).containsKeys("nginx", "go", "java", "envoy", "node");
            // optional mode still verifies a certificate that is sent: the forgery is refused in the handshake
            assertThat(byId(report).get("self-signed-copy").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(byId(report).get("self-signed-copy").happened()).doesNotStartWith("HTTP");
            assertThat(report.exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void inspectModeAcceptsForgeriesAndTheAuditSaysSo() {
        try (EchoServer server = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.INSPECT))) {
            AuditReport report = audit(server, EnumSet.of(Probe.SELF_SIGNED_COPY, Probe.LOOK_ALIKE_CA, Probe.UNTRUSTED_CA,
                    Probe.EXPIRED));

            assertThat(report.results()).allSatisfy(r -> {
                assertThat(r.status()).as(r.id()).isEqualTo(ProbeResult.Status.FINDING);
                assertThat(r.happened()).startsWith("HTTP 200");
            });
            assertThat(byId(report).get("look-alike-ca").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(byId(report).get("self-signed-copy").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(byId(report).get("expired").severity()).isEqualTo(Severity.HIGH);
        }
    }

    @Test
    void junitXmlHasACasePerProbeAndAFailurePerFinding() {
        try (EchoServer server = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false))) {
            AuditReport report = audit(server, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.REVOKED));

            String xml = AuditReports.junitXml(report);

            assertThat(xml).contains("<testsuite", "tests=\"2\"", "failures=\"1\"", "skipped=\"1\"",
                    "name=\"no-client-certificate: No client certificate (the authentication bypass)\"",
                    "<failure type=\"CRITICAL\"", "<skipped message=");
            assertThat(AuditReports.toMap(report)).containsEntry("worst", "CRITICAL").containsEntry("exitStatus", 1);
        }
    }
}
