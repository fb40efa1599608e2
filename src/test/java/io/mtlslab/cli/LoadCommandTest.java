package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.load.Latency;
import io.mtlslab.load.LoadReport;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtls-lab load}: the text report, JSON, failures by cause and bad input. */
class LoadCommandTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer server;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir);
        server = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void loadPrintsRatesLatenciesAndStatuses() {
        CliRun run = run("load", server.url(), "--dir", dir.toString(), "-c", "2", "-n", "30");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("2 connections at a time, full handshakes, client TLS", "BoringSSL",
                "calls:        30 in", "30 succeeded, 0 failed", "(30 handshakes, 30 full, 0 resumed)",
                "handshake:    p50 ", "statuses:     200 x30", "client:       network threads busy ")
                .doesNotContain("Failures by cause");
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusedCallsExitOneAndAreGroupedByDiagnosisInJson() throws Exception {
        CliRun run = run("load", server.url(), "--dir", dir.toString(), "--no-client", "-n", "10", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json.get("failed")).isEqualTo(10);
        List<Map<String, Object>> failures = (List<Map<String, Object>>) json.get("failures");
        assertThat(failures).singleElement().satisfies(group -> {
            assertThat(group.get("code")).isEqualTo("NO_CLIENT_CERTIFICATE");
            assertThat(group.get("count")).isEqualTo(10);
        });
        assertThat(((Map<String, Object>) json.get("handshakeLatency")).get("count")).isEqualTo(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void warmUpCallsReachTheServerButAreNotCounted() throws Exception {
        long acceptedBefore = accepted();

        CliRun run = run("load", server.url(), "--dir", dir.toString(), "-c", "2", "--warmup", "12", "-n", "8", "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("calls", 8).containsEntry("succeeded", 8).containsEntry("warmupCalls", 12);
        assertThat(((Number) json.get("clientBusy")).doubleValue()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(json).containsKey("clientSaturated");
        assertThat(((Map<String, Object>) json.get("handshakeLatency")).get("count")).isEqualTo(8);
        assertThat(accepted() - acceptedBefore).isEqualTo(20);
        assertThat(run("load", server.url(), "--dir", dir.toString(), "--warmup", "10", "-n", "5").out())
                .contains("warm-up:      10 calls before these, not counted", "5 succeeded, 0 failed");
    }

    private static long accepted() {
        return server.log().snapshot().stream()
                .filter(event -> event.outcome() == io.mtlslab.server.ConnectionEvent.Outcome.ACCEPTED).count();
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        assertThat(run("load", server.url(), "--dir", dir.toString(), "-n", "5", "-d", "2s").err())
                .contains("-n and -d contradict each other");
        assertThat(run("load", server.url(), "--dir", dir.toString(), "-d", "soon").exitCode()).isEqualTo(2);
        assertThat(run("load", server.url(), "--dir", dir.toString(), "-c", "0").exitCode()).isEqualTo(2);
        assertThat(run("load", server.url(), "--dir", dir.toString(), "--tls-provider", "nss").err())
                .contains("unknown TLS provider 'nss'");
        assertThat(run("load", server.url(), "--dir", dir.toString(), "--warmup", "-1").err())
                .contains("--warmup -1 is negative");
        assertThat(LoadCommand.parseDuration("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(LoadCommand.parseDuration("2m")).isEqualTo(java.time.Duration.ofMinutes(2));
    }

    @Test
    void aBusyLoadClientIsFlaggedAsPossiblyTheLimit() {
        java.time.Duration ms = java.time.Duration.ofMillis(1);
        Latency latency = new Latency(100, ms, ms, ms, ms, List.of());
        for (double busy : new double[] {0.95, 0.5, Double.NaN}) {
            LoadReport report = new LoadReport("https://localhost:8443/", "JDK", 8, false, 100, 100, 100, 100,
                    java.time.Duration.ofSeconds(1), latency, latency,
                    Map.of(200, 100L), List.of(), false, busy);
            java.io.StringWriter text = new java.io.StringWriter();
            LoadCommand.print(report, 0, new java.io.PrintWriter(text));

            if (busy >= LoadReport.SATURATED) {
                assertThat(text.toString()).contains("client:       network threads busy 95% of the time",
                        "warning: the load client was busy 95% of the time, so these figures may be its limit");
            } else if (Double.isNaN(busy)) {
                assertThat(text.toString()).contains("client:       not measured on this JVM").doesNotContain("warning:");
            } else {
                assertThat(text.toString()).contains("network threads busy 50% of the time").doesNotContain("warning:");
            }
        }
    }
}
