package io.mtlslab.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.NativeTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadTest} against the real echo server: counts, full handshakes, and failures by diagnosis. */
class LoadTestTest {

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

    private static CallRequest.Builder call(String url) {
        return CallRequest.builder(url).workspace(workspace).readTimeout(Duration.ofSeconds(10));
    }

    private static LoadRequest load(CallRequest call, long count, boolean resume, LoadRequest.TlsProvider provider) {
        return new LoadRequest(call, 4, count, null, resume, provider);
    }

    @Test
    void everyCallIsAFullHandshakeOnBoringSslAndSucceeds() throws Exception {
        List<LoadProgress> ticks = new ArrayList<>();
        LoadReport report = LoadTest.run(load(call(server.url()).identity(ClientIdentity.fromWorkspace(workspace,
                "client", null)).build(), 60, false, LoadRequest.TlsProvider.AUTO), ticks::add, null);

        assertThat(NativeTls.available()).as(NativeTls.unavailableReason()).isTrue();
        assertThat(report.tlsProvider()).contains("BoringSSL");
        assertThat(report.calls()).isEqualTo(60);
        assertThat(report.succeeded()).isEqualTo(60);
        assertThat(report.failures()).isEmpty();
        assertThat(report.handshakes()).isEqualTo(60);
        assertThat(report.fullHandshakes()).isEqualTo(60);
        assertThat(report.statuses()).isEqualTo(Map.of(200, 60L));
        assertThat(report.handshake().count()).isEqualTo(60);
        assertThat(report.handshake().p50()).isPositive().isLessThanOrEqualTo(report.handshake().p99());
        assertThat(report.handshake().p99()).isLessThanOrEqualTo(report.handshake().max());
        // No call can take longer than the whole run (a handshake once counted from an unset start: hours).
        assertThat(report.handshake().max()).isLessThanOrEqualTo(report.elapsed());
        assertThat(report.request().max()).isLessThanOrEqualTo(report.elapsed());
        // the client's own network threads did work, and at most all of their time
        assertThat(report.clientBusy()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(report.handshake().buckets().stream().mapToLong(Latency.Bucket::count).sum()).isEqualTo(60);
        assertThat(report.request().count()).isEqualTo(60);
        assertThat(report.cancelled()).isFalse();
    }

    @Test
    void resumptionIsUsedOnlyWhenAllowed() throws Exception {
        CallRequest call = call(server.url()).identity(ClientIdentity.fromWorkspace(workspace, "client", null)).build();

        LoadReport resumed = LoadTest.run(new LoadRequest(call, 1, 20, null, true, LoadRequest.TlsProvider.AUTO), null, null);
        LoadReport jdkFull = LoadTest.run(load(call, 20, false, LoadRequest.TlsProvider.JDK), null, null);

        assertThat(resumed.succeeded()).isEqualTo(20);
        assertThat(resumed.fullHandshakes()).isLessThan(20);
        assertThat(jdkFull.tlsProvider()).isEqualTo("JDK");
        assertThat(jdkFull.succeeded()).isEqualTo(20);
        assertThat(jdkFull.fullHandshakes()).isEqualTo(20);
    }

    @Test
    void refusedClientsAreCountedAndGroupedByTheirDiagnosis() throws Exception {
        Credential rogueCa = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build());
        Credential rogueClient = CertificateIssuer.issue(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256).build(), rogueCa);

        LoadReport report = LoadTest.run(load(call(server.url()).identity(ClientIdentity.inMemory("rogue", rogueClient))
                .build(), 24, false, LoadRequest.TlsProvider.AUTO), null, null);

        assertThat(report.calls()).isEqualTo(24);
        assertThat(report.succeeded()).isZero();
        assertThat(report.handshakes()).isZero();
        assertThat(report.failures()).singleElement().satisfies(group -> {
            assertThat(group.code()).isEqualTo("UNKNOWN_CA");
            assertThat(group.count()).isEqualTo(24);
            assertThat(group.summary()).contains("does not trust the issuer of your client certificate");
        });
    }

    @Test
    void answersRefusedByTheApplicationAreFailuresWithTheirStatus() throws Exception {
        try (EchoServer optional = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL))) {
            LoadReport report = LoadTest.run(load(call(optional.url()).build(), 12, false,
                    LoadRequest.TlsProvider.AUTO), null, null);

            assertThat(report.succeeded()).isZero();
            assertThat(report.statuses()).isEqualTo(Map.of(401, 12L));
            assertThat(report.failures()).singleElement().satisfies(group -> {
                assertThat(group.code()).isEqualTo("HTTP_UNAUTHORIZED");
                assertThat(group.count()).isEqualTo(12);
            });
        }
    }

    @Test
    void aTimedRunStopsAtItsDuration() throws Exception {
        LoadReport report = LoadTest.run(new LoadRequest(call(server.url()).identity(ClientIdentity.fromWorkspace(
                workspace, "client", null)).build(), 2, 0, Duration.ofMillis(700), false,
                LoadRequest.TlsProvider.AUTO), null, null);

        assertThat(report.calls()).isPositive();
        assertThat(report.succeeded()).isEqualTo(report.calls());
        assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void percentilesAreNearestRank() {
        long[] samples = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        Latency latency = Latency.of(samples);

        assertThat(latency.p50()).isEqualTo(Duration.ofNanos(5));
        assertThat(latency.p90()).isEqualTo(Duration.ofNanos(9));
        assertThat(latency.p99()).isEqualTo(Duration.ofNanos(10));
        assertThat(latency.max()).isEqualTo(Duration.ofNanos(10));
        assertThat(latency.buckets()).singleElement().extracting(Latency.Bucket::count).isEqualTo(10L);
    }
}
