package io.mtlslab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's "open with" routing: one existing certificate-like file opens the GUI inspector. */
class MainTest {

    @TempDir
    static Path dir;

    @Test
    void opensAnExistingCertificateFileInTheGui() throws Exception {
        Path pem = Files.writeString(dir.resolve("client.PEM"), "-----BEGIN CERTIFICATE-----\n");
        Path p12 = Files.write(dir.resolve("client.p12"), new byte[] {0x30});

        assertThat(Main.fileToInspect(pem.toString())).contains(pem.toAbsolutePath().normalize());
        assertThat(Main.fileToInspect(p12.toString())).contains(p12.toAbsolutePath().normalize());
    }

    @Test
    void leavesEverythingElseToTheCommandLine() throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "x");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "x");
        Path folder = Files.createDirectories(dir.resolve("folder.pem"));

        assertThat(Main.fileToInspect()).isEmpty();
        assertThat(Main.fileToInspect("inspect")).isEmpty();
        assertThat(Main.fileToInspect("--version")).isEmpty();
        assertThat(Main.fileToInspect(dir.resolve("missing.pem").toString())).isEmpty();
        assertThat(Main.fileToInspect(notes.toString())).isEmpty();
        assertThat(Main.fileToInspect(folder.toString())).isEmpty();
        assertThat(Main.fileToInspect("inspect", pem.toString())).isEmpty();
    }
}
