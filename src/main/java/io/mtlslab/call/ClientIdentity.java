package io.mtlslab.call;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The client certificate a call presents, with the files it came from (for the copy-paste
 * equivalents). Files are {@code null} for an identity that exists only in memory.
 *
 * @param certificateFile the PEM the other tools should send: the chain file when there is one
 * @param p12File the identity's PKCS#12, when the workspace has one (Java's keystore snippet uses it)
 */
public record ClientIdentity(String name, Credential credential, Path certificateFile, Path keyFile, Path p12File) {

    public ClientIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credential, "credential");
        if (credential.privateKey() == null) {
            throw io.mtlslab.pki.PkiException.of("client", "identityNoKey", name);
        }
    }

    /** A workspace identity by name, with its files. */
    public static ClientIdentity fromWorkspace(Workspace workspace, String name, char[] keyPassword) {
        return unlocked(workspace, name, workspace.credential(name, keyPassword));
    }

    /** A workspace identity whose key was already read (e.g. unlocked with its password), with its files. */
    public static ClientIdentity unlocked(Workspace workspace, String name, Credential credential) {
        Path chain = workspace.chainFile(name);
        Path p12 = workspace.p12File(name);
        return new ClientIdentity(name, credential, Files.exists(chain) ? chain : workspace.certificateFile(name),
                workspace.keyFile(name), Files.exists(p12) ? p12 : null);
    }

    /** An identity held only in memory (tests, scenario credentials not written out). */
    public static ClientIdentity inMemory(String name, Credential credential) {
        return new ClientIdentity(name, credential, null, null, null);
    }
}
