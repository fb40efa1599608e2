package io.mtlslab.call;

import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What the client trusts to vouch for the server: the workspace CA, the certificates of a PEM file,
 * or the system CA store.
 *
 * @param file the PEM file the anchors came from ({@code null} for the system store or in-memory anchors)
 * @param label how reports and equivalents name it
 */
public record TrustAnchor(Kind kind, List<X509Certificate> certificates, Path file, String label) {

    /** Where the anchors come from. */
    public enum Kind { WORKSPACE_CA, PEM_FILE, SYSTEM, CERTIFICATES }

    public TrustAnchor {
        Objects.requireNonNull(kind, "kind");
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        if (kind != Kind.SYSTEM && certificates.isEmpty()) {
            throw io.mtlslab.pki.PkiException.of("ca", "trustNoCertificate", String.valueOf(label));
        }
    }

    /** The workspace's {@code ca.pem}: the secure default. */
    public static TrustAnchor workspace(Workspace workspace) {
        return new TrustAnchor(Kind.WORKSPACE_CA, List.of(workspace.caCertificate()),
                workspace.certificateFile(Workspace.CA), "workspace CA");
    }

    /** Every certificate in a PEM file (a CA, a bundle, or a pinned server certificate). */
    public static TrustAnchor pemFile(Path file) {
        return new TrustAnchor(Kind.PEM_FILE, Pem.readCertificates(file), file.toAbsolutePath(), file.toString());
    }

    /** The system CA store ({@code cacerts}), as a browser-like client would use. */
    public static TrustAnchor system() {
        return new TrustAnchor(Kind.SYSTEM, List.of(), null, "system CA store");
    }

    /** Certificates held in memory, e.g. a scenario's rogue CA. */
    public static TrustAnchor certificates(String label, List<X509Certificate> certificates) {
        return new TrustAnchor(Kind.CERTIFICATES, certificates, null, label);
    }
}
