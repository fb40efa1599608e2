package io.mtlslab.pki;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.Extension;

/**
 * A certificate's basicConstraints as facts, read from the ASN.1 (never from a display string):
 * whether the extension is there and critical, whether it says CA, and the CA's pathLen.
 *
 * @param pathLength the CA's pathLenConstraint; {@code null} when absent (unlimited) or not a CA; a value
 *                   beyond {@code int} (someone's hand-made CA) reads as {@link Integer#MAX_VALUE}, as good
 *                   as unlimited
 */
public record BasicConstraints(boolean present, boolean critical, boolean ca, Integer pathLength) {

    /** No basicConstraints extension: not a CA (RFC 5280). */
    public static final BasicConstraints ABSENT = new BasicConstraints(false, false, false, null);

    public static BasicConstraints of(X509Certificate certificate) {
        return of(Certificates.holder(certificate).getExtensions() == null ? null
                : Certificates.holder(certificate).getExtensions().getExtension(Extension.basicConstraints));
    }

    /** From the extension itself; {@code null} is {@link #ABSENT}. */
    public static BasicConstraints of(Extension extension) {
        if (extension == null) {
            return ABSENT;
        }
        return of(org.bouncycastle.asn1.x509.BasicConstraints.getInstance(extension.getParsedValue()),
                extension.isCritical());
    }

    public static BasicConstraints of(org.bouncycastle.asn1.x509.BasicConstraints value, boolean critical) {
        boolean ca = value.isCA();
        java.math.BigInteger limit = value.getPathLenConstraint();
        Integer pathLength = !ca || limit == null ? null
                : limit.bitLength() < 32 ? Integer.valueOf(limit.intValue()) : Integer.valueOf(Integer.MAX_VALUE);
        return new BasicConstraints(true, critical, ca, pathLength);
    }

    /** OpenSSL's words, for display only: {@code CA:TRUE}, {@code pathlen:0}. */
    public java.util.List<String> display() {
        java.util.List<String> values = new java.util.ArrayList<>();
        values.add(ca ? "CA:TRUE" : "CA:FALSE");
        if (pathLength != null) {
            values.add("pathlen:" + pathLength);
        }
        return values;
    }
}
