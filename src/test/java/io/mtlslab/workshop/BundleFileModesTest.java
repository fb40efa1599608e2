package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student unzips the bundle with the stock tools and gets an owner-only key and .p12. */
class BundleFileModesTest {

    @TempDir
    Path dir;

    @Test
    void zipEntriesCarryOwnerOnlyModesForSecretsAndReadableOnesForCertificates() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("ws"));
        HmacSecrets.of(workspace).getOrCreate(Workspace.CLIENT);
        Path zip = StudentBundle.export(workspace, Workspace.CLIENT, StudentBundle.Target.localDefault(),
                dir.resolve("client-bundle.zip"));

        ExternalTool.Result listing = ExternalTool.run(dir, "zipinfo", zip.toString());
        assertThat(listing.ok()).as(listing.output()).isTrue();
        assertThat(listing.output()).containsPattern("-rw-------.*client/client\\.key")
                .containsPattern("-rw-------.*client/client\\.p12")
                .containsPattern("-rw-------.*client/client-legacy\\.p12")
                .containsPattern("-rw-------.*client/hmac-secret\\.hex")
                .containsPattern("-rw-r--r--.*client/client\\.pem")
                .containsPattern("-rw-r--r--.*client/ca\\.pem");

        Path out = Files.createDirectory(dir.resolve("student"));
        ExternalTool.Result unzip = ExternalTool.run(out, "unzip", "-q", zip.toString());
        assertThat(unzip.ok()).as(unzip.output()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client/client.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client/client.pem"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("client/ca.pem"))).contains("BEGIN CERTIFICATE");
    }

    @Test
    void passwordsCsvSplitsCleanlyWithCut() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("ws"));
        char[] password = StudentPasswords.of(workspace).getOrCreate(Workspace.CLIENT);
        ExternalTool.Result cut = ExternalTool.run(dir.resolve("ws"), "cut", "-d,", "-f2", StudentPasswords.FILE);
        assertThat(cut.output().lines()).containsExactly("password", new String(password));
    }
}
