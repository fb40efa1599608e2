package io.mtlslab.hmac;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-client HMAC secrets of a workspace, in {@code hmac-secrets.json} (owner-only, never in
 * {@code workspace.json}): one random 256-bit secret per identity name, created on demand.
 */
public final class HmacSecrets {

    public static final String FILE = "hmac-secrets.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Workspace workspace;

    private HmacSecrets(Workspace workspace) {
        this.workspace = workspace;
    }

    public static HmacSecrets of(Workspace workspace) {
        return new HmacSecrets(workspace);
    }

    public Path file() {
        return workspace.dir().resolve(FILE);
    }

    /** The secret of identity {@code name}, if one was created. */
    public Optional<byte[]> find(String name) {
        String encoded = read().get(name);
        return encoded == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(encoded));
    }

    /**
     * The secret of identity {@code name}, created (and saved) if it has none yet — under the
     * workspace lock, from the file as it is now, so two processes creating secrets keep both.
     */
    public byte[] getOrCreate(String name) {
        Workspace.checkName(name);
        String encoded = workspace.locked(() -> {
            Map<String, String> secrets = read();
            String existing = secrets.get(name);
            if (existing != null) {
                return existing;
            }
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String created = Base64.getEncoder().encodeToString(secret);
            secrets.put(name, created);
            write(secrets);
            return created;
        });
        return Base64.getDecoder().decode(encoded);
    }

    /**
     * The secret of the workspace identity whose current certificate is {@code certificate} (matched
     * by serial), so the server verifies against the client the TLS layer authenticated.
     */
    public Optional<byte[]> forCertificate(X509Certificate certificate) {
        return nameOf(certificate).flatMap(this::find);
    }

    /** The secret of the workspace identity whose current certificate has this serial (hex). */
    public Optional<byte[]> forSerial(String serialHex) {
        return nameOfSerial(serialHex).flatMap(this::find);
    }

    /** The identity name of a workspace certificate, matched by serial. */
    public Optional<String> nameOf(X509Certificate certificate) {
        return nameOfSerial(Certificates.serialHex(certificate));
    }

    private Optional<String> nameOfSerial(String serial) {
        if (serial == null) {
            return Optional.empty();
        }
        Workspace current = Workspace.open(workspace.dir()); // the index may have changed since start
        return current.identities().stream().filter(e -> serial.equalsIgnoreCase(e.serialHex()))
                .map(IdentityEntry::name).findFirst();
    }

    /** {@code hmac-secrets.json} as stored: one jackson-jr record for the reader and the writer. */
    public record SecretsFile(Integer format, String algorithm, Map<String, String> secrets) {
    }

    private Map<String, String> read() {
        Path file = file();
        Map<String, String> secrets = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return secrets;
        }
        try {
            SecretsFile stored = JSON.std.beanFrom(SecretsFile.class, Files.readString(file));
            if (stored == null || stored.format() == null || stored.format() != 1) {
                throw PkiException.of("dir", "indexFormat", FILE, String.valueOf(workspace.dir()),
                        String.valueOf(stored == null ? null : stored.format()));
            }
            if (stored.secrets() != null) {
                secrets.putAll(stored.secrets());
            }
            return secrets;
        } catch (PkiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw PkiException.because(e, "dir", "hmacSecretsUnreadable", FILE, String.valueOf(workspace.dir()),
                    String.valueOf(e.getMessage()));
        }
    }

    private void write(Map<String, String> secrets) {
        try {
            SecureFiles.writeSecret(file(), JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
                    .asBytes(new SecretsFile(1, "HMAC-SHA256", secrets)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
