package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick start's half of the seed set: what is missing is made, what is there is kept and used. */
class SeedSetTest {

    @TempDir
    Path dir;

    private static CertificateSpec spec(Role role, String ou, String cn) {
        return CertificateSpec.builder(role).subject(SubjectName.seed(ou, cn)).keyType(KeyType.EC_P256).build();
    }

    private static List<String> complete(Workspace workspace) {
        return SeedSet.complete(workspace, spec(Role.ROOT_CA, "TI", "MinhaCA"), spec(Role.SERVER, "TI", "localhost"),
                spec(Role.CLIENT, "CODIGODOCLIENTE", "Cliente"));
    }

    @Test
    void completeMakesTheWholeSeedSetInAnEmptyWorkspace() {
        Workspace workspace = Workspace.open(dir);

        assertThat(complete(workspace)).containsExactly(Workspace.CA, Workspace.SERVER, Workspace.CLIENT);

        X509Certificate ca = Pem.readCertificate(workspace.certificateFile(Workspace.CA));
        for (String name : List.of(Workspace.SERVER, Workspace.CLIENT)) {
            assertThat(Files.exists(workspace.keyFile(name))).as(name + ".key").isTrue();
            X509Certificate issued = Pem.readCertificate(workspace.certificateFile(name));
            assertThat(issued.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            assertThat(Keys.matches(issued.getPublicKey(), workspace.credential(name, null).privateKey())).isTrue();
        }
        assertThat(workspace.identities()).extracting(IdentityEntry::name)
                .contains(Workspace.CA, Workspace.SERVER, Workspace.CLIENT);
    }

    @Test
    void completeKeepsAnExistingCaAndSignsTheNewServerAndClientWithIt() throws Exception {
        Workspace workspace = Workspace.open(dir);
        workspace.createRootCa(Workspace.CA, spec(Role.ROOT_CA, "Outro", "CA de antes"), false, null);
        byte[] caPem = Files.readAllBytes(workspace.certificateFile(Workspace.CA));
        byte[] caKey = Files.readAllBytes(workspace.keyFile(Workspace.CA));

        assertThat(complete(workspace)).containsExactly(Workspace.SERVER, Workspace.CLIENT);

        assertThat(Files.readAllBytes(workspace.certificateFile(Workspace.CA))).isEqualTo(caPem);
        assertThat(Files.readAllBytes(workspace.keyFile(Workspace.CA))).isEqualTo(caKey);
        X509Certificate ca = Pem.readCertificate(workspace.certificateFile(Workspace.CA));
        for (String name : List.of(Workspace.SERVER, Workspace.CLIENT)) {
            X509Certificate issued = Pem.readCertificate(workspace.certificateFile(name));
            issued.verify(ca.getPublicKey());
            assertThat(issued.getIssuerX500Principal().getName()).contains("CN=CA de antes");
        }
    }

    @Test
    void completeReplacesNothingWhenTheSetIsThere() throws Exception {
        Workspace workspace = Workspace.open(dir);
        complete(workspace);
        byte[] clientPem = Files.readAllBytes(workspace.certificateFile(Workspace.CLIENT));
        byte[] serverKey = Files.readAllBytes(workspace.keyFile(Workspace.SERVER));

        assertThat(complete(workspace)).isEmpty();

        assertThat(Files.readAllBytes(workspace.certificateFile(Workspace.CLIENT))).isEqualTo(clientPem);
        assertThat(Files.readAllBytes(workspace.keyFile(Workspace.SERVER))).isEqualTo(serverKey);
    }

    /** A key without its certificate may be the only copy of an identity: it is never overwritten. */
    @Test
    void completeRefusesToOverwriteAKeyLeftWithoutItsCertificate() throws Exception {
        Workspace workspace = Workspace.open(dir);
        complete(workspace);
        byte[] clientKey = Files.readAllBytes(workspace.keyFile(Workspace.CLIENT));
        Files.delete(workspace.certificateFile(Workspace.CLIENT));

        assertThatThrownBy(() -> complete(workspace)).isInstanceOf(PkiException.class).hasMessageContaining("client.key");

        assertThat(Files.readAllBytes(workspace.keyFile(Workspace.CLIENT))).isEqualTo(clientKey);
        assertThat(Files.exists(workspace.certificateFile(Workspace.CLIENT))).isFalse();
    }
}
