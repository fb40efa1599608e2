package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.testing.FileModes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceIssuanceTest {

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void issueSeedSet() {
        workspace = TestPki.seedWorkspace(dir);
    }

    @Test
    void writesTheSeedsFileNamesWithOwnerOnlyKeys() {
        for (String name : new String[] {"ca", "server", "client"}) {
            assertThat(dir.resolve(name + ".pem")).exists();
            assertThat(dir.resolve(name + ".key")).exists();
            FileModes.assertOwnerOnly(dir.resolve(name + ".key"));
        }
        assertThat(dir.resolve("workspace.json")).exists();
        assertThat(Workspace.open(dir).identities()).extracting(IdentityEntry::name)
                .containsExactly("ca", "server", "client");
    }

    @Test
    void serverAndClientPassOpensslStrictVerification() {
        ExternalTool.Result result = ExternalTool.run(dir, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                "server.pem", "client.pem");
        assertThat(result.output()).contains("server.pem: OK", "client.pem: OK");
        assertThat(result.ok()).isTrue();
    }

    @Test
    void serverHasTheSeedsDefaultSansAndServerAuth() throws Exception {
        ExternalTool.Result result = ExternalTool.run(dir, "openssl", "x509", "-in", "server.pem", "-noout", "-ext",
                "subjectAltName,extendedKeyUsage,keyUsage,basicConstraints");
        assertThat(result.output()).contains("DNS:localhost", "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1",
                "TLS Web Server Authentication", "Digital Signature", "CA:FALSE");
        assertThat(Files.readString(dir.resolve("server.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
