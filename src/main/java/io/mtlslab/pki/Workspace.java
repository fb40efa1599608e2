package io.mtlslab.pki;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace folder with the seed's file names: {@code ca.pem ca.key server.pem server.key client.pem
 * client.key}, one {@code <name>.pem/.key} per further identity, and {@code workspace.json} as index.
 *
 * <p>Every file is written atomically; keys are owner-only. Nothing is replaced unless the caller
 * passes {@code overwrite}. Input is validated before any key is generated or file written, so a
 * mistake changes nothing on disk.
 */
public final class Workspace {

    public static final String CA = "ca";
    public static final String SERVER = "server";
    public static final String CLIENT = "client";
    public static final String INDEX = "workspace.json";

    private static final Set<String> RESERVED = Set.of("workspace", "crl", "truststore");

    private final Path dir;
    private final Map<String, IdentityEntry> entries = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();

    private Workspace(Path dir) {
        this.dir = dir;
    }

    /** Opens a workspace folder, creating it if needed, and reads its index if there is one. */
    public static Workspace open(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        SecureFiles.createIfAbsent(absolute);
        Workspace workspace = new Workspace(absolute);
        workspace.readIndex();
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
        return List.copyOf(entries.values());
    }

    public Optional<IdentityEntry> identity(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Creates the root CA ({@code ca.pem}, {@code ca.key}) or another root under {@code name}. */
    public Credential createRootCa(String name, CertificateSpec spec, boolean overwrite, char[] keyPassword) {
        checkName(name);
        SecureFiles.requireAbsent(overwrite, certificateFile(name), keyFile(name));
        Credential ca = CertificateIssuer.createRootCa(spec);
        store(name, spec.role(), null, ca, keyPassword);
        return ca;
    }

    /** Issues an identity signed by the workspace identity {@code issuerName} and stores it. */
    public Credential issue(String name, CertificateSpec spec, String issuerName, boolean overwrite,
                            char[] keyPassword, char[] issuerKeyPassword) {
        checkName(name);
        if (name.equals(issuerName)) {
            throw new PkiException("name", "an identity cannot be its own issuer", "choose another --name");
        }
        SecureFiles.requireAbsent(overwrite, certificateFile(name), keyFile(name));
        Credential issuer = credential(issuerName, issuerKeyPassword);
        if (!Certificates.isCa(issuer.certificate())) {
            throw new PkiException("issuer", "'" + issuerName + "' is not a CA", "issue from ca or an intermediate");
        }
        Credential issued = CertificateIssuer.issue(spec, issuer);
        store(name, spec.role(), issuerName, issued, keyPassword);
        return issued;
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
        store(name, role, null, ca, keyPassword);
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
            throw new PkiException("role", "a CSR cannot become a root CA", "use --role server, client or intermediate");
        }
        CertificateSpec.Builder spec = CertificateSpec.builder(role).subject(request.subject())
                .keyType(KeyType.of(request.publicKey())).subjectAltNames(request.subjectAltNames());
        extraSans.stream().filter(san -> !request.subjectAltNames().contains(san)).forEach(spec::subjectAltName);
        if (validity != null) {
            spec.validity(validity);
        }
        CertificateSpec built = spec.build();
        SecureFiles.requireAbsent(overwrite, certificateFile(name));
        // A key file of the same name is kept when it is the request's own key (the seed made it in
        // place with openssl genrsa); a key of a replaced identity would no longer match, so it goes.
        boolean staleKey = Files.exists(keyFile(name)) && !Pem.isEncryptedKey(Pem.readText(keyFile(name)))
                && !Keys.matches(request.publicKey(), Pem.readPrivateKey(keyFile(name), null));
        if (staleKey && !overwrite) {
            throw new PkiException("force", keyFile(name).getFileName() + " exists and is not the key of this request",
                    "choose another --name, or add --force to remove that key along with the old certificate");
        }
        Credential issuer = credential(issuerName, issuerKeyPassword);
        if (!Certificates.isCa(issuer.certificate())) {
            throw new PkiException("issuer", "'" + issuerName + "' is not a CA", "sign with ca or an intermediate");
        }
        X509Certificate certificate = CertificateIssuer.sign(built, request.publicKey(), issuer);
        Credential signed = new Credential(certificate, null, issuer.fullChain());
        if (staleKey) {
            SecureFiles.delete(keyFile(name));
        }
        boolean keyEncrypted = Files.exists(keyFile(name)) && Pem.isEncryptedKey(Pem.readText(keyFile(name)));
        storeCertificateOnly(name, role, issuerName, signed, keyEncrypted);
        return signed;
    }

    private void storeCertificateOnly(String name, Role role, String issuerName, Credential credential,
                                      boolean keyEncrypted) {
        SecureFiles.write(certificateFile(name), Pem.certificate(credential.certificate()).getBytes(StandardCharsets.US_ASCII));
        if (credential.tlsChain().size() > 1) {
            SecureFiles.write(chainFile(name), Pem.certificates(credential.tlsChain()).getBytes(StandardCharsets.US_ASCII));
        }
        record(name, role, issuerName, credential.certificate(), keyEncrypted);
    }

    private void record(String name, Role role, String issuerName, X509Certificate certificate, boolean keyEncrypted) {
        entries.put(name, new IdentityEntry(name, role, issuerName, Certificates.serialHex(certificate),
                Certificates.subjectLine(certificate), KeyType.of(certificate.getPublicKey()).id(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), keyEncrypted, false));
        writeIndex();
    }

    /** Writes a credential's files and records it in the index (the index last). */
    public void store(String name, Role role, String issuerName, Credential credential, char[] keyPassword) {
        checkName(name);
        boolean encrypt = keyPassword != null && keyPassword.length > 0;
        SecureFiles.write(certificateFile(name), Pem.certificate(credential.certificate()).getBytes(StandardCharsets.US_ASCII));
        if (credential.privateKey() != null) {
            String key = encrypt ? Pem.encryptedPrivateKey(credential.privateKey(), keyPassword)
                    : Pem.privateKey(credential.privateKey());
            SecureFiles.writeSecret(keyFile(name), key.getBytes(StandardCharsets.US_ASCII));
        }
        if (credential.tlsChain().size() > 1) {
            SecureFiles.write(chainFile(name), Pem.certificates(credential.tlsChain()).getBytes(StandardCharsets.US_ASCII));
        }
        X509Certificate certificate = credential.certificate();
        entries.put(name, new IdentityEntry(name, role, issuerName, Certificates.serialHex(certificate),
                Certificates.subjectLine(certificate), KeyType.of(certificate.getPublicKey()).id(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), encrypt, false));
        writeIndex();
    }

    /** Updates one index entry (e.g. marks it revoked) and saves the index. */
    public void update(IdentityEntry entry) {
        entries.put(entry.name(), entry);
        writeIndex();
    }

    /** Loads an identity's certificate, key (if present) and issuer chain. */
    public Credential credential(String name, char[] keyPassword) {
        Path certFile = certificateFile(name);
        if (!Files.exists(certFile)) {
            throw new PkiException("name", "no identity '" + name + "' in " + dir,
                    name.equals(CA) ? "create one with: mtls-lab ca create --dir " + dir
                            : "list the folder's .pem files, or issue it first");
        }
        X509Certificate certificate = Pem.readCertificate(certFile);
        PrivateKey key = Files.exists(keyFile(name)) ? Pem.readPrivateKey(keyFile(name), keyPassword) : null;
        return new Credential(certificate, key, issuersOf(name, certificate));
    }

    /** An identity's certificate and issuer chain without reading its (possibly encrypted) key. */
    public Credential certificateChain(String name) {
        Path certFile = certificateFile(name);
        if (!Files.exists(certFile)) {
            throw new PkiException("name", "no identity '" + name + "' in " + dir,
                    "list the folder's .pem files, or issue it first");
        }
        X509Certificate certificate = Pem.readCertificate(certFile);
        return new Credential(certificate, null, issuersOf(name, certificate));
    }

    /** The root CA's certificate, which every workspace identity chains to. */
    public X509Certificate caCertificate() {
        return Pem.readCertificate(certificateFile(CA));
    }

    private List<X509Certificate> issuersOf(String name, X509Certificate certificate) {
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

    public Map<String, Object> settings() {
        return settings;
    }

    public void putSetting(String key, Object value) {
        settings.put(key, value);
        writeIndex();
    }

    /** Validates a user-chosen identity name: it becomes a file name. */
    public static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || RESERVED.contains(name)) {
            throw new PkiException("name", "'" + name + "' cannot be an identity name",
                    "use letters, digits, '.', '_' or '-' (not workspace, crl or truststore)");
        }
    }

    @SuppressWarnings("unchecked")
    private void readIndex() {
        Path index = dir.resolve(INDEX);
        if (!Files.exists(index)) {
            return;
        }
        try {
            Map<String, Object> root = JSON.std.mapFrom(Files.readString(index));
            for (Object item : (List<Object>) root.getOrDefault("identities", List.of())) {
                Map<String, Object> map = (Map<String, Object>) item;
                IdentityEntry entry = new IdentityEntry((String) map.get("name"), Role.parse((String) map.get("role")),
                        (String) map.get("issuer"), (String) map.get("serial"), (String) map.get("subject"),
                        (String) map.get("keyType"), instant(map.get("notBefore")), instant(map.get("notAfter")),
                        Boolean.TRUE.equals(map.get("keyEncrypted")), Boolean.TRUE.equals(map.get("revoked")));
                entries.put(entry.name(), entry);
            }
            settings.putAll((Map<String, Object>) root.getOrDefault("settings", Map.of()));
        } catch (IOException | RuntimeException e) {
            throw new PkiException("dir", INDEX + " in " + dir + " cannot be read: " + e.getMessage(),
                    "fix or delete " + index + "; the certificate files themselves are untouched", e);
        }
    }

    private void writeIndex() {
        List<Map<String, Object>> identities = new ArrayList<>();
        for (IdentityEntry entry : entries.values()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", entry.name());
            map.put("role", entry.role().id());
            if (entry.issuer() != null) {
                map.put("issuer", entry.issuer());
            }
            map.put("serial", entry.serialHex());
            map.put("subject", entry.subject());
            map.put("keyType", entry.keyType());
            map.put("notBefore", entry.notBefore().toString());
            map.put("notAfter", entry.notAfter().toString());
            map.put("keyEncrypted", entry.keyEncrypted());
            map.put("revoked", entry.revoked());
            identities.add(map);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        root.put("identities", identities);
        root.put("settings", settings);
        try {
            byte[] json = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asBytes(root);
            SecureFiles.write(dir.resolve(INDEX), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? Instant.EPOCH : Instant.parse(value.toString());
    }
}
