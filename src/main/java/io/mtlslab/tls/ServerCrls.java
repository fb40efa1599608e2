package io.mtlslab.tls;

import io.mtlslab.pki.PkiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The certificate revocation lists the echo server enforces: a workspace's {@code crl.pem}, read
 * again whenever the file changes, so that revoking a client takes effect without a restart.
 *
 * <p>Handshakes only read the last loaded snapshot ({@link #get()}: no file access, no lock); the
 * server's refresher thread calls {@link #refresh()}, which looks at the file's attributes (modified
 * time, size, identity) and reads it again only when they changed. A reload yields a new list object,
 * so a cache of verdicts can tell by identity that the CRLs changed.
 *
 * <p>Only CRLs signed by one of the trusted CAs count; a CRL with a bad signature is refused at start.
 */
public final class ServerCrls implements Supplier<List<X509CRL>> {

    private static final List<X509CRL> NONE = List.of();

    private final Path file;
    private final List<X509Certificate> issuers;
    private Object loadedVersion;
    private volatile List<X509CRL> current = NONE;

    private ServerCrls(Path file, List<X509Certificate> issuers) {
        this.file = file;
        this.issuers = List.copyOf(issuers);
    }

    /**
     * Watches {@code file} (which need not exist yet). Fails with a clear message if it exists but
     * cannot be read or is not signed by one of {@code issuers}.
     */
    public static ServerCrls watch(Path file, Collection<X509Certificate> issuers) {
        ServerCrls crls = new ServerCrls(file, List.copyOf(issuers));
        crls.reloadIfChanged(true);
        return crls;
    }

    /** No revocation lists at all. */
    public static Supplier<List<X509CRL>> none() {
        return () -> NONE;
    }

    /** The file followed. */
    public Path file() {
        return file;
    }

    /** The CRLs loaded last: never touches the file, so it is safe on a network thread. */
    @Override
    public List<X509CRL> get() {
        return current;
    }

    /**
     * Reads the file again if it changed since the last load; a half-written or broken file keeps the
     * last good CRLs enforced. Call it from one background thread.
     */
    public synchronized void refresh() {
        reloadIfChanged(false);
    }

    private void reloadIfChanged(boolean failLoudly) {
        try {
            if (!Files.exists(file)) {
                current = NONE;
                loadedVersion = null;
                return;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            List<Object> version = Arrays.asList(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            if (version.equals(loadedVersion)) {
                return;
            }
            current = read(file, issuers);
            loadedVersion = version;
        } catch (IOException | PkiException e) {
            if (failLoudly) {
                throw e instanceof PkiException pki ? pki : PkiException.because(e, "crl", "serverCrlUnreadable",
                        String.valueOf(file), String.valueOf(e.getMessage()));
            }
            // A half-written or broken CRL while serving: keep enforcing the last good one.
        }
    }

    /** Reads every CRL in a PEM or DER file and checks each is signed by one of {@code issuers}. */
    public static List<X509CRL> read(Path file, List<X509Certificate> issuers) {
        List<X509CRL> crls = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                X509CRL x509 = (X509CRL) crl;
                requireSignedByIssuer(file, x509, issuers);
                crls.add(x509);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw PkiException.because(e, "crl", "serverCrlUnreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
        return List.copyOf(crls);
    }

    private static void requireSignedByIssuer(Path file, X509CRL crl, List<X509Certificate> issuers) {
        for (X509Certificate issuer : issuers) {
            if (issuer.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(issuer.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    // Same name, other key: try the next CA of that name.
                }
            }
        }
        throw PkiException.of("crl", "crlUntrusted", String.valueOf(file), crl.getIssuerX500Principal().getName());
    }
}
