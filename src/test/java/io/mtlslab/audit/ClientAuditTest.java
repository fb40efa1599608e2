package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client audit's bad servers against real clients: curl, curl -k, and mTLS Lab's own call. */
class ClientAuditTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    private static Map<String, ProbeResult> byId(AuditReport report) {
        return report.results().stream().collect(Collectors.toMap(ProbeResult::id, r -> r));
    }

    private static void callEach(ClientAudit audit, java.util.function.Consumer<String> client) {
        for (ClientAudit.Endpoint endpoint : audit.endpoints()) {
            client.accept(endpoint.url());
        }
        Await.until("a connection to every bad server", Duration.ofSeconds(20),
                () -> audit.connections().size() >= audit.endpoints().size(), () -> audit.connections().toString());
    }

    private static void curl(String url, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "--max-time", "5",
                "--cert", "client.pem", "--key", "client.key"));
        command.addAll(List.of(options));
        command.add(url);
        ExternalTool.run(dir, null, command);
    }

    @Test
    void curlWithTheCaRefusesEveryBadServerButRevocationAndSendsItsCertificateAnyway() throws Exception {
        ExternalTool.require("curl");
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            callEach(audit, url -> curl(url, "--cacert", "ca.pem"));
            Map<String, ProbeResult> results = byId(audit.report());

            assertThat(results.get("correct").status()).as("%s", results.get("correct")).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("correct").happened()).contains("client certificate", "CN=Cliente", "request sent");
            assertThat(results.get("no-client-auth").status()).isEqualTo(ProbeResult.Status.PASSED);
            for (String refused : List.of("expired", "not-yet-valid", "wrong-host", "self-signed-look-alike",
                    "rogue-ca-same-name", "no-server-auth-eku", "signed-by-leaf", "incomplete-chain", "legacy-tls-only")) {
                assertThat(results.get(refused).status()).as(refused + ": " + results.get(refused))
                        .isEqualTo(ProbeResult.Status.PASSED);
            }
            // curl does not fetch CRLs: the revoked server is accepted, and the audit says so
            assertThat(results.get("revoked").status()).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(results.get("revoked").fixes().get("curl")).contains("--crlfile");
            // OpenSSL sends the configured certificate whatever CA names the server lists
            assertThat(results.get("ca-names-exclude-client").severity()).isEqualTo(Severity.LOW);
        }
    }

    /**
     * curl without the workspace CA trusts none of the servers, the correct one included: its refusals of
     * the bad servers prove nothing, so none of them passes (they did), and the audit is not a pass.
     */
    @Test
    void aClientThatRefusesTheCorrectServerTooProvesNothing() throws Exception {
        ExternalTool.require("curl");
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            callEach(audit, url -> curl(url, "--cacert", "/dev/null"));
            AuditReport report = audit.report();
            Map<String, ProbeResult> results = byId(report);

            assertThat(results.get("correct").status()).as("%s", results.get("correct")).isEqualTo(ProbeResult.Status.ERROR);
            for (String refused : List.of("expired", "wrong-host", "self-signed-look-alike", "rogue-ca-same-name")) {
                assertThat(results.get(refused).status()).as(refused + ": " + results.get(refused))
                        .isEqualTo(ProbeResult.Status.NOT_RUN);
                assertThat(results.get(refused).verdict()).contains("proves nothing");
            }
            assertThat(report.count(ProbeResult.Status.PASSED)).as("%s", report.results()).isZero();
            assertThat(report.exitStatus()).isEqualTo(AuditReport.INCOMPLETE);
        }
    }

    @Test
    void curlInsecureAcceptsEveryBadServer() throws Exception {
        ExternalTool.require("curl");
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            callEach(audit, url -> curl(url, "-k"));
            AuditReport report = audit.report();
            Map<String, ProbeResult> results = byId(report);

            for (String accepted : List.of("expired", "wrong-host", "self-signed-look-alike", "rogue-ca-same-name",
                    "signed-by-leaf", "incomplete-chain")) {
                assertThat(results.get(accepted).status()).as(accepted).isEqualTo(ProbeResult.Status.FINDING);
            }
            assertThat(results.get("wrong-host").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(results.get("wrong-host").fixes().get("curl")).contains("never -k");
            assertThat(report.exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void mtlsLabsOwnCallRefusesTheBadServersAndWithholdsItsCertificateFromForeignCaNames() throws Exception {
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            callEach(audit, url -> TestCall.run(CallRequest.builder(url).workspace(workspace)
                    .identity(ClientIdentity.fromWorkspace(workspace, "client", null)).readTimeout(Duration.ofSeconds(5))
                    .build()));
            Map<String, ProbeResult> results = byId(audit.report());

            assertThat(results.get("correct").status()).isEqualTo(ProbeResult.Status.PASSED);
            for (String refused : List.of("expired", "not-yet-valid", "wrong-host", "self-signed-look-alike",
                    "rogue-ca-same-name", "no-server-auth-eku", "signed-by-leaf", "incomplete-chain", "legacy-tls-only",
                    "ca-names-exclude-client")) {
                assertThat(results.get(refused).status()).as(refused + ": " + results.get(refused))
                        .isEqualTo(ProbeResult.Status.PASSED);
            }
        }
    }
    /** Another loopback address (or a LAN one): the URLs name it and the correct server's certificate too. */
    @Test
    void aBindAddressOtherThanLocalhostIsTheOneTheUrlsAndTheCorrectCertificateName() throws Exception {
        ExternalTool.require("curl");
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (ClientAudit audit = ClientAudit.start(workspace, null, other, null)) {
            assertThat(audit.endpoints()).allSatisfy(endpoint -> assertThat(endpoint.url()).startsWith("https://127.0.0.2:"));
            callEach(audit, url -> curl(url, "--cacert", "ca.pem"));
            Map<String, ProbeResult> results = byId(audit.report());

            assertThat(results.get("correct").status()).as("%s", results.get("correct")).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("correct").happened()).contains("request sent");
            assertThat(results.get("wrong-host").status()).isEqualTo(ProbeResult.Status.PASSED);
        }
    }

    @Test
    void aWildcardBindNamesEveryAddressOfThisMachine() throws Exception {
        List<String> named = new java.util.ArrayList<>();
        for (org.bouncycastle.asn1.x509.GeneralName name : ClientAudit.namesFor(InetAddress.getByName("0.0.0.0")).getNames()) {
            named.add(io.mtlslab.pki.SubjectAltName.read(name).toString());
        }
        assertThat(ClientAudit.urlHost(InetAddress.getByName("0.0.0.0"))).isEqualTo("localhost");
        assertThat(named).contains("dns:localhost", "ip:127.0.0.1");
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address) {
                    assertThat(named).contains("ip:" + address.getHostAddress());
                }
            }
        }
    }
}
