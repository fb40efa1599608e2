package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.GoSeedServer;
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

/** The server audit against the seed's Go server, correct and with article 001's pitfalls. */
class GoServerAuditTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    private static Map<String, ProbeResult> audit(GoSeedServer server, Set<Probe> probes) {
        AuditReport report = ServerAudit.run(new ServerAuditRequest(URI.create(server.url()), workspace, null, null,
                probes, Duration.ofSeconds(5)), null, null);
        return report.results().stream().collect(Collectors.toMap(ProbeResult::id, r -> r));
    }

    @Test
    void theSeedsCorrectServerHasNothingAboveLow() throws Exception {
        try (GoSeedServer server = GoSeedServer.start(dir, "RequireAndVerifyClientCert", true)) {
            Map<String, ProbeResult> results = audit(server, Set.of());

            assertThat(results.values()).as("%s", results.values())
                    .noneMatch(r -> r.status() == ProbeResult.Status.FINDING && r.severity().failsAudit());
            assertThat(results.get("look-alike-ca").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("server-certificate-as-client").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("leaf-as-ca").status()).isEqualTo(ProbeResult.Status.PASSED);
        }
    }

    @Test
    void requestClientCertAcceptsEveryForgery() throws Exception {
        try (GoSeedServer server = GoSeedServer.start(dir, "RequestClientCert", true)) {
            Map<String, ProbeResult> results = audit(server, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE,
                    Probe.SELF_SIGNED_COPY, Probe.LOOK_ALIKE_CA, Probe.EXPIRED));

            // the seed's handler checks that a certificate came, so "none" is refused by the application
            assertThat(results.get("no-client-certificate").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("no-client-certificate").happened()).startsWith("HTTP 401");
            // but nothing verifies the certificate: any forgery is served
            assertThat(results.get("self-signed-copy").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(results.get("self-signed-copy").happened()).contains("Common Name: Cliente");
            assertThat(results.get("look-alike-ca").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(results.get("expired").severity()).isEqualTo(Severity.HIGH);
        }
    }

    @Test
    void verifyClientCertIfGivenWithTheSeedsHandlerIsSafeButListsNoProblem() throws Exception {
        try (GoSeedServer server = GoSeedServer.start(dir, "VerifyClientCertIfGiven", true)) {
            Map<String, ProbeResult> results = audit(server, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE,
                    Probe.SELF_SIGNED_COPY, Probe.EXPIRED));

            assertThat(results.values()).allMatch(r -> r.status() == ProbeResult.Status.PASSED);
        }
    }

    @Test
    void withoutClientCasGoListsNoCaNamesAndRefusesTheWorkspaceClient() throws Exception {
        try (GoSeedServer server = GoSeedServer.start(dir, "RequireAndVerifyClientCert", false)) {
            Map<String, ProbeResult> results = audit(server, EnumSet.of(Probe.ASKS_FOR_CERTIFICATE, Probe.EXPIRED));

            assertThat(results.get("asks-for-certificate").status()).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(results.get("asks-for-certificate").verdict()).contains("lists no CA names");
            assertThat(results.get("expired").status()).isEqualTo(ProbeResult.Status.NOT_RUN);
            assertThat(results.get("expired").verdict()).contains("does not accept the valid client");
        }
    }
}
