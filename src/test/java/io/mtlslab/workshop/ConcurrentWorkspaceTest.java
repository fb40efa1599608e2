package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several users of one workspace at once — the GUI and CLI runs, here as threads each with its own
 * {@link Workspace} object, as separate processes would have — lose no identity, revocation, secret
 * or password.
 */
class ConcurrentWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void parallelIssuersAreAllRecorded() throws Exception {
        TestPki.seedWorkspace(dir);
        int issuers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issuers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < issuers; i++) {
                String name = "c" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    Workspace own = Workspace.open(dir); // its own snapshot, like another process
                    own.issue(name, CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("T", name))
                            .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
                    own.putSetting("seen-" + name, true);
                    HmacSecrets.of(own).getOrCreate(name);
                    StudentPasswords.of(own).getOrCreate(name);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Workspace reopened = Workspace.open(dir);
        for (int i = 0; i < issuers; i++) {
            String name = "c" + i;
            assertThat(reopened.identity(name)).as(name).isPresent();
            assertThat(reopened.settings()).containsEntry("seen-" + name, true);
            assertThat(HmacSecrets.of(reopened).find(name)).as("secret of " + name).isPresent();
            assertThat(StudentPasswords.of(reopened).find(name)).as("password of " + name).isPresent();
        }
        assertThat(reopened.identities()).hasSize(3 + issuers);
    }

    @Test
    void aRevokeDuringABatchSticks() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();
        Path csv = dir.resolve("turma.csv");
        StringBuilder rows = new StringBuilder("name,CN,OU,email\n");
        for (int i = 1; i <= 12; i++) {
            rows.append("aluno").append(i).append(",Aluno ").append(i).append(",TURMA,\n");
        }
        Files.writeString(csv, rows);
        // The batch has read the index; halfway through, another user revokes the client and waits for it.
        BatchIssuance.Result result = BatchIssuance.run(workspace, csv, BatchIssuance.Options.defaults(),
                (done, total, name) -> {
                    if (done == 6) {
                        CompletableFuture.runAsync(() -> CrlIssuer.revoke(Workspace.open(dir), Workspace.CLIENT,
                                RevocationReason.KEY_COMPROMISE, null)).join();
                    }
                }, null);

        assertThat(result.issued()).hasSize(12);
        Workspace reopened = Workspace.open(dir);
        assertThat(reopened.identity(Workspace.CLIENT).orElseThrow().revoked()).isTrue();
        assertThat(reopened.identities()).extracting(IdentityEntry::name).contains("aluno1", "aluno12");
        X509CRL published = CrlIssuer.publish(reopened, null);
        assertThat(published.isRevoked(client)).isTrue();
    }

    @Test
    void revocationsFromParallelThreadsAllReachTheCrl() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        int count = 6;
        List<X509Certificate> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issued.add(workspace.issue("r" + i, CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("T", "r" + i))
                    .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null).certificate());
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "r" + i;
                done.add(pool.submit(() -> CrlIssuer.revoke(Workspace.open(dir), name, RevocationReason.UNSPECIFIED,
                        null)));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        X509CRL crl = CrlIssuer.published(Workspace.open(dir));
        assertThat(issued).allSatisfy(certificate -> assertThat(crl.isRevoked(certificate)).isTrue());
        assertThat(Workspace.open(dir).identities()).filteredOn(IdentityEntry::revoked).hasSize(count);
    }
}
