package io.mtlslab.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Small facts about X.509 certificates that every layer asks: names, serials, fingerprints. */
public final class Certificates {

    private Certificates() {
    }

    public static SubjectName subject(X509Certificate certificate) {
        return SubjectName.of(holder(certificate).getSubject());
    }

    public static SubjectName issuer(X509Certificate certificate) {
        return SubjectName.of(holder(certificate).getIssuer());
    }

    /** The subject as OpenSSL prints it in one line, e.g. {@code C=BR, O=MinhaEmpresa, CN=MinhaCA}. */
    public static String subjectLine(X509Certificate certificate) {
        return subject(certificate).toString();
    }

    public static String issuerLine(X509Certificate certificate) {
        return issuer(certificate).toString();
    }

    public static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    /** The serial as Go's {@code SerialNumber.Text(16)} prints it: lower-case hex, no leading zeros. */
    public static String serialHex(BigInteger serial) {
        return serial.toString(16);
    }

    public static String serialHex(X509Certificate certificate) {
        return serialHex(certificate.getSerialNumber());
    }

    /** SHA-256 fingerprint as colon-separated upper-case hex, as OpenSSL shows it. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        return fingerprint(certificate, "SHA-256");
    }

    public static String sha1Fingerprint(X509Certificate certificate) {
        return fingerprint(certificate, "SHA-1");
    }

    public static String fingerprint(X509Certificate certificate, String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be decoded", e);
        }
    }

    public static X500Name x500Name(X509Certificate certificate) {
        return holder(certificate).getSubject();
    }

    public static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** A short, human description of the key: "EC P-256", "RSA 2048", "Ed25519". */
    public static String keyDescription(X509Certificate certificate) {
        return Keys.describe(certificate.getPublicKey());
    }

    /** The subject key identifier as OpenSSL prints it ({@code 3A:4F:…}), or {@code null} when there is none. */
    public static String subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier.getId());
        return value == null ? null : colonHex(org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier());
    }

    /** The key identifier of the key that signed the certificate (its authorityKeyIdentifier), or {@code null}. */
    public static String authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier.getId());
        return value == null ? null : colonHex(org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifierOctets());
    }

    private static String colonHex(byte[] bytes) {
        return bytes == null ? null : java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
