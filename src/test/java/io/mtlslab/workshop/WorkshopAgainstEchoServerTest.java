package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Renewal;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ConnectionEvent;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.TlsContexts;
import io.mtlslab.testing.Await;
import io.mtlslab.testing.FileModes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workshop features against the real echo server over real handshakes: bundles, revocation, renewal. */
class WorkshopAgainstEchoServerTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer echo;

    @BeforeAll
    static void startTheWorkspaceServer() throws Exception {
        workspace = TestPki.seedWorkspace(dir);
        Path csv = dir.resolve("turma.csv");
        Files.writeString(csv, "name,CN,OU,email\naluno01,Aluno Um,TURMA-A,um@example.com\n"
                + "aluno02,Aluno Dois,TURMA-A,\naluno03,Aluno Tres,TURMA-B,\n");
        BatchIssuance.run(workspace, csv, new BatchIssuance.Options(30, KeyType.EC_P256, false),
                BatchIssuance.Progress.NONE, null);
        echo = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stopServer() {
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void theBundlesCurlLineGets200AndTheStudentsCommonName(@TempDir Path unpacked) throws Exception {
        Path zip = StudentBundle.export(workspace, "aluno01", new StudentBundle.Target("localhost", echo.port()),
                dir.resolve("aluno01-bundle.zip"));
        FileModes.assertOwnerOnly(zip);
        List<String> entries = unzip(zip, unpacked);
        assertThat(entries).containsExactlyInAnyOrder("aluno01/aluno01.pem", "aluno01/aluno01.key", "aluno01/aluno01.p12",
                "aluno01/aluno01-legacy.p12", "aluno01/ca.pem", "aluno01/README.md");
        Path folder = unpacked.resolve("aluno01");
        String readme = Files.readString(folder.resolve("README.md"));
        String password = new String(StudentPasswords.of(workspace).find("aluno01").orElseThrow());
        assertThat(readme).contains(password, "https://localhost:" + echo.port() + "/", "tls.LoadX509KeyPair(\"aluno01.pem\"",
                "keytool -list -keystore aluno01.p12", "cert=(\"aluno01.pem\", \"aluno01.key\")", "openssl s_client");
        assertThat(readme).doesNotContain("hmac-secret.hex", "## HMAC layer");

        String curlLine = readme.lines().filter(l -> l.startsWith("curl ") && l.contains("--key")).findFirst().orElseThrow();
        ExternalTool.Result curl = ExternalTool.run(folder, curlLine.split(" "));
        assertThat(curl.ok()).as(curl.output()).isTrue();
        assertThat(curl.output()).contains("\"Aluno Um\"");

        String p12Line = readme.lines().filter(l -> l.startsWith("curl ") && l.contains("P12")).findFirst().orElseThrow();
        List<String> p12Command = new ArrayList<>(Arrays.asList(p12Line.split(" ")));
        p12Command.replaceAll(arg -> arg.replace("'", "")); // the README quotes for a shell; we run without one
        ExternalTool.Result curlP12 = ExternalTool.run(folder, null, p12Command);
        assertThat(curlP12.output()).contains("\"Aluno Um\"");

        ExternalTool.Result legacy = ExternalTool.run(folder, "openssl", "pkcs12", "-legacy", "-in", "aluno01-legacy.p12",
                "-noout", "-passin", "pass:" + password);
        assertThat(legacy.ok()).as(legacy.output()).isTrue();
        ExternalTool.Result keytool = ExternalTool.run(folder, "keytool", "-list", "-keystore", "aluno01.p12",
                "-storetype", "PKCS12", "-storepass", password);
        assertThat(keytool.output()).contains("PrivateKeyEntry");
    }

    @Test
    void theBundlesHmacSectionSignsARequestTheHmacServerAccepts(@TempDir Path unpacked) throws Exception {
        HmacSecrets.of(workspace).getOrCreate("aluno03");
        try (EchoServer hmacServer = EchoServer.start(workspace, ServerSettings.secure().withPort(0),
                HmacGate.requireFor(workspace))) {
            Path zip = StudentBundle.export(workspace, "aluno03", new StudentBundle.Target("localhost", hmacServer.port()),
                    dir.resolve("aluno03-bundle.zip"));
            assertThat(unzip(zip, unpacked)).contains("aluno03/hmac-secret.hex");
            Path folder = unpacked.resolve("aluno03");
            String readme = Files.readString(folder.resolve("README.md"));
            assertThat(readme).contains("| `hmac-secret.hex` |");
            String script = readme.substring(readme.indexOf("## HMAC layer"));
            script = script.substring(script.indexOf("```sh\n") + 6, script.lastIndexOf("```"));

            ExternalTool.Result signed = ExternalTool.run(folder, null, List.of("sh", "-c", script));
            assertThat(signed.ok()).as(signed.output()).isTrue();
            assertThat(signed.output()).contains("\"Aluno Tres\"", "\"verified\" : true");

            String plainCurl = readme.lines().filter(l -> l.startsWith("curl ") && l.contains("--key")).findFirst()
                    .orElseThrow();
            ExternalTool.Result unsigned = ExternalTool.run(folder, plainCurl.replace("--fail ", "").split(" "));
            assertThat(unsigned.output()).contains("hmac-missing");
        }
    }

    @Test
    void bundlesEveryClientOfTheWorkspaceAtOnce(@TempDir Path out) {
        List<Path> zips = StudentBundle.exportAll(workspace, StudentBundle.Target.localDefault(), out,
                BatchIssuance.Progress.NONE);
        assertThat(zips).extracting(p -> p.getFileName().toString()).contains("aluno02-bundle.zip",
                "aluno03-bundle.zip", "client-bundle.zip");
        assertThat(zips).allSatisfy(zip -> assertThat(zip).exists());
    }

    @Test
    void aRevokedClientIsRefusedInTheHandshakeAndLoggedAsRevoked() throws Exception {
        Credential student = workspace.credential("aluno02", null);
        assertThat(get(student).statusCode()).isEqualTo(200);

        CrlIssuer.revoke(workspace, "aluno02", RevocationReason.KEY_COMPROMISE, null);
        awaitRefused(student);
        assertThatThrownBy(() -> get(student)).isInstanceOf(IOException.class);
        ConnectionEvent rejected = awaitEvent(e -> e.outcome() == ConnectionEvent.Outcome.REJECTED
                && Certificates.serialHex(student.certificate()).equals(e.clientSerialHex()));
        assertThat(rejected.reason()).startsWith("revoked");

        assertThat(get(workspace.credential("aluno03", null)).statusCode()).isEqualTo(200);
    }

    @Test
    void renewingARevokedClientGivesItAccessAgainWhileTheOldCertificateStaysRefused() throws Exception {
        Credential old = workspace.credential("client", null);
        CrlIssuer.revoke(workspace, "client", RevocationReason.AFFILIATION_CHANGED, null);
        awaitRefused(old);
        assertThatThrownBy(() -> get(old)).isInstanceOf(IOException.class);

        Renewal.renew(workspace, "client", new Renewal.Request(30, true, false), null, null);
        HttpResponse<String> renewed = get(workspace.credential("client", null));
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(renewed.body()).contains("CODIGODOCLIENTE");
        assertThatThrownBy(() -> get(old)).isInstanceOf(IOException.class);
    }

    static HttpResponse<String> get(Credential identity) throws IOException, InterruptedException {
        SSLContext context = TlsContexts.context(TlsContexts.keyManager(identity),
                TlsContexts.trustManager(List.of(workspace.caCertificate())));
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(echo.url())).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Calls until the server refuses {@code identity}: it reloads the CRL on its refresher thread moments
     * after the file changed, never on a handshake.
     */
    static void awaitRefused(Credential identity) {
        Await.untilRefused("the server to refuse " + identity.certificate().getSubjectX500Principal(), () -> get(identity),
                () -> echo.log().snapshot().toString());
    }

    static ConnectionEvent awaitEvent(Predicate<ConnectionEvent> wanted) {
        return Await.value("a matching event in the connection log", Await.DEFAULT,
                () -> echo.log().snapshot().stream().filter(wanted).findFirst(), () -> echo.log().snapshot().toString());
    }

    static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as("zip entry stays inside the folder").isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
                names.add(entry.getName());
            }
        }
        return names;
    }
}
