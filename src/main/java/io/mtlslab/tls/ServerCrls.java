package io.mtlslab.tls;

import io.mtlslab.pki.PkiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The certificate revocation lists the echo server enforces: a workspace's {@code crl.pem}, read
 * again whenever the file changes, so that revoking a client takes effect without a restart.
 *
 * <p>Only CRLs signed by one of the trusted CAs count; a CRL with a bad signature is refused at start.
 */
public final class ServerCrls implements Supplier<List<X509CRL>> {

    private final Path file;
    private final List<X509Certificate> issuers;
    private FileTime loadedVersion;
    private List<X509CRL> current = List.of();

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
        return List::of;
    }

    @Override
    public synchronized List<X509CRL> get() {
        reloadIfChanged(false);
        return current;
    }

    private void reloadIfChanged(boolean failLoudly) {
        try {
            if (!Files.exists(file)) {
                current = List.of();
                loadedVersion = null;
                return;
            }
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            current = read(file, issuers);
            loadedVersion = version;
        } catch (IOException | PkiException e) {
            if (failLoudly) {
                throw e instanceof PkiException pki ? pki : new PkiException("crl", "cannot read " + file + ": "
                        + e.getMessage(), "re-publish the CRL, or start the server with --no-revocation", e);
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
            throw new PkiException("crl", file + " is not a readable CRL: " + e.getMessage(),
                    "re-publish the CRL, or start the server with --no-revocation", e);
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
        throw new PkiException("crl", file + " is not signed by a trusted CA (its issuer: "
                + crl.getIssuerX500Principal().getName() + ")",
                "publish the CRL with the workspace CA, or start the server with --no-revocation");
    }
}
