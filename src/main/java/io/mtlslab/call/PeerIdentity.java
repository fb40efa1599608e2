package io.mtlslab.call;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.SubjectName;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The identity one side extracted from the other's certificate: the fields a program authorises by.
 *
 * @param hostnameMatch for the server as seen by the client: whether the called host is in its SANs;
 *     {@code null} for the client as seen by the server
 */
public record PeerIdentity(String subject, String commonName, List<String> organizationalUnits, String organization,
                           String serialHex, String issuer, List<String> subjectAltNames, Instant notBefore,
                           Instant notAfter, String sha256Fingerprint, Boolean hostnameMatch) {

    /** Every name is a peer's choice: escaped, so it cannot forge lines or send terminal escapes. */
    public PeerIdentity {
        subject = PeerText.escape(subject);
        commonName = PeerText.escape(commonName);
        organization = PeerText.escape(organization);
        issuer = PeerText.escape(issuer);
        serialHex = PeerText.escape(serialHex);
        sha256Fingerprint = PeerText.escape(sha256Fingerprint);
        organizationalUnits = organizationalUnits == null ? List.of()
                : organizationalUnits.stream().map(PeerText::escape).toList();
        subjectAltNames = subjectAltNames == null ? List.of() : subjectAltNames.stream().map(PeerText::escape).toList();
    }

    /** What the client reads from the server's certificate, and whether it names {@code host}. */
    public static PeerIdentity ofServer(X509Certificate certificate, boolean hostnameMatch) {
        SubjectName subject = Certificates.subject(certificate);
        return new PeerIdentity(subject.toString(), subject.commonName(), subject.organizationalUnits(),
                subject.organization(), Certificates.serialHex(certificate), Certificates.issuerLine(certificate),
                CertificateSummary.sans(certificate), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Certificates.sha256Fingerprint(certificate), hostnameMatch);
    }
}
