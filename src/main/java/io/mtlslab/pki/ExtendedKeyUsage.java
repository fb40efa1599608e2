package io.mtlslab.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The extended key usages mTLS Lab names, with their OIDs: the one table the lint, the inspector, the
 * test call, the diagnosis and the echo server's trust decision all read.
 */
public enum ExtendedKeyUsage {
    SERVER_AUTH("1.3.6.1.5.5.7.3.1", "serverAuth"),
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2", "clientAuth"),
    CODE_SIGNING("1.3.6.1.5.5.7.3.3", "codeSigning"),
    EMAIL_PROTECTION("1.3.6.1.5.5.7.3.4", "emailProtection"),
    TIME_STAMPING("1.3.6.1.5.5.7.3.8", "timeStamping"),
    OCSP_SIGNING("1.3.6.1.5.5.7.3.9", "OCSPSigning"),
    ANY("2.5.29.37.0", "anyExtendedKeyUsage");

    private final String oid;
    private final String displayName;

    ExtendedKeyUsage(String oid, String displayName) {
        this.oid = oid;
        this.displayName = displayName;
    }

    public String oid() {
        return oid;
    }

    /** The name OpenSSL's configuration and RFC 5280 use: {@code serverAuth}, {@code clientAuth}, … */
    public String displayName() {
        return displayName;
    }

    /** The usage's name for {@code oid}, or the OID itself when mTLS Lab has no name for it. */
    public static String nameOf(String oid) {
        for (ExtendedKeyUsage usage : values()) {
            if (usage.oid.equals(oid)) {
                return usage.displayName;
            }
        }
        return oid;
    }

    /** The certificate's EKUs by name (OIDs where unnamed); empty when it has no EKU extension. */
    public static List<String> namesOf(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(ExtendedKeyUsage::nameOf).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /**
     * The same rule as {@link #allows(X509Certificate)} for EKUs already read by name
     * ({@link #namesOf}): none, this usage, or anyExtendedKeyUsage.
     */
    public boolean allowsNames(List<String> names) {
        return names.isEmpty() || names.contains(displayName) || names.contains(ANY.displayName);
    }

    /**
     * Whether the certificate may be used for this purpose: no EKU extension (any use), this usage, or
     * anyExtendedKeyUsage. A damaged extension allows nothing.
     */
    public boolean allows(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            return oids == null || oids.contains(oid) || oids.contains(ANY.oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
