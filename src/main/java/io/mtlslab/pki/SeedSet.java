package io.mtlslab.pki;

import java.nio.file.Files;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Credential> made = make(workspace, ca, server, client, List.of(), overwrite);
        return new Result(made.get(Workspace.CA), made.get(Workspace.SERVER), made.get(Workspace.CLIENT));
    }

    /**
     * The seed's set completed, as Quick start wants it: the identities whose certificate or key is
     * missing are made (keys at once, as {@link #create} does), the ones already there are kept and used —
     * a kept CA signs the new server and client. Nothing is ever replaced.
     *
     * @return the names of the identities made, in the order ca, server, client
     */
    public static List<String> complete(Workspace workspace, CertificateSpec ca, CertificateSpec server,
                                        CertificateSpec client) {
        List<String> kept = List.of(Workspace.CA, Workspace.SERVER, Workspace.CLIENT).stream()
                .filter(name -> Files.exists(workspace.certificateFile(name)) && Files.exists(workspace.keyFile(name)))
                .toList();
        for (String name : List.of(Workspace.CA, Workspace.SERVER, Workspace.CLIENT)) {
            if (!kept.contains(name)) { // a lone key may be the only copy of an identity: refuse before any work
                SecureFiles.requireAbsent(false, workspace.certificateFile(name), workspace.keyFile(name));
            }
        }
        return List.copyOf(make(workspace, ca, server, client, kept, false).keySet());
    }

    /** Makes the three identities but the {@code kept} ones; the keys are generated in parallel. */
    private static Map<String, Credential> make(Workspace workspace, CertificateSpec ca, CertificateSpec server,
                                                CertificateSpec client, List<String> kept, boolean overwrite) {
        Map<String, Credential> made = new LinkedHashMap<>();
        if (kept.size() == 3) {
            return made;
        }
        ExecutorService keys = Executors.newFixedThreadPool(3, r -> {
            Thread thread = new Thread(r, "mtls-lab-keygen");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KeyPair> caKeys = generate(ca, !kept.contains(Workspace.CA), keys);
            CompletableFuture<KeyPair> serverKeys = generate(server, !kept.contains(Workspace.SERVER), keys);
            CompletableFuture<KeyPair> clientKeys = generate(client, !kept.contains(Workspace.CLIENT), keys);
            // A kept CA is read (and checked to be a CA with its own key) while the keys are generated.
            Credential caCredential = caKeys == null ? workspace.signer(Workspace.CA, null)
                    : CertificateIssuer.createRootCa(ca, caKeys.join());
            List<Workspace.Stored> stored = new ArrayList<>();
            if (caKeys != null) {
                made.put(Workspace.CA, caCredential);
                stored.add(new Workspace.Stored(Workspace.CA, Role.ROOT_CA, null, caCredential, null));
            }
            if (serverKeys != null) {
                Credential issued = CertificateIssuer.issue(server, caCredential, serverKeys.join());
                made.put(Workspace.SERVER, issued);
                stored.add(new Workspace.Stored(Workspace.SERVER, Role.SERVER, Workspace.CA, issued, null));
            }
            if (clientKeys != null) {
                Credential issued = CertificateIssuer.issue(client, caCredential, clientKeys.join());
                made.put(Workspace.CLIENT, issued);
                stored.add(new Workspace.Stored(Workspace.CLIENT, Role.CLIENT, Workspace.CA, issued, null));
            }
            // one locked write for all, re-checking the files inside the lock
            var failures = workspace.storeAll(stored, overwrite);
            if (!failures.isEmpty()) {
                throw failures.values().iterator().next();
            }
            return made;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            keys.shutdownNow();
        }
    }

    private static CompletableFuture<KeyPair> generate(CertificateSpec spec, boolean wanted, ExecutorService keys) {
        return wanted ? CompletableFuture.supplyAsync(spec.keyType()::generate, keys) : null;
    }
}
