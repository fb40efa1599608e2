package io.mtlslab.workshop;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issues one client identity per row of a workshop CSV ({@code name,CN,OU,email} with a header
 * row), each with its own PKCS#12 (modern encryption) and a generated password kept in
 * {@code passwords.csv}.
 *
 * <p>Every row is checked before any key is made; a bad row is reported with its line number and
 * skipped, and the good rows are issued anyway. The subject takes C, ST, L and O from the CA, so the
 * students' certificates look like the seed's {@code client.pem}.
 */
public final class BatchIssuance {

    /** How to issue: validity, key type and whether existing identities may be replaced. */
    public record Options(int days, KeyType keyType, boolean overwrite) {
        public Options {
            Validity.days(days); // fails with the field's message before anything is written
        }

        public static Options defaults() {
            return new Options(365, KeyType.EC_P256, false);
        }
    }

    /** Told after each row; the GUI turns it into a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, String name);

        /**
         * Asked before each row: true stops the batch there, keeping (and recording) the rows already
         * made, like an interrupt but without one, so the last chunk's files are still written.
         */
        default boolean cancelled() {
            return false;
        }

        Progress NONE = (done, total, name) -> { };
    }

    /**
     * A skipped row: its line in the file and what is wrong with it, as the core's failure, so the CLI
     * prints its hints and the GUI its own words, each in the chosen language.
     */
    public record Problem(int line, PkiException error) {
        /** The CLI's words: field, problem and the command-line fix. */
        public String message() {
            return error.oneLine();
        }

        @Override
        public String toString() {
            return Texts.text("batch.skippedLine", String.valueOf(line), message());
        }
    }

    /** One issued identity and where its .p12 is. */
    public record Issued(int line, String name, String commonName, Path p12File) {
    }

    /**
     * What a batch did. {@code cancelled} when the thread was interrupted before the end;
     * {@code removedLeftovers} the files of an interrupted earlier store that were never recorded
     * (and so never reported as issued), removed before this batch began.
     */
    public record Result(List<Issued> issued, List<Problem> problems, Path passwordsFile, boolean cancelled,
                         List<Path> removedLeftovers) {
    }

    /** A row that passed the checks. */
    record Row(int line, String name, String commonName, String organizationalUnit, String email) {
    }

    private static final Map<String, String> COLUMNS = Map.of("name", "name", "cn", "cn", "commonname", "cn",
            "ou", "ou", "organizationalunit", "ou", "email", "email", "e-mail", "email", "emailaddress", "email");

    private BatchIssuance() {
    }

    /**
     * Rows issued between two writes of the shared files. Keys, certificates and .p12 files are made
     * outside the workspace lock; each chunk's identities are then recorded with one write of
     * {@code workspace.json}, the CA database and {@code passwords.csv} under the lock, so a revoke
     * from another process during a long batch waits at most one chunk and is never undone.
     */
    static final int CHUNK = 250;

    /** The longest a made identity waits to be recorded (and reported): slow keys still show progress. */
    static final long COMMIT_NANOS = 1_000_000_000L;

    /** Reads {@code csv} and issues its identities in {@code workspace}, signed by its CA. */
    public static Result run(Workspace workspace, Path csv, Options options, Progress progress, char[] caKeyPassword) {
        return run(workspace, csv, options, progress, caKeyPassword, CHUNK);
    }

    /**
     * As {@link #run(Workspace, Path, Options, Progress, char[])}, recording at most {@code chunkSize}
     * identities at once. A row is reported issued only once it is recorded; if recording fails, the
     * failure names the identities recorded before it, and nothing of the failed chunk is left.
     */
    static Result run(Workspace workspace, Path csv, Options options, Progress progress, char[] caKeyPassword,
                      int chunkSize) {
        if (!workspace.hasCa()) {
            throw PkiException.of("dir", "noCa", String.valueOf(workspace.dir()));
        }
        // Files an interrupted store (a killed batch) wrote but never recorded: remove them first, so
        // their rows are issued again below instead of being refused as existing.
        List<Path> leftovers = workspace.removeUnrecorded();
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = read(csv, workspace, options.overwrite(), problems);
        Credential ca = workspace.signer(Workspace.CA, caKeyPassword); // a wrong CA password fails before any key
        SubjectName caSubject = ca.subject();
        StudentPasswords passwords = StudentPasswords.of(workspace);
        List<Issued> issued = new ArrayList<>();
        int[] done = {0};
        progress.update(0, rows.size(), null);
        // Keys, certificates and .p12 encryption are CPU-bound and independent: one worker per core.
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                    Thread thread = new Thread(runnable, "batch-issuance");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (int start = 0; start < rows.size(); start += chunkSize) {
                List<Row> chunkRows = rows.subList(start, Math.min(rows.size(), start + chunkSize));
                List<Future<Prepared>> futures = new ArrayList<>();
                for (Row row : chunkRows) {
                    futures.add(workers.submit(() -> prepare(row, options, caSubject, ca)));
                }
                List<Prepared> chunk = new ArrayList<>();
                int failed = 0;
                long since = System.nanoTime();
                boolean cancelled = false;
                for (int i = 0; i < chunkRows.size(); i++) {
                    Row row = chunkRows.get(i);
                    if (cancelled || Thread.currentThread().isInterrupted() || progress.cancelled()) {
                        cancelled = true;
                        futures.get(i).cancel(true);
                        continue;
                    }
                    try {
                        chunk.add(futures.get(i).get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled = true;
                        continue;
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof PkiException problem)) {
                            throw new IllegalStateException("issuing row " + row.line() + " failed: "
                                    + e.getCause().getMessage(), e.getCause());
                        }
                        problems.add(new Problem(row.line(), problem));
                        failed++;
                    }
                    if (!chunk.isEmpty() && System.nanoTime() - since >= COMMIT_NANOS) {
                        commit(workspace, chunk, options, passwords, issued, problems, rows.size(), done, failed,
                                progress);
                        chunk.clear();
                        failed = 0;
                        since = System.nanoTime();
                    }
                }
                commit(workspace, chunk, options, passwords, issued, problems, rows.size(), done, failed, progress);
                if (cancelled) {
                    return new Result(issued, sorted(problems), passwords.file(), true, leftovers);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new Result(issued, sorted(problems), passwords.file(), false, leftovers);
    }

    /** One row's identity and .p12, made and not yet written. */
    private record Prepared(Row row, Credential credential, byte[] p12, String password) {
    }

    private static Prepared prepare(Row row, Options options, SubjectName caSubject, Credential ca) {
        SubjectName subject = new SubjectName(caSubject.country(), caSubject.state(), caSubject.locality(),
                caSubject.organization(), row.organizationalUnit() == null ? List.of() : List.of(row.organizationalUnit()),
                row.commonName(), null);
        CertificateSpec.Builder spec = CertificateSpec.builder(Role.CLIENT).subject(subject)
                .keyType(options.keyType()).days(options.days());
        if (row.email() != null) {
            spec.subjectAltName(SubjectAltName.email(row.email()));
        }
        Credential credential = CertificateIssuer.issue(spec.build(), ca);
        char[] password = BatchPassword.generate();
        try {
            byte[] p12 = Pkcs12.writeWithGeneratedPassword(credential, row.name(), password);
            return new Prepared(row, credential, p12, new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Writes a chunk's files and records it with one write of each shared file, under the lock, then
     * reports its rows as issued. A failure leaves none of the chunk's files (see
     * {@link Workspace#storeAll(List, boolean, java.util.function.Consumer)}) and names what was recorded.
     */
    private static void commit(Workspace workspace, List<Prepared> chunk, Options options, StudentPasswords passwords,
                               List<Issued> issued, List<Problem> problems, int total, int[] done, int failed,
                               Progress progress) {
        done[0] += failed;
        if (chunk.isEmpty()) {
            return;
        }
        List<Issued> recorded = new ArrayList<>();
        try {
            workspace.locked(() -> {
                List<Workspace.Stored> stored = chunk.stream().map(p -> new Workspace.Stored(p.row().name(), Role.CLIENT,
                        Workspace.CA, p.credential(), null)).toList();
                Map<String, PkiException> failures = workspace.storeAll(stored, options.overwrite(), written -> {
                    Map<String, String> passwordsOf = new LinkedHashMap<>();
                    for (Prepared prepared : chunk) {
                        String name = prepared.row().name();
                        if (written.contains(name)) {
                            SecureFiles.writeSecret(workspace.p12File(name), prepared.p12());
                            passwordsOf.put(name, prepared.password());
                        }
                    }
                    passwords.putAll(passwordsOf);
                });
                for (Prepared prepared : chunk) {
                    String name = prepared.row().name();
                    PkiException failure = failures.get(name);
                    if (failure != null) {
                        problems.add(new Problem(prepared.row().line(), failure));
                    } else {
                        recorded.add(new Issued(prepared.row().line(), name, prepared.row().commonName(),
                                workspace.p12File(name)));
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw stopped(e, issued, total, chunk);
        }
        done[0] += chunk.size() - recorded.size();
        for (Issued identity : recorded) {
            issued.add(identity);
            progress.update(++done[0], total, identity.name());
        }
    }

    /** The failure of a chunk, saying which identities were recorded before it and which rows were not. */
    private static PkiException stopped(RuntimeException cause, List<Issued> issued, int total, List<Prepared> chunk) {
        String recorded = issued.isEmpty() ? "-" : issued.size() == 1 ? issued.get(0).name()
                : issued.get(0).name() + " … " + issued.get(issued.size() - 1).name();
        String reason = cause instanceof PkiException problem ? problem.getMessage() : String.valueOf(cause.getMessage());
        String field = cause instanceof PkiException problem ? problem.field() : null;
        return PkiException.because(cause, field, "batchStopped", String.valueOf(issued.size()), String.valueOf(total), recorded,
                String.valueOf(chunk.get(0).row().line()), reason);
    }

    /**
     * Rewrites {@code NAME.p12} from the identity's current certificate and key with the password on
     * record in {@code passwords.csv} — after a renewal, so the .p12 does not keep the old certificate.
     *
     * @return whether there was a .p12 with a known password to rewrite
     */
    public static boolean rewriteP12(Workspace workspace, String name) {
        if (!Files.exists(workspace.p12File(name))) {
            return false;
        }
        var password = StudentPasswords.of(workspace).find(name);
        if (password.isEmpty()) {
            return false;
        }
        try {
            Credential credential = workspace.credential(name, null);
            SecureFiles.writeSecret(workspace.p12File(name),
                    Pkcs12.writeWithGeneratedPassword(credential, name, password.get()));
            return true;
        } finally {
            Arrays.fill(password.get(), '\0');
        }
    }

    /** Reads and checks every row; bad rows become problems. A file without the needed header fails whole. */
    static List<Row> read(Path csv, Workspace workspace, boolean overwrite, List<Problem> problems) {
        String text;
        try {
            // A strict decoder: a sheet saved as Latin-1 must fail loudly, not turn "João" into "Jo?o".
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw PkiException.because(e, "csv", "fileMissing", String.valueOf(csv));
        } catch (MalformedInputException e) {
            throw PkiException.because(e, "csv", "csvNotUtf8", String.valueOf(csv));
        } catch (IOException e) {
            throw PkiException.because(e, "csv", "cannotRead", String.valueOf(csv), String.valueOf(e.getMessage()));
        }
        List<CsvRecords.Row> records = new ArrayList<>();
        try {
            CsvRecords.parse(text, records);
        } catch (CsvRecords.MalformedCsvException e) {
            problems.add(new Problem(e.line(), PkiException.because(e, "csv", "batchUnreadable", e.reason())));
        }
        if (records.isEmpty()) {
            throw PkiException.of("csv", "csvNoHeader", String.valueOf(csv));
        }
        CsvRecords.Row header = records.get(0);
        int[] index = headerIndex(header, csv);
        List<Row> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CsvRecords.Row record : records.subList(1, records.size())) {
            try {
                Row row = check(record, index, header.fields().size());
                if (!names.add(row.name())) {
                    throw PkiException.of("name", "batchDuplicate", row.name());
                }
                if (!overwrite && workspace.identity(row.name()).isPresent()) {
                    throw PkiException.of("name", "batchExists", row.name());
                }
                List<String> strays = strays(workspace, row.name());
                if (!overwrite && !strays.isEmpty()) {
                    throw PkiException.of("name", "batchStray", row.name(), String.join(", ", strays),
                            String.valueOf(workspace.dir()));
                }
                rows.add(row);
            } catch (PkiException e) {
                problems.add(new Problem(record.line(), e));
            }
        }
        return rows;
    }

    /**
     * Files of {@code name} in the folder that the workspace does not record: a certificate signed by
     * the CA (an older, interrupted batch), or copied in. Never "already exists in the workspace".
     */
    private static List<String> strays(Workspace workspace, String name) {
        if (workspace.identity(name).isPresent()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Path file : List.of(workspace.certificateFile(name), workspace.keyFile(name), workspace.p12File(name))) {
            if (Files.exists(file)) {
                found.add(String.valueOf(file.getFileName()));
            }
        }
        // A .p12 alone is only overwritten; a certificate or key would make the store refuse the row.
        return Files.exists(workspace.certificateFile(name)) || Files.exists(workspace.keyFile(name)) ? found
                : List.of();
    }

    private static int[] headerIndex(CsvRecords.Row header, Path csv) {
        int[] index = {-1, -1, -1, -1}; // name, cn, ou, email
        List<String> order = List.of("name", "cn", "ou", "email");
        for (int i = 0; i < header.fields().size(); i++) {
            String key = header.fields().get(i).trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
            String column = COLUMNS.get(key);
            if (column != null) {
                index[order.indexOf(column)] = i;
            }
        }
        if (index[0] < 0 || index[1] < 0) {
            throw PkiException.of("csv", "csvHeaderLacks", String.valueOf(csv.getFileName()), String.valueOf(header.line()),
                    String.valueOf(header.fields()), index[0] < 0 ? "name" : "CN");
        }
        return index;
    }

    private static Row check(CsvRecords.Row record, int[] index, int columns) {
        List<String> fields = record.fields();
        if (fields.size() != columns) {
            throw PkiException.of("csv", "batchColumns", String.valueOf(fields.size()), String.valueOf(columns));
        }
        String name = field(fields, index[0]);
        String commonName = field(fields, index[1]);
        String unit = field(fields, index[2]);
        String email = field(fields, index[3]);
        if (name == null) {
            throw PkiException.of("name", "batchNameEmpty");
        }
        Workspace.checkName(name);
        if (Workspace.CA.equals(name) || Workspace.SERVER.equals(name)) {
            throw PkiException.of("name", "batchReserved", name);
        }
        if (commonName == null) {
            throw PkiException.of("cn", "batchCnEmpty");
        }
        if (email != null) {
            SubjectAltName.email(email); // fails with the field's message
        }
        // Length bounds and control characters, before any key is made for the row.
        new SubjectName(null, null, null, null, unit == null ? List.of() : List.of(unit), commonName, email)
                .checkForIssuing();
        return new Row(record.line(), name, commonName, unit, email);
    }

    private static String field(List<String> fields, int index) {
        if (index < 0) {
            return null;
        }
        String value = fields.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return List.copyOf(copy);
    }
}
