package io.mtlslab.diagnose;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.ExtendedKeyUsage;
import io.mtlslab.pki.HostNames;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.SubjectName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * The questions the diagnoser asks about one certificate: is it in its validity period, does its EKU
 * allow the role, does it name the host, who issued it, is it revoked, does a trust anchor sign it.
 */
public final class CertificateFacts {

    private CertificateFacts() {
    }

    public static boolean expired(X509Certificate certificate, Instant at) {
        return at.isAfter(certificate.getNotAfter().toInstant());
    }

    public static boolean notYetValid(X509Certificate certificate, Instant at) {
        return at.isBefore(certificate.getNotBefore().toInstant());
    }

    public static boolean lacksServerAuth(X509Certificate certificate) {
        return !ExtendedKeyUsage.SERVER_AUTH.allows(certificate);
    }

    public static boolean lacksClientAuth(X509Certificate certificate) {
        return !ExtendedKeyUsage.CLIENT_AUTH.allows(certificate);
    }

    /** The DNS and IP SANs, as {@code dns:x} / {@code ip:y}. */
    public static List<String> hostNames(X509Certificate certificate) {
        return HostNames.of(certificate);
    }

    /**
     * RFC 6125 as browsers apply it: an IP literal must equal an IP SAN; a name must equal a DNS SAN
     * or match a single-label {@code *.} wildcard. The CN is never consulted (RFC 2818 deprecated it).
     */
    public static boolean matchesHost(X509Certificate certificate, String host) {
        return HostNames.matches(certificate, host);
    }

    public static boolean isIpLiteral(String host) {
        return HostNames.isIpLiteral(host);
    }

    /** Whether {@code anchor} signed {@code certificate} (same issuer name and a valid signature). */
    public static boolean signedBy(X509Certificate certificate, X509Certificate anchor) {
        if (!certificate.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(anchor.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the top of {@code chain} is, or is signed by, one of {@code anchors}. */
    public static boolean chainsTo(List<X509Certificate> chain, Collection<X509Certificate> anchors) {
        if (chain.isEmpty()) {
            return false;
        }
        for (X509Certificate certificate : chain) {
            for (X509Certificate anchor : anchors) {
                if (certificate.equals(anchor) || signedBy(certificate, anchor)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a CRL issued by the certificate's issuer lists it. */
    public static boolean revoked(X509Certificate certificate, Collection<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && crl.isRevoked(certificate)) {
                return true;
            }
        }
        return false;
    }

    /** When the certificate was revoked, if a CRL says so. */
    public static Date revocationDate(X509Certificate certificate, Collection<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                    && crl.getRevokedCertificate(certificate) != null) {
                return crl.getRevokedCertificate(certificate).getRevocationDate();
            }
        }
        return null;
    }

    /** The subject key identifier as OpenSSL prints it ({@code 3A:4F:…}), or {@code null} when there is none. */
    public static String subjectKeyId(X509Certificate certificate) {
        return Certificates.subjectKeyId(certificate);
    }

    /** The key identifier of the key that signed the certificate (its authorityKeyIdentifier), or {@code null}. */
    public static String authorityKeyId(X509Certificate certificate) {
        return Certificates.authorityKeyId(certificate);
    }

    /** The issuer as users know it: {@code CN=MinhaCA}, or the whole DN when it has no CN. */
    public static String issuerName(X509Certificate certificate) {
        return shortName(Certificates.issuer(certificate), certificate.getIssuerX500Principal());
    }

    public static String subjectName(X509Certificate certificate) {
        return shortName(Certificates.subject(certificate), certificate.getSubjectX500Principal());
    }

    public static String shortName(X500Principal principal) {
        return shortName(SubjectName.of(org.bouncycastle.asn1.x500.X500Name.getInstance(principal.getEncoded())),
                principal);
    }

    /** Escaped: the names come from a peer, which may hide line breaks or terminal escapes in them. */
    private static String shortName(SubjectName name, X500Principal principal) {
        return PeerText.escape(name.commonName() != null ? "CN=" + name.commonName()
                : principal.getName(X500Principal.RFC2253));
    }
}
