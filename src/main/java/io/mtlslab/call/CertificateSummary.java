package io.mtlslab.call;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.SubjectAltName;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** One certificate of a handshake, decoded for display (the server's chain, the client's). */
public record CertificateSummary(String subject, String issuer, String serialHex, Instant notBefore,
                                 Instant notAfter, String key, List<String> subjectAltNames,
                                 List<String> extendedKeyUsages, boolean ca, boolean selfSigned,
                                 String sha256Fingerprint) {

    /** The names come from whoever made the certificate: escaped, so they cannot forge lines or send escapes. */
    public CertificateSummary {
        subject = PeerText.escape(subject);
        issuer = PeerText.escape(issuer);
        subjectAltNames = subjectAltNames.stream().map(PeerText::escape).toList();
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
    }

    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(Certificates.subjectLine(certificate), Certificates.issuerLine(certificate),
                Certificates.serialHex(certificate), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Certificates.keyDescription(certificate), sans(certificate),
                io.mtlslab.pki.ExtendedKeyUsage.namesOf(certificate), Certificates.isCa(certificate), Certificates.isSelfSigned(certificate),
                Certificates.sha256Fingerprint(certificate));
    }

    public static List<CertificateSummary> of(List<X509Certificate> chain) {
        return chain.stream().map(CertificateSummary::of).toList();
    }

    /** Whether it is valid at {@code when}. */
    public boolean validAt(Instant when) {
        return !when.isBefore(notBefore) && !when.isAfter(notAfter);
    }

    static List<String> sans(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    SubjectAltName name = SubjectAltName.of((Integer) san.get(0), san.get(1));
                    if (name != null) {
                        names.add(name.toString());
                    }
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // a SAN mTLS Lab cannot read is left out of the display, not fatal to the call
        }
        return names;
    }

}
