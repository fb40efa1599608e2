package io.mtlslab.call;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.SubjectAltName;
import java.security.cert.X509Certificate;
import java.time.Instant;
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
        return SubjectAltName.of(certificate).stream().map(SubjectAltName::toString).toList();
    }

}
