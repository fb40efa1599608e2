package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy-paste equivalents name the real files, and the curl and Go ones really work. */
class EquivalentsTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static EchoServer server;

    @BeforeAll
    static void start() {
        workspace = TestPki.seedWorkspace(dir.resolve("ws"));
        server = EchoServer.start(workspace, ServerSettings.secure().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CallRequest request() {
        return CallRequest.builder(server.url()).workspace(workspace)
                .identity(ClientIdentity.fromWorkspace(workspace, "client", null)).build();
    }

    @Test
    void everySnippetNamesTheRealFilesAndUrl() {
        Equivalents equivalents = Equivalents.of(request());
        String cert = workspace.certificateFile("client").toString();
        String key = workspace.keyFile("client").toString();
        String ca = workspace.certificateFile("ca").toString();

        assertThat(equivalents.curl()).contains("--cert " + cert, "--key " + key, "--cacert " + ca, server.url());
        assertThat(equivalents.openssl()).contains("-connect localhost:" + server.port(), "-cert " + cert,
                "-key " + key, "-CAfile " + ca, "-verify_hostname localhost", "-verify_return_error");
        assertThat(equivalents.go()).contains("tls.LoadX509KeyPair(\"" + cert + "\", \"" + key + "\")",
                "os.ReadFile(\"" + ca + "\")", "RootCAs:            caCertPool", "\"" + server.url() + "\"");
        assertThat(equivalents.java()).contains("KeyStore.getInstance(\"PKCS12\")", "\"" + ca + "\"",
                "openssl pkcs12 -export -in " + cert);
        assertThat(equivalents.python()).contains("cert=(\"" + cert + "\", \"" + key + "\")", "verify=\"" + ca + "\"");
    }

    @Test
    void systemTrustAndNoClientLeaveThoseOptionsOut() {
        CallRequest request = CallRequest.builder("https://example.org:8443/x?y=1").trust(TrustAnchor.system())
                .method("POST").body("it's").protocols(List.of("TLSv1.3")).build();
        Equivalents equivalents = Equivalents.of(request);

        assertThat(equivalents.curl()).doesNotContain("--cert", "--cacert")
                .contains("-X POST", "--data-binary 'it'\\''s'", "--tlsv1.3 --tls-max 1.3");
        assertThat(equivalents.go()).doesNotContain("LoadX509KeyPair", "RootCAs").contains("tls.VersionTLS13");
        assertThat(equivalents.python()).contains("verify=True").doesNotContain("cert=");
    }

    @Test
    void curlEquivalentGetsTheSameAnswer() {
        ExternalTool.require("curl");
        CallRequest request = request();
        ExternalTool.Result result = ExternalTool.run(dir, "sh", "-c", Equivalents.of(request).curl());

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("\"commonName\" : \"Cliente\"");
    }

    @Test
    void opensslEquivalentVerifiesAndGetsTheSameAnswer() {
        ExternalTool.require("openssl");
        ExternalTool.Result result = ExternalTool.run(dir, "sh", "-c", Equivalents.of(request()).openssl());

        assertThat(result.output()).as(result.output()).contains("Verify return code: 0 (ok)", "HTTP/1.1 200 OK",
                "\"commonName\" : \"Cliente\"");
    }

    @Test
    void goEquivalentIsTheSeedClientAndWorks() throws Exception {
        ExternalTool.require("go");
        Path program = dir.resolve("gocall");
        Files.createDirectories(program);
        Files.writeString(program.resolve("main.go"), Equivalents.of(request()).go());

        ExternalTool.Result result = ExternalTool.run(program, "go", "run", "main.go");

        assertThat(result.output()).as(result.output()).contains("Resposta do servidor (200)").contains("Cliente");
    }
}
