package io.mtlslab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A workspace folder with the seed's file names: {@code ca.pem ca.key server.pem server.key client.pem
 * client.key}, one {@code <name>.pem/.key} per further identity, and {@code workspace.json} as index.
 *
 * <p>Every file is written atomically; keys are owner-only. Nothing is replaced unless the caller
 * passes {@code overwrite}. Input is validated before any key is generated or file written, so a
 * mistake changes nothing on disk.
 *
 * <p>Several processes (the GUI, CLI runs) may use one workspace at once. Every change to the shared
 * files happens under the workspace's OS file lock ({@link #locked}), re-reads the index inside the
 * lock and replaces it atomically; what this object shows is an immutable snapshot of the index,
 * read again whenever the file has changed on disk.
 */
public final class Workspace {

    public static final String CA = "ca";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";
    public static final String INDEX = "workspace.json";
    /** The journal of a store in progress: the names and serials being written, until they are recorded. */
    public static final String PENDING = ".pending-identities";

    private static final Set<String> RESERVED = Set.of("workspace", "crl", "truststore");

    /** The index as last read or written, and the file's identity at that moment. */
    private record Snapshot(Stamp stamp, Map<String, IdentityEntry> entries, Map<String, Object> settings) {
    }

    /**
     * What tells one version of {@code workspace.json} from the next: an atomic replace gives a new
     * inode, and the modification time and size change with nearly every write.
     */
    private record Stamp(Object fileKey, long modifiedNanos, long size) {
        static final Stamp ABSENT = new Stamp(null, -1, -1);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.fileKey(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                        attributes.size());
            } catch (IOException e) {
                return ABSENT;
            }
        }
    }

    /** One identity to store: its files and index entry. */
    public record Stored(String name, Role role, String issuerName, Credential credential, char[] keyPassword) {
    }

    private final Path dir;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of(), Map.of());

    private Workspace(Path dir) {
        this.dir = dir;
    }

    /** Opens a workspace folder, creating it if needed, and reads its index if there is one. */
    public static Workspace open(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        SecureFiles.createIfAbsent(absolute);
        Workspace workspace = new Workspace(absolute);
        workspace.current();
        return workspace;
    }

    public Path dir() {
        return dir;
    }

    public Path certificateFile(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path keyFile(String name) {
        return dir.resolve(name + ".key");
    }

    /** Whether identity {@code name}'s key file exists and is encrypted (it needs its password to be read). */
    public boolean keyEncrypted(String name) {
        return Files.exists(keyFile(name)) && Pem.isEncryptedKey(Pem.readText(keyFile(name)));
    }

    public Path p12File(String name) {
        return dir.resolve(name + ".p12");
    }

    /** Leaf plus intermediates, written for identities issued below an intermediate CA. */
    public Path chainFile(String name) {
        return dir.resolve(name + "-chain.pem");
    }

    public Path crlFile() {
        return dir.resolve("crl.pem");
    }

    public boolean hasCa() {
        return Files.exists(certificateFile(CA)) && Files.exists(keyFile(CA));
    }

    public List<IdentityEntry> identities() {
        return List.copyOf(current().entries().values());
    }

    public Optional<IdentityEntry> identity(String name) {
        return Optional.ofNullable(current().entries().get(name));
    }

    /**
     * Runs {@code work} under the workspace's lock (other processes and threads wait), for a change
     * of several files that must not interleave with another's — a revocation's CRL number, a batch
     * chunk. Re-entrant; the index methods of this class take the lock themselves.
     */
    public <T> T locked(Supplier<T> work) {
        return WorkspaceLock.hold(dir, work);
    }

    /** Creates the root CA ({@code ca.pem}, {@code ca.key}) or another root under {@code name}. */
    public Credential createRootCa(String name, CertificateSpec spec, boolean overwrite, char[] keyPassword) {
        checkName(name);
        SecureFiles.requireAbsent(overwrite, certificateFile(name), keyFile(name));
        Credential ca = CertificateIssuer.createRootCa(spec);
        store(new Stored(name, spec.role(), null, ca, keyPassword), overwrite);
        return ca;
    }

    /**
     * When a new CA replaces the workspace CA ({@code ca}): the old CA's {@code crl.pem} is moved aside
     * under a dated name ({@code replaced-ca-20261202-123456-crl.pem}), kept but no longer served or
     * printed as the workspace's (the new CA never signed it), and what the old CA issued is marked.
     */
    private void retireRecordsOfReplacedCa(X509Certificate old, Credential replacement) {
        if (old == null || old.getPublicKey().equals(replacement.certificate().getPublicKey())) {
            return; // the same CA again (a re-import): its records stay its own
        }
        String retired = IdentityStatus.REPLACED_CA_PREFIX + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
                java.util.Locale.ROOT).format(java.time.LocalDateTime.now());
        String prefix = retired + "-";
        // Only the CRL: the CA database keeps the workspace's history (a revoked certificate of the old CA
        // is still shown as revoked), and a CRL the new CA signs listing an old serial harms nothing.
        for (Path file : List.of(crlFile())) {
            if (Files.exists(file)) {
                try {
                    Files.move(file, dir.resolve(prefix + file.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw PkiException.because(e, "dir", "cannotWrite", String.valueOf(file), String.valueOf(e.getMessage()));
                }
            }
        }
        // What the old CA issued keeps its files, but its index entries name the retired CA as issuer:
        // list shows it as ca-replaced, and revoke refuses it (the new CA cannot revoke it).
        // (an entry without an issuer is from an index written before issuers were recorded: the root's)
        changeIndex((identities, settings) -> identities.replaceAll((key, entry) -> !CA.equals(key)
                && (CA.equals(entry.issuer()) || entry.issuer() == null && entry.role() != Role.ROOT_CA)
                ? entry.withIssuer(retired) : entry));
    }

    /** Issues an identity signed by the workspace identity {@code issuerName} and stores it. */
    public Credential issue(String name, CertificateSpec spec, String issuerName, boolean overwrite,
                            char[] keyPassword, char[] issuerKeyPassword) {
        checkName(name);
        if (name.equals(issuerName)) {
            throw PkiException.of("name", "ownIssuer");
        }
        SecureFiles.requireAbsent(overwrite, certificateFile(name), keyFile(name));
        Credential issuer = signer(issuerName, issuerKeyPassword);
        Credential issued = CertificateIssuer.issue(spec, issuer);
        store(new Stored(name, spec.role(), issuerName, issued, keyPassword), overwrite);
        return issued;
    }

    /**
     * The credential of a workspace CA, ready to sign: it must be a CA and its key must be the key of
     * its certificate (another CA's {@code ca.key} would sign certificates nothing verifies).
     */
    public Credential signer(String issuerName, char[] issuerKeyPassword) {
        Credential issuer = credential(issuerName, issuerKeyPassword);
        if (!Certificates.isCa(issuer.certificate())) {
            throw PkiException.of("issuer", "issuerNotCa", issuerName);
        }
        if (issuer.privateKey() == null) {
            throw PkiException.of("issuer", "keyMissing", String.valueOf(keyFile(issuerName).getFileName()), String.valueOf(dir),
                    String.valueOf(certificateFile(issuerName).getFileName()));
        }
        return issuer;
    }

    /**
     * Imports an existing CA (already checked by {@link CaImport}) as {@code name}; {@code ca} makes it
     * the workspace's CA ({@code ca.pem}, {@code ca.key}). A self-signed CA is recorded as a root,
     * any other as an intermediate.
     */
    public Credential importCa(String name, Credential ca, boolean overwrite, char[] keyPassword) {
        checkName(name);
        CaImport.check(ca);
        SecureFiles.requireAbsent(overwrite, certificateFile(name), keyFile(name));
        Role role = Certificates.isSelfSigned(ca.certificate()) ? Role.ROOT_CA : Role.INTERMEDIATE_CA;
        store(new Stored(name, role, null, ca, keyPassword), overwrite);
        return ca;
    }

    /**
     * Signs an external CSR with the workspace CA {@code issuerName}: the certificate keeps the
     * request's subject and SANs (plus {@code extraSans}), gets the extensions of {@code role}, and is
     * written as {@code name.pem} — the key stays with whoever made the request.
     */
    public Credential signRequest(String name, SigningRequest request, Role role, Validity validity,
                                  List<SubjectAltName> extraSans, String issuerName, boolean overwrite,
                                  char[] issuerKeyPassword) {
        checkName(name);
        if (role.isCa() && role != Role.INTERMEDIATE_CA) {
            throw PkiException.of("role", "csrRootCa");
        }
        // The request's own ASN.1, not our model of it: every attribute and every SAN kind is kept.
        CertificateSpec.Builder spec = CertificateSpec.builder(role).subject(request.encodedSubject())
                .keyType(KeyType.of(request.publicKey())).keptNames(request.requestedNames());
        extraSans.stream().filter(san -> !request.subjectAltNames().contains(san)).forEach(spec::subjectAltName);
        if (validity != null) {
            spec.validity(validity);
        }
        CertificateSpec built = spec.build();
        SecureFiles.requireAbsent(overwrite, certificateFile(name));
        // A key file of the same name is kept when it is the request's own key (the seed made it in
        // place with openssl genrsa). Any other key is never deleted, not even with --force: it may be
        // the only copy of an identity's key.
        if (Files.exists(keyFile(name)) && !Pem.isEncryptedKey(Pem.readText(keyFile(name)))
                && !Keys.matches(request.publicKey(), Pem.readPrivateKey(keyFile(name), null))) {
            throw PkiException.of("name", "keyNotOfRequest", String.valueOf(keyFile(name).getFileName()));
        }
        Credential issuer = signer(issuerName, issuerKeyPassword);
        X509Certificate certificate = CertificateIssuer.sign(built, request.publicKey(), issuer);
        Credential signed = new Credential(certificate, null, issuer.fullChain());
        boolean keyEncrypted = keyEncrypted(name);
        locked(() -> {
            SecureFiles.requireAbsent(overwrite, certificateFile(name));
            writeFiles(name, signed, null, overwrite);
            IdentityEntry entry = entry(name, role, issuerName, certificate, keyEncrypted);
            recordIssued(List.of(entry), Collections.singletonList(CA.equals(issuerName) ? certificate : null));
            return null;
        });
        return signed;
    }

    /** Writes a credential's files and records it in the index (the index last), replacing what was there. */
    public void store(String name, Role role, String issuerName, Credential credential, char[] keyPassword) {
        store(new Stored(name, role, issuerName, credential, keyPassword), true);
    }

    private void store(Stored item, boolean overwrite) {
        PkiException failure = storeAll(List.of(item), overwrite).get(item.name());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Writes the files of several identities and records them all with one index write, under the
     * lock: a batch's chunk. Without {@code overwrite}, an identity whose files appeared meanwhile (from
     * another process) is not written; its failure is returned by name, the others are stored.
     */
    public Map<String, PkiException> storeAll(List<Stored> items, boolean overwrite) {
        return storeAll(items, overwrite, names -> { });
    }

    /**
     * As {@link #storeAll(List, boolean)}, and {@code alsoWrite} writes the caller's own files of the
     * identities written (a batch's .p12 files and passwords) before they are recorded.
     *
     * <p>A certificate signed by a CA must never sit in the folder unrecorded: nobody could list or
     * revoke it. So the names and serials are first written to {@value #PENDING}; if writing or
     * recording fails, the files written are removed and the CA database is put back before the
     * failure is thrown; if the process dies in between, {@link #removeUnrecorded} (run before every
     * store) removes what the journal names and the index does not hold.
     */
    public Map<String, PkiException> storeAll(List<Stored> items, boolean overwrite, Consumer<List<String>> alsoWrite) {
        items.forEach(item -> checkName(item.name()));
        return locked(() -> {
            removeUnrecorded();
            Map<String, PkiException> failures = new LinkedHashMap<>();
            List<IdentityEntry> entries = new ArrayList<>();
            List<X509Certificate> certificates = new ArrayList<>();
            List<String> written = new ArrayList<>();
            // Only new identities are journaled and rolled back: a store that replaces files (renew, --force,
            // a new CA) must never delete on failure what it replaced — the old key may be the only copy.
            boolean journaled = !overwrite;
            if (journaled) {
                writeJournal(items);
            }
            X509Certificate replacedCa = items.stream().anyMatch(item -> CA.equals(item.name()))
                    && Files.exists(certificateFile(CA)) ? Pem.readCertificate(certificateFile(CA)) : null;
            try {
                for (Stored item : items) {
                    try {
                        SecureFiles.requireAbsent(overwrite, certificateFile(item.name()), keyFile(item.name()));
                    } catch (PkiException e) {
                        failures.put(item.name(), e);
                        continue;
                    }
                    try {
                        writeFiles(item.name(), item.credential(), item.keyPassword(), overwrite);
                    } catch (PkiException e) {
                        // a certificate whose key could not be written is no identity
                        if (journaled) {
                            removeWritten(item.name(), item.credential().certificate().getSerialNumber());
                        }
                        failures.put(item.name(), e);
                        continue;
                    }
                    written.add(item.name());
                    boolean encrypt = item.keyPassword() != null && item.keyPassword().length > 0;
                    entries.add(entry(item.name(), item.role(), item.issuerName(), item.credential().certificate(),
                            encrypt));
                    certificates.add(CA.equals(item.issuerName()) ? item.credential().certificate() : null);
                }
                if (!written.isEmpty()) {
                    alsoWrite.accept(List.copyOf(written));
                }
                recordIssued(entries, certificates);
            } catch (RuntimeException e) {
                if (!journaled) {
                    throw e;
                }
                try {
                    for (Stored item : items) {
                        if (written.contains(item.name())) {
                            removeWritten(item.name(), item.credential().certificate().getSerialNumber());
                        }
                    }
                    SecureFiles.delete(dir.resolve(PENDING));
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // the journal stays: the next store removes the rest
                }
                throw e;
            }
            if (journaled) {
                SecureFiles.delete(dir.resolve(PENDING));
            }
            items.stream().filter(item -> CA.equals(item.name()) && written.contains(CA)).findFirst()
                    .ifPresent(item -> retireRecordsOfReplacedCa(replacedCa, item.credential()));
            return failures;
        });
    }

    /**
     * Removes what an interrupted store left behind: the files of every identity named in
     * {@value #PENDING} that {@code workspace.json} does not record with the journal's serial, and
     * their lines in the CA database. Those certificates were never reported as issued.
     *
     * @return the files removed, empty when there was nothing to recover
     */
    public List<Path> removeUnrecorded() {
        Path journal = dir.resolve(PENDING);
        return locked(() -> {
            // checked under the lock: another store may finish, and delete its journal, meanwhile
            if (!Files.exists(journal)) {
                return List.<Path>of();
            }
            Map<String, BigInteger> pending = readJournal(journal);
            Path indexFile = dir.resolve(INDEX);
            Map<String, IdentityEntry> recorded = read(indexFile, Stamp.of(indexFile)).entries();
            List<Path> removed = new ArrayList<>();
            Set<BigInteger> unrecorded = new HashSet<>();
            pending.forEach((name, serial) -> {
                IdentityEntry entry = recorded.get(name);
                if (entry != null && new BigInteger(entry.serialHex(), 16).equals(serial)) {
                    return;
                }
                unrecorded.add(serial);
                removed.addAll(removeWritten(name, serial));
            });
            CaDatabase database = CaDatabase.read(dir);
            CaDatabase kept = database.without(unrecorded);
            if (kept != database) {
                kept.write(dir);
            }
            SecureFiles.delete(journal);
            return List.copyOf(removed);
        });
    }

    private void writeJournal(List<Stored> items) {
        StringBuilder text = new StringBuilder();
        for (Stored item : items) {
            text.append(item.name()).append('\t').append(Certificates.serialHex(item.credential().certificate()))
                    .append('\n');
        }
        SecureFiles.writeSecret(dir.resolve(PENDING), text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private Map<String, BigInteger> readJournal(Path journal) {
        Map<String, BigInteger> pending = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
                String[] fields = line.split("\t");
                if (fields.length == 2) {
                    checkName(fields[0]); // a name is a file name: nothing outside the folder is deleted
                    pending.put(fields[0], new BigInteger(fields[1], 16));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw PkiException.because(e, "dir", "pendingUnreadable", String.valueOf(journal),
                    String.valueOf(e.getMessage()));
        }
        return pending;
    }

    private static boolean holdsSerial(Path certificateFile, BigInteger serial) {
        if (!Files.exists(certificateFile)) {
            return false;
        }
        try {
            return Pem.readCertificate(certificateFile).getSerialNumber().equals(serial);
        } catch (PkiException e) {
            return false; // not provably this store's certificate (files are written atomically): left alone
        }
    }

    /**
     * Removes the files a store wrote for {@code name} (with a .p12 written beside them) — only if its
     * certificate file holds {@code serial}: the certificate is written first, so otherwise nothing
     * of this store's identity is there and the files belong to someone else.
     */
    private List<Path> removeWritten(String name, BigInteger serial) {
        List<Path> removed = new ArrayList<>();
        if (holdsSerial(certificateFile(name), serial)) {
            List<Path> files = new ArrayList<>(List.of(certificateFile(name), keyFile(name), p12File(name)));
            if (holdsSerial(chainFile(name), serial)) { // NAME-chain.pem may be another identity's own certificate
                files.add(chainFile(name));
            }
            for (Path file : files) {
                if (Files.exists(file)) {
                    SecureFiles.delete(file);
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    private void writeFiles(String name, Credential credential, char[] keyPassword, boolean overwrite) {
        if (credential.tlsChain().size() > 1 && current().entries().containsKey(name + "-chain") && !overwrite) {
            throw PkiException.of("force", "chainTaken", String.valueOf(chainFile(name).getFileName()), name);
        }
        SecureFiles.write(certificateFile(name), Pem.certificate(credential.certificate()).getBytes(StandardCharsets.US_ASCII));
        if (credential.privateKey() != null) {
            boolean encrypt = keyPassword != null && keyPassword.length > 0;
            String key = encrypt ? Pem.encryptedPrivateKey(credential.privateKey(), keyPassword)
                    : Pem.privateKey(credential.privateKey());
            SecureFiles.writeSecret(keyFile(name), key.getBytes(StandardCharsets.US_ASCII));
        }
        if (credential.tlsChain().size() > 1) {
            SecureFiles.write(chainFile(name), Pem.certificates(credential.tlsChain()).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Records entries in the CA database (those with a certificate of the root CA) and then in the index. */
    private void recordIssued(List<IdentityEntry> entries, List<X509Certificate> caIssued) {
        if (entries.isEmpty()) {
            return;
        }
        CaDatabase database = CaDatabase.read(dir);
        CaDatabase updated = database;
        for (int i = 0; i < entries.size(); i++) {
            if (caIssued.get(i) != null) {
                updated = updated.withIssued(entries.get(i).name(), List.of(caIssued.get(i)));
            }
        }
        if (updated != database) {
            updated.write(dir);
        }
        try {
            changeIndex((identities, settings) -> entries.forEach(entry -> identities.put(entry.name(), entry)));
        } catch (RuntimeException e) {
            if (updated != database) {
                database.write(dir); // if this fails too, the journal lets the next store remove the lines
            }
            throw e;
        }
    }

    private static IdentityEntry entry(String name, Role role, String issuerName, X509Certificate certificate,
                                       boolean keyEncrypted) {
        return new IdentityEntry(name, role, issuerName, Certificates.serialHex(certificate),
                SubjectName.oneLine(Certificates.x500Name(certificate)), KeyType.of(certificate.getPublicKey()).id(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), keyEncrypted, false);
    }

    /**
     * Changes one index entry (e.g. marks it revoked) under the lock, applied to the entry as it is on
     * disk now, not as this snapshot last saw it. An identity that is no longer there is left alone.
     */
    public void updateIdentity(String name, UnaryOperator<IdentityEntry> change) {
        changeIndex((identities, settings) -> identities.computeIfPresent(name, (key, entry) -> change.apply(entry)));
    }

    /** Loads an identity's certificate, key (if present) and issuer chain. */
    public Credential credential(String name, char[] keyPassword) {
        Path certFile = certificateFile(name);
        if (!Files.exists(certFile)) {
            throw name.equals(CA) ? PkiException.of("name", "noCa", String.valueOf(dir))
                    : PkiException.of("name", "noIdentity", name, String.valueOf(dir));
        }
        X509Certificate certificate = Pem.readCertificate(certFile);
        PrivateKey key = Files.exists(keyFile(name)) ? Pem.readPrivateKey(keyFile(name), keyPassword) : null;
        if (key != null && Certificates.isCa(certificate) && !Keys.matches(certificate.getPublicKey(), key)) {
            String field = CA.equals(name) ? "ca" : "issuer";
            throw PkiException.of(field, "caKeyMismatch", String.valueOf(keyFile(name).getFileName()),
                    String.valueOf(certFile.getFileName()), String.valueOf(dir));
        }
        return new Credential(certificate, key, issuersOf(name, certificate));
    }

    /** An identity's certificate and issuer chain without reading its (possibly encrypted) key. */
    public Credential certificateChain(String name) {
        Path certFile = certificateFile(name);
        if (!Files.exists(certFile)) {
            throw PkiException.of("name", "noIdentity", name, String.valueOf(dir));
        }
        X509Certificate certificate = Pem.readCertificate(certFile);
        return new Credential(certificate, null, issuersOf(name, certificate));
    }

    /** The root CA's certificate, which every workspace identity chains to. */
    public X509Certificate caCertificate() {
        return Pem.readCertificate(certificateFile(CA));
    }

    private List<X509Certificate> issuersOf(String name, X509Certificate certificate) {
        Map<String, IdentityEntry> entries = current().entries();
        List<X509Certificate> issuers = new ArrayList<>();
        String current = entries.containsKey(name) ? entries.get(name).issuer() : null;
        if (current == null && !Certificates.isSelfSigned(certificate) && !name.equals(CA) && hasCa()) {
            current = CA;
        }
        int guard = 0;
        while (current != null && guard++ < 10 && Files.exists(certificateFile(current))) {
            issuers.add(Pem.readCertificate(certificateFile(current)));
            IdentityEntry entry = entries.get(current);
            current = entry == null ? null : entry.issuer();
        }
        return issuers;
    }

    /** The index's settings, read-only; change them with {@link #putSetting}. */
    public Map<String, Object> settings() {
        return current().settings();
    }

    public void putSetting(String key, Object value) {
        changeIndex((identities, settings) -> settings.put(key, value));
    }

    void removeSetting(String key) {
        changeIndex((identities, settings) -> settings.remove(key));
    }

    /** Validates a user-chosen identity name: it becomes a file name. */
    public static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || RESERVED.contains(name)) {
            throw PkiException.of("name", "badName", String.valueOf(name == null ? null : PeerText.escape(name)));
        }
    }

    /** The index as it is on disk now (read again only if the file changed since the last look). */
    private Snapshot current() {
        Path file = dir.resolve(INDEX);
        Stamp stamp = Stamp.of(file);
        Snapshot seen = snapshot;
        if (Objects.equals(stamp, seen.stamp())) {
            return seen;
        }
        Snapshot fresh = read(file, stamp);
        snapshot = fresh;
        return fresh;
    }

    private static Snapshot read(Path file, Stamp stamp) {
        WorkspaceIndex.Contents contents = WorkspaceIndex.read(file);
        return new Snapshot(stamp, Collections.unmodifiableMap(new LinkedHashMap<>(contents.entries())),
                Collections.unmodifiableMap(new LinkedHashMap<>(contents.settings())));
    }

    /**
     * The one read-modify-write of {@code workspace.json}: under the lock, from the file as it is now
     * (another process may have changed it since this snapshot), replaced atomically.
     */
    private void changeIndex(BiConsumer<Map<String, IdentityEntry>, Map<String, Object>> change) {
        locked(() -> {
            Path file = dir.resolve(INDEX);
            Snapshot onDisk = read(file, Stamp.of(file));
            Map<String, IdentityEntry> entries = new LinkedHashMap<>(onDisk.entries());
            Map<String, Object> settings = new LinkedHashMap<>(onDisk.settings());
            change.accept(entries, settings);
            WorkspaceIndex.write(file, entries.values(), settings);
            snapshot = new Snapshot(Stamp.of(file), Collections.unmodifiableMap(entries),
                    Collections.unmodifiableMap(settings));
            return null;
        });
    }
}
