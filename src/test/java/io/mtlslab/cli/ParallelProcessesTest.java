package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate {@code mtls-lab} processes in one workspace — a workshop's GUI and terminals — lose
 * nothing: ten parallel {@code client issue} runs are all recorded, and a {@code revoke} run while a
 * {@code batch} run is writing stays revoked.
 */
class ParallelProcessesTest {

    @TempDir
    Path dir;

    @Test
    void tenParallelIssuersABatchAndARevokeAreAllRecorded() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();
        StringBuilder csv = new StringBuilder("name,CN,OU,email\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("aluno").append(i).append(",Aluno ").append(i).append(",TURMA,\n");
        }
        Files.writeString(dir.resolve("turma.csv"), csv);

        List<Process> processes = new ArrayList<>();
        processes.add(cli("batch", dir.resolve("turma.csv").toString(), "--dir", dir.toString()));
        for (int i = 0; i < 10; i++) {
            processes.add(cli("client", "issue", "--name", "c" + i, "--cn", "Cliente " + i, "--key", "ec-p256", "--dir", dir.toString()));
        }
        processes.add(cli("revoke", Workspace.CLIENT, "--dir", dir.toString()));
        for (Process process : processes) {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("finished: " + process.info().arguments()).isTrue();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.exitValue()).as(output).isZero();
        }

        Workspace reopened = Workspace.open(dir);
        List<String> names = reopened.identities().stream().map(IdentityEntry::name).toList();
        for (int i = 0; i < 10; i++) {
            assertThat(names).contains("c" + i);
        }
        for (int i = 1; i <= 40; i++) {
            assertThat(names).contains("aluno" + i);
        }
        assertThat(reopened.identity(Workspace.CLIENT).orElseThrow().revoked()).isTrue();
        X509CRL crl = CrlIssuer.published(reopened);
        assertThat(crl.isRevoked(client)).isTrue();
        assertThat(Files.readString(dir.resolve("passwords.csv")).lines().filter(l -> l.startsWith("aluno")))
                .hasSize(40);
    }

    private static Process cli(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.mtlslab.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
