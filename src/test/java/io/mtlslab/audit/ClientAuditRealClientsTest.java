package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.GoProgram;
import io.mtlslab.testing.TestPki;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §3: the client audit's bad servers against the seed's Go client (article 000), the same
 * client with {@code InsecureSkipVerify: true}, and {@code openssl s_client} with and without
 * {@code -verify_return_error}: what each accepts and refuses.
 */
class ClientAuditRealClientsTest {

    /** Every bad server a client that verifies the server properly refuses (not the controls). */
    private static final List<String> FORGED = List.of("expired", "not-yet-valid", "wrong-host", "self-signed-look-alike",
            "rogue-ca-same-name", "no-server-auth-eku", "signed-by-leaf", "incomplete-chain");

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
    }

    private static Map<String, ProbeResult> audit(java.util.function.Consumer<List<ClientAudit.Endpoint>> client)
            throws Exception {
        try (ClientAudit audit = ClientAudit.start(workspace, null, InetAddress.getLoopbackAddress(), null)) {
            client.accept(audit.endpoints());
            Await.until("a connection to every bad server", Duration.ofSeconds(30),
                    () -> audit.connections().stream().map(ClientConnection::server).distinct().count()
                            >= audit.endpoints().size(), () -> audit.connections().toString());
            return audit.report().results().stream().collect(Collectors.toMap(ProbeResult::id, r -> r));
        }
    }

    private static void goClient(List<ClientAudit.Endpoint> endpoints, boolean insecure) {
        List<String> command = new ArrayList<>();
        try {
            command.add(GoProgram.build("seed_client.go").toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (insecure) {
            command.add("-insecure");
        }
        endpoints.forEach(e -> command.add(e.url()));
        ExternalTool.run(dir, null, command, Duration.ofSeconds(120));
    }

    private static void openssl(List<ClientAudit.Endpoint> endpoints, String... options) {
        for (ClientAudit.Endpoint endpoint : endpoints) {
            URI url = URI.create(endpoint.url());
            List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                    url.getHost() + ":" + url.getPort(), "-servername", url.getHost(), "-CAfile", "ca.pem",
                    "-cert", "client.pem", "-key", "client.key"));
            command.addAll(List.of(options));
            ExternalTool.run(dir, "GET " + url.getPath() + " HTTP/1.0\r\nHost: " + url.getHost() + "\r\n\r\n", command,
                    Duration.ofSeconds(20));
        }
    }

    private static void assertStatus(Map<String, ProbeResult> results, List<String> ids, ProbeResult.Status status) {
        for (String id : ids) {
            assertThat(results.get(id).status()).as(id + ": " + results.get(id)).isEqualTo(status);
        }
    }

    @Test
    void theSeedsGoClientRefusesEveryForgeryButTheRevokedServerAndWithholdsItsCertificate() throws Exception {
        Map<String, ProbeResult> results = audit(endpoints -> goClient(endpoints, false));

        assertStatus(results, List.of("correct", "no-client-auth"), ProbeResult.Status.PASSED);
        assertThat(results.get("correct").happened()).contains("client certificate", "request sent");
        assertStatus(results, FORGED, ProbeResult.Status.PASSED);
        // Go 1.18+ clients speak TLS 1.2 at least
        assertThat(results.get("legacy-tls-only").status()).isNotEqualTo(ProbeResult.Status.FINDING);
        // crypto/x509 reads no CRLs: the revoked server is accepted, and the audit says so with Go's fix
        assertThat(results.get("revoked").status()).isEqualTo(ProbeResult.Status.FINDING);
        assertThat(results.get("revoked").fixes().get("go")).contains("VerifyConnection");
        // Go sends a certificate only to a server that lists its issuer
        assertThat(results.get("ca-names-exclude-client").status()).as("%s", results.get("ca-names-exclude-client"))
                .isEqualTo(ProbeResult.Status.PASSED);
    }

    @Test
    void theGoClientWithInsecureSkipVerifyAcceptsEveryForgedServer() throws Exception {
        Map<String, ProbeResult> results = audit(endpoints -> goClient(endpoints, true));

        assertStatus(results, List.of("correct", "no-client-auth"), ProbeResult.Status.PASSED);
        assertStatus(results, FORGED, ProbeResult.Status.FINDING);
        assertThat(results.get("wrong-host").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(results.get("self-signed-look-alike").fixes().get("go")).contains("never InsecureSkipVerify: true");
        assertThat(results.get("legacy-tls-only").status()).isNotEqualTo(ProbeResult.Status.FINDING);
    }

    @Test
    void opensslSClientGoesOnAfterEveryVerifyErrorUnlessToldToStop() throws Exception {
        ExternalTool.require("openssl");
        Map<String, ProbeResult> results = audit(endpoints -> openssl(endpoints));

        assertStatus(results, List.of("correct", "no-client-auth"), ProbeResult.Status.PASSED);
        // s_client prints "verify error" and sends the request anyway
        assertStatus(results, FORGED, ProbeResult.Status.FINDING);
        assertThat(results.get("ca-names-exclude-client").status()).isEqualTo(ProbeResult.Status.FINDING);
        assertThat(results.get("ca-names-exclude-client").severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void opensslSClientWithVerifyReturnErrorRefusesTheForgeriesButNotAWrongHostName() throws Exception {
        ExternalTool.require("openssl");
        Map<String, ProbeResult> results = audit(endpoints -> openssl(endpoints, "-verify_return_error"));

        assertStatus(results, List.of("correct", "no-client-auth"), ProbeResult.Status.PASSED);
        assertStatus(results, List.of("expired", "not-yet-valid", "self-signed-look-alike", "rogue-ca-same-name",
                "no-server-auth-eku", "signed-by-leaf", "incomplete-chain"), ProbeResult.Status.PASSED);
        // without -verify_hostname s_client checks no host name, and it reads no CRL without -crl_check
        assertThat(results.get("wrong-host").status()).isEqualTo(ProbeResult.Status.FINDING);
        assertThat(results.get("wrong-host").fixes().get("openssl")).contains("-verify_hostname");
        assertThat(results.get("revoked").status()).isEqualTo(ProbeResult.Status.FINDING);
    }
}
