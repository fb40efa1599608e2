package io.mtlslab.pki;

import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The seed's whole certificate set in one step — {@code ca.pem ca.key server.pem server.key client.pem
 * client.key} — as the OpenSSL recipe makes it, but with the three keys generated at once: key
 * generation (RSA-4096 above all) is nearly all of the time, and it parallelises.
 *
 * <p>All or nothing: every file is checked before anything is generated, so a refusal (an existing
 * file without {@code overwrite}) writes nothing.
 */
public final class SeedSet {

    /** The three identities written. */
    public record Result(Credential ca, Credential server, Credential client) {
    }

    private SeedSet() {
    }

    public static Result create(Workspace workspace, CertificateSpec ca, CertificateSpec server, CertificateSpec client,
                                boolean overwrite) {
        for (String name : List.of(Workspace.CA, Workspace.SERVER, Workspace.CLIENT)) {
            SecureFiles.requireAbsent(overwrite, workspace.certificateFile(name), workspace.keyFile(name));
        }
        ExecutorService keys = Executors.newFixedThreadPool(3, r -> {
            Thread thread = new Thread(r, "mtls-lab-keygen");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KeyPair> caKeys = CompletableFuture.supplyAsync(ca.keyType()::generate, keys);
            CompletableFuture<KeyPair> serverKeys = CompletableFuture.supplyAsync(server.keyType()::generate, keys);
            CompletableFuture<KeyPair> clientKeys = CompletableFuture.supplyAsync(client.keyType()::generate, keys);
            Credential caCredential = CertificateIssuer.createRootCa(ca, caKeys.join());
            Credential serverCredential = CertificateIssuer.issue(server, caCredential, serverKeys.join());
            Credential clientCredential = CertificateIssuer.issue(client, caCredential, clientKeys.join());
            // one locked write for the three, re-checking the files inside the lock
            var failures = workspace.storeAll(List.of(
                    new Workspace.Stored(Workspace.CA, Role.ROOT_CA, null, caCredential, null),
                    new Workspace.Stored(Workspace.SERVER, Role.SERVER, Workspace.CA, serverCredential, null),
                    new Workspace.Stored(Workspace.CLIENT, Role.CLIENT, Workspace.CA, clientCredential, null)), overwrite);
            if (!failures.isEmpty()) {
                throw failures.values().iterator().next();
            }
            return new Result(caCredential, serverCredential, clientCredential);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            keys.shutdownNow();
        }
    }
}
