package io.mtlslab.workshop;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Pkcs12;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip to hand to one student: the identity's certificate and key, its .p12 in modern and legacy
 * encryption, the CA certificate, and a README with working commands for curl, {@code openssl
 * s_client}, the seed's Go client, Java and Python, filled with the real file names, host and port —
 * and, when the identity has an HMAC secret, that secret and a curl command signing its request.
 *
 * <p>The zip holds a private key and the .p12 password, so it is written owner-only.
 */
public final class StudentBundle {

    /**
     * Where the students will reach the echo server, and the language of the bundle's README (the
     * CLI's {@code --lang}, the GUI's current language: both set {@link Texts#use}, read when the target is made).
     */
    public record Target(String host, int port, Locale language) {
        public Target(String host, int port) {
            this(host, port, Texts.locale());
        }

        public Target {
            language = Texts.supported(language);
            if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.:_\\[\\]-]+")) {
                throw PkiException.of("host", "badHost", String.valueOf(host));
            }
            if (port < 1 || port > 65535) {
                throw PkiException.of("port", "portRange", String.valueOf(port));
            }
        }

        public static Target localDefault() {
            return new Target("localhost", 8443);
        }

        public String url() {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return "https://" + h + ":" + port + "/";
        }
    }

    /** The client's HMAC secret in hex, present when the identity has one (see {@link HmacSecrets}). */
    public static final String HMAC_SECRET_FILE = "hmac-secret.hex";

    private StudentBundle() {
    }

    /** Writes {@code NAME-bundle.zip} (or {@code out}) for identity {@code name} and returns its path. */
    public static Path export(Workspace workspace, String name, Target target, Path out) {
        Map<String, byte[]> files = contents(workspace, name, target);
        Path zip = out != null ? out : workspace.dir().resolve(name + "-bundle.zip");
        SecureFiles.writeSecret(zip, zip(name, files));
        return zip;
    }

    /**
     * Exports one bundle per client identity of the workspace (revoked ones left out) into
     * {@code folder}; {@code progress} is told after each.
     */
    public static List<Path> exportAll(Workspace workspace, Target target, Path folder,
                                       BatchIssuance.Progress progress) {
        List<String> names = workspace.identities().stream()
                .filter(e -> e.role() == Role.CLIENT && !e.revoked()).map(IdentityEntry::name).toList();
        if (names.isEmpty()) {
            throw PkiException.of("all", "bundleNoClients");
        }
        List<Path> zips = new ArrayList<>();
        progress.update(0, names.size(), null);
        for (String name : names) {
            zips.add(export(workspace, name, target, folder.resolve(name + "-bundle.zip")));
            progress.update(zips.size(), names.size(), name);
        }
        return zips;
    }

    /** The files of the bundle by their name inside {@code NAME/}, README last. */
    static Map<String, byte[]> contents(Workspace workspace, String name, Target target) {
        IdentityEntry entry = workspace.identity(name).orElseThrow(() -> PkiException.of("name", "noIdentity", name,
                String.valueOf(workspace.dir())));
        if (entry.role() != Role.CLIENT) {
            throw PkiException.of("name", "bundleNotClient", name, entry.role().id());
        }
        if (entry.keyEncrypted()) {
            throw PkiException.of("name", "bundleKeyEncrypted", name);
        }
        Credential credential = workspace.credential(name, null);
        if (credential.privateKey() == null) {
            throw PkiException.of("name", "bundleKeyMissing", name);
        }
        char[] password = StudentPasswords.of(workspace).getOrCreate(name);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name + ".pem", Pem.certificates(credential.tlsChain()).getBytes(StandardCharsets.US_ASCII));
        files.put(name + ".key", Pem.privateKey(credential.privateKey()).getBytes(StandardCharsets.US_ASCII));
        files.put(name + ".p12", Pkcs12.write(credential, name, password, Pkcs12.Encryption.MODERN));
        files.put(name + "-legacy.p12", Pkcs12.write(credential, name, password, Pkcs12.Encryption.LEGACY));
        files.put("ca.pem", Pem.certificate(workspace.caCertificate()).getBytes(StandardCharsets.US_ASCII));
        Optional<byte[]> hmacSecret = HmacSecrets.of(workspace).find(name);
        hmacSecret.ifPresent(secret -> files.put(HMAC_SECRET_FILE,
                (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII)));
        files.put("README.md", BundleReadme.render(name, Certificates.subject(credential.certificate()).commonName(),
                new String(password), target, hmacSecret.isPresent()).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Files of the bundle that only the student may read once unzipped: keys, .p12s, secrets, the README with the password. */
    static boolean isSecret(String fileName) {
        return fileName.endsWith(".key") || fileName.endsWith(".p12") || fileName.equals(HMAC_SECRET_FILE)
                || fileName.equals("README.md");
    }

    /**
     * The zip, each entry with its Unix mode (0600 secrets, 0644 the rest) so that {@code unzip}
     * restores an owner-only key. {@code java.util.zip} has no API for an entry's mode (the JDK's zip
     * file system stores the permission bits without the file type, which {@code zipinfo} shows as
     * {@code ?rw-------}), so the central directory's "made by" and external attributes are set
     * afterwards, as Info-ZIP writes them: host 3 (Unix), {@code st_mode << 16}.
     */
    private static byte[] zip(String name, Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(name + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the zip: " + e.getMessage(), e);
        }
        byte[] zip = bytes.toByteArray();
        setUnixModes(zip);
        return zip;
    }

    private static final int DIRECTORY = 0040755;
    private static final int OWNER_ONLY_FILE = 0100600;
    private static final int PUBLIC_FILE = 0100644;

    /** Writes each central directory entry's Unix mode into {@code zip} (a zip without archive comment). */
    static void setUnixModes(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        if (end < 0 || buffer.getInt(end) != 0x06054b50) {
            throw new IllegalStateException("the zip has no end of central directory record where expected");
        }
        int entries = Short.toUnsignedInt(buffer.getShort(end + 10));
        int at = buffer.getInt(end + 16);
        for (int i = 0; i < entries; i++) {
            if (buffer.getInt(at) != 0x02014b50) {
                throw new IllegalStateException("the zip's central directory is not where its end record says");
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
            String entry = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            int mode = entry.endsWith("/") ? DIRECTORY
                    : isSecret(entry.substring(entry.lastIndexOf('/') + 1)) ? OWNER_ONLY_FILE : PUBLIC_FILE;
            buffer.putShort(at + 4, (short) (3 << 8 | 20)); // made by: Unix, zip spec 2.0
            buffer.putInt(at + 38, mode << 16 | (entry.endsWith("/") ? 0x10 : 0)); // + MS-DOS directory bit
            at += 46 + nameLength + extraLength + commentLength;
        }
    }
}
