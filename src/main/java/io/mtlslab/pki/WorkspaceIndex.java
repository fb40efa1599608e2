package io.mtlslab.pki;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code workspace.json} as it is on disk: one jackson-jr record type shared by the reader and the
 * writer. The UI's index — the CA's own record of what it issued and revoked is the
 * {@link CaDatabase}, so losing this file loses no revocation.
 *
 * @param format     the file's version; only {@link #FORMAT} is understood, anything else is refused
 * @param identities the identities, in the order they were recorded
 * @param settings   free-form settings (GUI choices, the scenario matrix's CA fingerprint, ...)
 */
public record WorkspaceIndex(Integer format, List<Identity> identities, Map<String, Object> settings) {

    public static final int FORMAT = 1;

    /** One identity as stored: strings and flags only, converted to an {@link IdentityEntry} once read. */
    public record Identity(String name, String role, String issuer, String serial, String subject, String keyType,
                           String notBefore, String notAfter, boolean keyEncrypted, boolean revoked) {

        static Identity of(IdentityEntry entry) {
            return new Identity(entry.name(), entry.role().id(), entry.issuer(), entry.serialHex(), entry.subject(),
                    entry.keyType(), entry.notBefore().toString(), entry.notAfter().toString(), entry.keyEncrypted(),
                    entry.revoked());
        }

        /**
         * The entry as the writer needs it, in field order. jackson-jr (2.23) writes a record
         * component named {@code issuer} as {@code "suer"} (it takes {@code is...} for a boolean getter
         * prefix), so the writer gets a map with the same keys the reader's record declares.
         */
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("role", role);
            if (issuer != null) {
                json.put("issuer", issuer);
            }
            json.put("serial", serial);
            json.put("subject", subject);
            json.put("keyType", keyType);
            json.put("notBefore", notBefore);
            json.put("notAfter", notAfter);
            json.put("keyEncrypted", keyEncrypted);
            json.put("revoked", revoked);
            return json;
        }

        IdentityEntry toEntry() {
            return new IdentityEntry(name, Role.parse(role), issuer, serial, subject, keyType, instant(notBefore),
                    instant(notAfter), keyEncrypted, revoked);
        }

        private static Instant instant(String value) {
            return value == null ? Instant.EPOCH : Instant.parse(value);
        }
    }

    /**
     * Reads and checks {@code file}: the format must be known and every name must be one
     * {@link Workspace#checkName} accepts (a name is a file name: {@code ../../x} must not reach a
     * write). A missing file is an empty index.
     */
    static Contents read(Path file) {
        WorkspaceIndex index;
        try {
            index = JSON.std.beanFrom(WorkspaceIndex.class, Files.readString(file));
        } catch (NoSuchFileException e) {
            return new Contents(Map.of(), Map.of());
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        if (index == null || index.format() == null || index.format() != FORMAT) {
            throw PkiException.of("dir", "indexFormat", String.valueOf(file.getFileName()), String.valueOf(file.getParent()),
                    String.valueOf(index == null ? null : index.format()));
        }
        Map<String, IdentityEntry> entries = new LinkedHashMap<>();
        for (Identity identity : index.identities() == null ? List.<Identity>of() : index.identities()) {
            try {
                if (identity == null) {
                    throw PkiException.of("name", "indexEmptyEntry");
                }
                Workspace.checkName(identity.name());
                entries.put(identity.name(), identity.toEntry());
            } catch (RuntimeException e) {
                // A failure in codes stays a message, so the reason renders in the reader's language too.
                throw corrupt(file, e instanceof PkiException p && p.problem() != null ? p.problem()
                        : String.valueOf(e.getMessage()), e);
            }
        }
        Map<String, Object> settings = index.settings() == null ? Map.of() : index.settings();
        return new Contents(entries, settings);
    }

    /** Writes the index atomically; call it under the workspace lock. */
    static void write(Path file, Collection<IdentityEntry> entries, Map<String, Object> settings) {
        List<Map<String, Object>> identities = new ArrayList<>(entries.size());
        entries.forEach(entry -> identities.add(Identity.of(entry).toJson()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("identities", identities);
        root.put("settings", settings);
        try {
            SecureFiles.write(file, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(root));
        } catch (IOException e) {
            throw PkiException.because(e, "dir", "cannotWrite", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    private static PkiException corrupt(Path file, Object problem, Exception cause) {
        return PkiException.because(cause, "dir", "indexUnreadable", String.valueOf(file.getFileName()),
                String.valueOf(file.getParent()), problem);
    }

    /** What was read: identities by name, in file order, and the settings. */
    record Contents(Map<String, IdentityEntry> entries, Map<String, Object> settings) {
    }
}
