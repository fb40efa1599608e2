package io.mtlslab.tls;

import io.mtlslab.text.Message;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server's verdict on the client certificate chain of one handshake: whether the secure policy
 * trusts it and, if not, every reason why (first the one a PKIX check would stop at).
 *
 * <p>In inspect mode the handshake goes on regardless, and these findings are what the response
 * and the log report as "secure mode would have rejected this".
 */
public record ServerCertificateCheck(List<X509Certificate> chain, List<ServerCertificateFinding> findings) {

    public ServerCertificateCheck {
        chain = chain == null ? List.of() : List.copyOf(chain);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public boolean trusted() {
        return findings.isEmpty();
    }

    /** The main finding, or {@code null} when trusted. */
    public ServerCertificateFinding firstFinding() {
        return findings.isEmpty() ? null : findings.get(0);
    }

    /** Every finding's message in the current language. */
    public List<String> reasons() {
        return findings.stream().map(ServerCertificateFinding::reason).toList();
    }

    public List<Message> messages() {
        return findings.stream().map(ServerCertificateFinding::message).toList();
    }
}
