package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that fails or dies part-way must not leave a CA-signed certificate the workspace does not
 * record (nobody could list or revoke it), must report as issued only what is recorded, and must be
 * finished by running it again.
 */
class InterruptedBatchTest {

    private static final Set<String> SEED = Set.of("ca", "server", "client");
    private static final BatchIssuance.Options OPTIONS = new BatchIssuance.Options(30, KeyType.EC_P256, false);

    @TempDir
    Path dir;
    Workspace workspace;
    Path csv;

    @BeforeEach
    void seed() throws IOException {
        Texts.use(Locale.ENGLISH);
        workspace = TestPki.seedWorkspace(dir.resolve("ws"));
        csv = dir.resolve("turma.csv");
        writeCsv(12);
    }

    @Test
    void aFailedCaDatabaseWriteRemovesTheChunksFilesAndNamesWhatWasRecorded() throws IOException {
        Path caDatabase = workspace.dir().resolve("index.txt");
        List<String> reported = new CopyOnWriteArrayList<>();
        // After the first chunk is reported, index.txt becomes a folder: the next chunk's files are
        // written, then its recording fails, as on a full disk.
        assertThatThrownBy(() -> BatchIssuance.run(workspace, csv, OPTIONS, breakAfterFirst(reported, caDatabase),
                null, 4))
                .isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).code()).isEqualTo("batchStopped"))
                .hasMessageContaining("Recorded before that: 4 of 12 identities (s000 … s003)")
                .hasMessageContaining("stopped at line 6");
        assertThat(reported).containsExactly("s000", "s001", "s002", "s003");
        restore(caDatabase);
        assertEverySignedFileIsRecorded();
        assertThat(clientNames()).containsExactly("s000", "s001", "s002", "s003");

        BatchIssuance.Result again = BatchIssuance.run(workspace, csv, OPTIONS, BatchIssuance.Progress.NONE, null, 4);

        assertThat(again.issued()).extracting(BatchIssuance.Issued::name).hasSize(8).startsWith("s004").endsWith("s011");
        assertThat(again.problems()).extracting(p -> p.error().code()).containsOnly("batchExists").hasSize(4);
        assertThat(clientNames()).hasSize(12);
        assertEverySignedFileIsRecorded();
    }

    @Test
    void aFailedIndexWriteAlsoTakesTheChunkOutOfTheCaDatabase() throws IOException {
        Path index = workspace.dir().resolve(Workspace.INDEX);
        List<String> reported = new CopyOnWriteArrayList<>();
        // index.txt is written, then workspace.json cannot be: the CA database must be put back.
        assertThatThrownBy(() -> BatchIssuance.run(workspace, csv, OPTIONS, breakAfterFirst(reported, index), null, 4))
                .hasMessageContaining("4 of 12 identities (s000 … s003)");
        assertThat(reported).containsExactly("s000", "s001", "s002", "s003");
        String caLines = Files.readString(workspace.dir().resolve("index.txt"));
        assertThat(caLines.lines().filter(line -> line.contains("\ts0")).count()).isEqualTo(4);
        restore(index);
        assertEverySignedFileIsRecorded();

        BatchIssuance.Result again = BatchIssuance.run(workspace, csv, OPTIONS, BatchIssuance.Progress.NONE, null, 4);

        assertThat(again.issued()).hasSize(8);
        assertThat(clientNames()).hasSize(12);
        assertEverySignedFileIsRecorded();
    }

    /**
     * A store that replaces files (renew without a new key, issue --force, a new CA) is not rolled back by
     * deleting: the key it wrote may be the only copy of that identity's key. Only new identities are.
     */
    @Test
    void aFailedReplacingStoreKeepsTheKeyItWrote() throws IOException {
        TestPki.seedWorkspace(workspace.dir().resolve("seeded"));
        Workspace seeded = Workspace.open(workspace.dir().resolve("seeded"));
        Credential client = seeded.credential(Workspace.CLIENT, null);
        Path caLines = seeded.dir().resolve("index.txt");
        Files.move(caLines, caLines.resolveSibling("saved"));
        Files.createDirectories(caLines.resolve("in-the-way"));

        assertThatThrownBy(() -> seeded.store(Workspace.CLIENT, Role.CLIENT, Workspace.CA, client, null))
                .isInstanceOf(RuntimeException.class);

        assertThat(seeded.keyFile(Workspace.CLIENT)).exists();
        assertThat(Pem.readPrivateKey(seeded.keyFile(Workspace.CLIENT), null)).isEqualTo(client.privateKey());
        assertThat(seeded.certificateFile(Workspace.CLIENT)).exists();
        assertThat(seeded.dir().resolve(Workspace.PENDING)).doesNotExist();
    }

    @Test
    void aRerunRemovesWhatADeadProcessWroteButNeverRecordedAndIssuesItAgain() throws IOException {
        Credential ca = workspace.signer(Workspace.CA, null);
        List<Workspace.Stored> chunk = new ArrayList<>();
        for (String name : List.of("s000", "s001", "s002")) {
            chunk.add(new Workspace.Stored(name, Role.CLIENT, Workspace.CA, CertificateIssuer.issue(CertificateSpec
                    .builder(Role.CLIENT).subject(SubjectName.seed("T", name)).keyType(KeyType.EC_P256).build(), ca),
                    null));
        }
        // An Error is not handled like a failure: the store stops as if the process died there.
        assertThatThrownBy(() -> workspace.storeAll(chunk, false, written -> {
            throw new ProcessDied();
        })).isInstanceOf(ProcessDied.class);
        assertThat(workspace.dir().resolve("s000.pem")).exists();
        assertThat(workspace.identity("s000")).isEmpty();

        BatchIssuance.Result again = BatchIssuance.run(workspace, csv, OPTIONS, BatchIssuance.Progress.NONE, null, 4);

        assertThat(again.removedLeftovers()).extracting(path -> path.getFileName().toString())
                .containsExactly("s000.pem", "s000.key", "s001.pem", "s001.key", "s002.pem", "s002.key");
        assertThat(again.problems()).isEmpty();
        assertThat(again.issued()).hasSize(12);
        assertThat(workspace.dir().resolve(Workspace.PENDING)).doesNotExist();
        assertEverySignedFileIsRecorded();
    }

    @Test
    void filesTheWorkspaceDoesNotKnowAreNamedNotCalledExisting() throws IOException {
        Files.copy(workspace.certificateFile("client"), workspace.certificateFile("s001"));
        Files.copy(workspace.keyFile("client"), workspace.keyFile("s001"));

        BatchIssuance.Result result = BatchIssuance.run(workspace, csv, OPTIONS, BatchIssuance.Progress.NONE, null, 4);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.error().code()).isEqualTo("batchStray");
            assertThat(problem.message()).contains("'s001' is not in the workspace, but s001.pem, s001.key is in")
                    .contains("delete them").doesNotContain("already exists");
        });
        assertThat(result.issued()).hasSize(11);
    }

    @Test
    @Timeout(60)
    void aBatchProcessKilledMidwayLeavesOnlyRecordedIdentitiesAndARerunFinishesIt() throws Exception {
        writeCsv(400);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process batch = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.mtlslab.Main",
                "batch", csv.toString(), "--dir", workspace.dir().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(batch.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("] issued ")) {
                // wait for the first recorded chunk
            }
            assertThat(line).as("the batch reported an identity before it ended").isNotNull();
        } finally {
            batch.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            batch.waitFor(10, TimeUnit.SECONDS);
        }
        Workspace reopened = Workspace.open(workspace.dir());
        List<String> recordedAtKill = clientNames(reopened);
        assertThat(recordedAtKill).isNotEmpty();

        BatchIssuance.Result again = BatchIssuance.run(reopened, csv, OPTIONS, BatchIssuance.Progress.NONE, null);

        assertThat(again.problems()).extracting(p -> p.error().code()).containsOnly("batchExists");
        assertThat(again.problems()).hasSize(recordedAtKill.size());
        assertThat(again.issued()).hasSize(400 - recordedAtKill.size());
        assertThat(clientNames(reopened)).hasSize(400);
        assertEverySignedFileIsRecorded();
    }

    private static final class ProcessDied extends Error {
    }

    /** Reports issued rows and, after the first, breaks {@code file} by turning it into a folder. */
    private BatchIssuance.Progress breakAfterFirst(List<String> reported, Path file) {
        return (done, total, name) -> {
            if (name == null) {
                return;
            }
            reported.add(name);
            if (reported.size() == 4) {
                try {
                    Files.copy(file, file.resolveSibling("saved"));
                    Files.delete(file);
                    Files.createDirectories(file.resolve("in-the-way"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /** Puts back {@code file} as it was when it was broken (holding the first chunk). */
    private static void restore(Path file) throws IOException {
        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
        Files.move(file.resolveSibling("saved"), file);
    }

    /** Every certificate, key and .p12 in the folder belongs to an identity of both indexes, by serial. */
    private void assertEverySignedFileIsRecorded() throws IOException {
        Workspace fresh = Workspace.open(workspace.dir());
        Set<String> caDatabase = Files.readAllLines(fresh.dir().resolve("index.txt")).stream()
                .map(line -> new BigInteger(line.split("\t")[3], 16).toString(16)).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(fresh.dir())) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.matches("s\\d+\\.(pem|key|p12)")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.indexOf('.'));
                assertThat(fresh.identity(name)).as(fileName + " is in workspace.json").isPresent();
                assertThat(fresh.dir().resolve(name + ".pem")).as(fileName + " has its certificate").exists();
                String serial = Certificates.serialHex(Pem.readCertificate(fresh.certificateFile(name)));
                assertThat(fresh.identity(name).map(IdentityEntry::serialHex)).contains(serial);
                assertThat(caDatabase).as(fileName + " is in index.txt").contains(new BigInteger(serial, 16).toString(16));
            }
        }
        assertThat(fresh.dir().resolve(Workspace.PENDING)).doesNotExist();
    }

    private List<String> clientNames() {
        return clientNames(Workspace.open(workspace.dir()));
    }

    private static List<String> clientNames(Workspace workspace) {
        return workspace.identities().stream().map(IdentityEntry::name).filter(name -> !SEED.contains(name)).toList();
    }

    private void writeCsv(int rows) throws IOException {
        Files.writeString(csv, "name,cn\n" + IntStream.range(0, rows)
                .mapToObj(i -> String.format(Locale.ROOT, "s%03d,Aluno %d", i, i)).collect(Collectors.joining("\n"))
                + "\n");
    }
}
