package io.mtlslab.call;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * What the server asked for in its CertificateRequest beside what the client had and sent — where
 * the most common silent mTLS failure shows: a certificate withheld because its issuer is not in
 * the server's list.
 *
 * @param serverAsked whether the server requested a client certificate at all
 * @param acceptedCaNames the CA names the server listed; empty when it listed none ("any")
 * @param caNamesListed whether the server sent a CA-names list (an empty list means "any")
 * @param keyTypes the key types the server accepts
 * @param chainOnOffer the client's chain, leaf first; empty without an identity
 * @param sent the certificate that was sent, or {@code null}
 * @param notSentMessage why none was sent ("no client identity chosen", "server did not ask",
 *     "not sent: its issuer CN=X is not among the names the server accepts"), or {@code null};
 *     {@link #notSentReason()} renders it
 */
public record AskedVsPresented(boolean serverAsked, boolean caNamesListed, List<String> acceptedCaNames,
                               List<String> keyTypes, List<CertificateSummary> chainOnOffer,
                               CertificateSummary sent, Message notSentMessage) {

    public AskedVsPresented {
        acceptedCaNames = List.copyOf(acceptedCaNames);
        keyTypes = List.copyOf(keyTypes);
        chainOnOffer = List.copyOf(chainOnOffer);
    }

    /** Why no certificate was sent, in the current language, or {@code null} when one was sent. */
    public String notSentReason() {
        return notSentMessage == null ? null : notSentMessage.text();
    }
}
