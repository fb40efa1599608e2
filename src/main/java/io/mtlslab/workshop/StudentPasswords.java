package io.mtlslab.workshop;

import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The .p12 passwords of a workshop's identities, in the workspace's {@code passwords.csv}
 * ({@code name,password}; owner-only). The instructor prints or hands them out; mTLS Lab never shows
 * them unless asked to.
 *
 * <p>Lines end in LF, so {@code cut -d, -f2} and {@code awk -F,} read the passwords cleanly. Every
 * change happens under the workspace lock, from the file as it is now.
 */
public final class StudentPasswords {

    public static final String FILE = "passwords.csv";

    private final Workspace workspace;
    private final Path file;

    private StudentPasswords(Workspace workspace) {
        this.workspace = workspace;
        this.file = workspace.dir().resolve(FILE);
    }

    public static StudentPasswords of(Workspace workspace) {
        return new StudentPasswords(workspace);
    }

    public Path file() {
        return file;
    }

    public Optional<char[]> find(String name) {
        String password = read().get(name);
        return password == null ? Optional.empty() : Optional.of(password.toCharArray());
    }

    /** The stored password of {@code name}, or a new one, saved before it is returned. */
    public char[] getOrCreate(String name) {
        return workspace.locked(() -> {
            Map<String, String> all = read();
            String password = all.get(name);
            if (password == null) {
                password = new String(BatchPassword.generate());
                all.put(name, password);
                write(all);
            }
            return password.toCharArray();
        });
    }

    /** Records (or replaces) the password of {@code name}. */
    public void put(String name, char[] password) {
        putAll(Map.of(name, new String(password)));
    }

    /** Records (or replaces) several passwords with one write: a batch's chunk. */
    public void putAll(Map<String, String> passwords) {
        workspace.locked(() -> {
            Map<String, String> all = read();
            all.putAll(passwords);
            write(all);
            return null;
        });
    }

    private Map<String, String> read() {
        Map<String, String> all = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return all;
        }
        try {
            List<CsvRecords.Row> rows = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8), new ArrayList<>());
            for (CsvRecords.Row row : rows) {
                if (row.fields().size() >= 2 && !(row.line() == 1 && "name".equals(row.fields().get(0)))) {
                    all.put(row.fields().get(0), row.fields().get(1));
                }
            }
            return all;
        } catch (IOException | CsvRecords.MalformedCsvException e) {
            throw PkiException.because(e, "dir", "passwordsUnreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    private void write(Map<String, String> all) {
        StringBuilder text = new StringBuilder("name,password\n");
        all.forEach((name, password) -> text.append(name).append(',').append(password).append('\n'));
        SecureFiles.writeSecret(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
