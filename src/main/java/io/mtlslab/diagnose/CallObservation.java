package io.mtlslab.diagnose;

import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Everything a test call saw that can explain its outcome: how far it got, the exception, what the
 * server asked for and what the client offered and sent, the server's chain and why the client
 * refused it, the trust in force, and the HTTP status. The {@link Diagnoser} turns it into a
 * {@link Diagnosis}; nothing here is interpreted yet.
 *
 * @param failedAt where the call failed, {@code null} when the TLS and HTTP exchange completed
 * @param acceptedIssuers the CA names of the server's CertificateRequest; {@code null} when it sent none
 * @param clientChain the client chain on offer (leaf first); empty when no identity was chosen
 * @param serverRejectedByClient why the client's trust manager refused the server chain, if it did
 * @param trustAnchors the anchors the client trusted (the system store's when {@code systemTrust})
 * @param referenceCa the workspace CA, which fixes are phrased against; may be {@code null}
 * @param crls revocation lists known to the client (the workspace's {@code crl.pem})
 * @param httpStatus the response status, {@code null} when no response came
 * @param serverSaysUnsafe the unsafe modes the server declared about itself (mTLS Lab's echo server
 *     labels every answer of an unsafe mode); empty for other servers
 */
public record CallObservation(String host, int port, CallPhase failedAt, Throwable error,
                              List<String> offeredProtocols, String negotiatedProtocol,
                              boolean certificateRequested, List<X500Principal> acceptedIssuers,
                              List<String> requestedKeyTypes, List<X509Certificate> clientChain,
                              boolean clientCertificateSent, List<X509Certificate> serverChain,
                              CertificateException serverRejectedByClient, List<X509Certificate> trustAnchors,
                              boolean systemTrust, X509Certificate referenceCa, List<X509CRL> crls,
                              Integer httpStatus, String httpBody, List<String> serverSaysUnsafe, Instant at) {

    public CallObservation {
        offeredProtocols = offeredProtocols == null ? List.of() : List.copyOf(offeredProtocols);
        acceptedIssuers = acceptedIssuers == null ? null : List.copyOf(acceptedIssuers);
        requestedKeyTypes = requestedKeyTypes == null ? List.of() : List.copyOf(requestedKeyTypes);
        clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
        serverChain = serverChain == null ? List.of() : List.copyOf(serverChain);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        crls = crls == null ? List.of() : List.copyOf(crls);
        serverSaysUnsafe = serverSaysUnsafe == null ? List.of() : List.copyOf(serverSaysUnsafe);
        at = at == null ? Instant.now() : at;
    }
}
