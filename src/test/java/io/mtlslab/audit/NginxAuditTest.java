package io.mtlslab.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.NginxServer;
import io.mtlslab.testing.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server audit against a real nginx in the configurations people deploy: correct, the optional
 * bypass, optional_no_ca (anything goes), trusting a second CA, and a proxy passing identity headers to a backend that
 * trusts them, with and without clearing them.
 */
class NginxAuditTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static Credential server;

    @TempDir
    Path nginxDir;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir);
        server = workspace.credential(Workspace.SERVER, null);
    }

    private NginxServer nginx(String verifyClient, String locations, String backend) throws Exception {
        return NginxServer.start(nginxDir, server, List.of(workspace.caCertificate()), verifyClient, null, locations,
                backend);
    }

    private static AuditReport audit(NginxServer nginx, Set<Probe> probes) {
        return ServerAudit.run(new ServerAuditRequest(URI.create(nginx.url()), workspace, null, null, probes,
                Duration.ofSeconds(5)), null, null);
    }

    private static Map<String, ProbeResult> byId(AuditReport report) {
        return report.results().stream().collect(Collectors.toMap(ProbeResult::id, r -> r));
    }

    @Test
    void correctNginxHasNothingAboveLow() throws Exception {
        try (NginxServer nginx = nginx("on", null, null)) {
            AuditReport report = audit(nginx, Set.of());

            assertThat(report.findings()).as("%s", report.findings()).noneMatch(f -> f.severity().failsAudit());
            Map<String, ProbeResult> results = byId(report);
            assertThat(results.get("no-client-certificate").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("no-client-certificate").happened()).contains("HTTP 400");
            assertThat(results.get("look-alike-ca").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("server-certificate-as-client").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("expired").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(report.exitStatus()).isZero();
        }
    }

    @Test
    void optionalWithAnAppThatAnswersEveryoneIsTheBypass() throws Exception {
        try (NginxServer nginx = nginx("optional", null, null)) {
            AuditReport report = audit(nginx, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.EXPIRED));

            ProbeResult bypass = byId(report).get("no-client-certificate");
            assertThat(bypass.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(bypass.happened()).startsWith("HTTP 200");
            // a certificate that is sent is still verified by nginx in optional mode
            assertThat(byId(report).get("expired").status()).isEqualTo(ProbeResult.Status.PASSED);
        }
    }

    @Test
    void optionalNoCaServesForgeries() throws Exception {
        try (NginxServer nginx = nginx("optional_no_ca", null, null)) {
            AuditReport report = audit(nginx, EnumSet.of(Probe.SELF_SIGNED_COPY, Probe.LOOK_ALIKE_CA, Probe.UNTRUSTED_CA));

            assertThat(report.results()).allSatisfy(r -> {
                assertThat(r.status()).as(r.id()).isEqualTo(ProbeResult.Status.FINDING);
                assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
            });
        }
    }

    @Test
    void aProxyPassingTheClientsOwnIdentityHeaderIsFoundAndClearingItPasses() throws Exception {
        String backend = "location / { default_type text/plain; if ($http_x_ssl_client_s_dn = \"\") { return 401; }"
                + " return 200 \"hello $http_x_ssl_client_s_dn\\n\"; }";
        try (NginxServer careless = nginx("optional", "location / { proxy_pass http://127.0.0.1:BACKEND_PORT; }", backend)) {
            ProbeResult headers = byId(audit(careless, EnumSet.of(Probe.IDENTITY_HEADERS))).get("identity-headers");

            assertThat(headers.status()).as("%s", headers).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(headers.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(headers.happened()).contains("X-SSL-Client-S-DN → 200");
        }
        try (NginxServer clearing = nginx("optional", "location / { proxy_set_header X-SSL-Client-S-DN $ssl_client_s_dn;"
                + " proxy_pass http://127.0.0.1:BACKEND_PORT; }", backend)) {
            ProbeResult headers = byId(audit(clearing, EnumSet.of(Probe.IDENTITY_HEADERS))).get("identity-headers");

            assertThat(headers.status()).as("%s", headers).isEqualTo(ProbeResult.Status.PASSED);
        }
    }

    /**
     * The usual setup of a server with a public certificate and a private client CA: the server's
     * certificate does not chain to the workspace CA. The probes must still reach nginx's own judgement
     * (it serves everyone here) instead of reading our client's refusal of the server as nginx's.
     */
    @Test
    void aServerCertificateFromAnotherCaStillGetsEveryProbe(@TempDir Path otherDir) throws Exception {
        Credential otherServer = TestPki.seedWorkspace(otherDir).credential(Workspace.SERVER, null);
        try (NginxServer nginx = NginxServer.start(nginxDir, otherServer, List.of(workspace.caCertificate()),
                "optional_no_ca", null, null, null)) {
            AuditReport report = audit(nginx, EnumSet.of(Probe.NO_CLIENT_CERTIFICATE, Probe.UNTRUSTED_CA,
                    Probe.SERVER_CERTIFICATE));

            Map<String, ProbeResult> results = byId(report);
            assertThat(results.get("no-client-certificate").status()).as("%s", results.get("no-client-certificate"))
                    .isEqualTo(ProbeResult.Status.FINDING);
            assertThat(results.get("no-client-certificate").severity()).isEqualTo(Severity.CRITICAL);
            assertThat(results.get("no-client-certificate").happened()).startsWith("HTTP 200");
            assertThat(results.get("untrusted-ca").status()).isEqualTo(ProbeResult.Status.FINDING);
            // what a normal client would say of this server is the server-certificate probe's to report
            assertThat(results.get("server-certificate").status()).isEqualTo(ProbeResult.Status.FINDING);
            assertThat(results.get("server-certificate").verdict()).contains("UNKNOWN_CA");
            assertThat(report.exitStatus()).isEqualTo(1);
        }
    }

    @Test
    void trustingASecondCaIsNoFindingAndStillRefusesEveryForgery() throws Exception {
        Credential partnerCa = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("Parceiro", "CA do Parceiro")).keyType(KeyType.EC_P256).build());
        try (NginxServer nginx = NginxServer.start(nginxDir, server,
                List.of(workspace.caCertificate(), partnerCa.certificate()), "on", null, null, null)) {
            AuditReport report = audit(nginx, Set.of());

            assertThat(report.findings()).as("%s", report.findings()).noneMatch(f -> f.severity().failsAudit());
            Map<String, ProbeResult> results = byId(report);
            // both CAs are on the CA-names list the server sends; a CA it does not list is still refused
            assertThat(results.get("asks-for-certificate").happened()).contains("CA do Parceiro").contains("MinhaCA");
            assertThat(results.get("untrusted-ca").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("look-alike-ca").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(results.get("self-signed-copy").status()).isEqualTo(ProbeResult.Status.PASSED);
            assertThat(report.exitStatus()).isZero();
        }
    }
}
