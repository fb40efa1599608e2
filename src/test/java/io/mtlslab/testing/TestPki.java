package io.mtlslab.testing;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;

/**
 * The standard test set, as the seed makes it but with fast EC keys: CA {@code MinhaCA}, server
 * {@code localhost} (SANs localhost, 127.0.0.1, ::1), client {@code Cliente} / OU {@code CODIGODOCLIENTE}.
 * Issue it once per test class: key generation is the slow part of most tests.
 */
public final class TestPki {

    private TestPki() {
    }

    /** Creates ca, server and client in a workspace at {@code dir} and returns it. */
    public static Workspace seedWorkspace(Path dir) {
        Workspace workspace = Workspace.open(dir);
        workspace.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build(), false, null);
        workspace.issue(Workspace.SERVER, CertificateSpec.builder(Role.SERVER)
                .subject(SubjectName.seed("TI", "localhost")).keyType(KeyType.EC_P256).build(),
                Workspace.CA, false, null, null);
        workspace.issue(Workspace.CLIENT, CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("CODIGODOCLIENTE", "Cliente")).keyType(KeyType.EC_P256).build(),
                Workspace.CA, false, null, null);
        return workspace;
    }

    public static Credential credential(Workspace workspace, String name) {
        return workspace.credential(name, null);
    }
}
