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
 */
public final class StudentPasswords {

    public static final String FILE = "passwords.csv";

    private final Path file;

    private StudentPasswords(Path file) {
        this.file = file;
    }

    public static StudentPasswords of(Workspace workspace) {
        return new StudentPasswords(workspace.dir().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<char[]> find(String name) {
        String password = read().get(name);
        return password == null ? Optional.empty() : Optional.of(password.toCharArray());
    }

    /** The stored password of {@code name}, or a new one, saved before it is returned. */
    public synchronized char[] getOrCreate(String name) {
        Map<String, String> all = read();
        String password = all.get(name);
        if (password == null) {
            password = new String(BatchPassword.generate());
            all.put(name, password);
            write(all);
        }
        return password.toCharArray();
    }

    /** Records (or replaces) the password of {@code name}. */
    public synchronized void put(String name, char[] password) {
        Map<String, String> all = read();
        all.put(name, new String(password));
        write(all);
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
            throw new PkiException("dir", file + " cannot be read: " + e.getMessage(),
                    "fix the file (name,password per line) or move it away", e);
        }
    }

    private void write(Map<String, String> all) {
        StringBuilder text = new StringBuilder("name,password\r\n");
        all.forEach((name, password) -> text.append(name).append(',').append(password).append("\r\n"));
        SecureFiles.writeSecret(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
