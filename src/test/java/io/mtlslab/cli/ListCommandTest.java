package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void workspaceWithEveryStatus() {
        Workspace ws = TestPki.seedWorkspace(dir);
        Instant now = Instant.now();
        ws.issue("old", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("X", "Old"))
                .keyType(KeyType.EC_P256).validity(new Validity(now.minus(Duration.ofDays(40)),
                        now.minus(Duration.ofDays(1)))).build(), Workspace.CA, false, null, null);
        ws.issue("soon", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("X", "Soon"))
                .keyType(KeyType.EC_P256).days(10).build(), Workspace.CA, false, null, null);
        ws.issue("gone", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("X", "Gone"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, null, null);
        CrlIssuer.revoke(ws, "gone", RevocationReason.KEY_COMPROMISE, null);
    }

    @Test
    void listsEveryIdentityWithItsStatus() {
        CliRun run = CliRun.of("list", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).first().asString().startsWith("NAME").contains("STATUS");
        assertThat(run.out()).containsPattern("(?m)^ca +ca +valid ")
                .containsPattern("(?m)^client +client +valid .*CN=Cliente$")
                .containsPattern("(?m)^old +client +expired ")
                .containsPattern("(?m)^soon +client +expiring ")
                .containsPattern("(?m)^gone +client +revoked ");
    }

    @Test
    void printsJsonForScripts() {
        CliRun run = CliRun.of("list", "--dir", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"name\" : \"server\"", "\"status\" : \"revoked\"", "\"role\" : \"server\"");
    }

    @Test
    void saysHowToStartInAnEmptyWorkspace(@TempDir Path empty) {
        CliRun run = CliRun.of("list", "--dir", empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no identities", "mtls-lab ca create");
    }
}
