package io.mtlslab.pki.inspect;

import java.util.List;

/**
 * A PKCS#10 certificate signing request.
 *
 * @param signatureValid whether the request's self-signature verifies with its own public key
 * @param subjectAltNames the SANs it asks for ({@code DNS:x}, {@code IP:...})
 * @param extensions     every requested extension
 */
public record CsrDetails(String subject, List<NameAttribute> subjectAttributes, PublicKeyDetails publicKey,
                         String signatureAlgorithm, boolean signatureValid, List<String> subjectAltNames,
                         List<ExtensionDetails> extensions) {
}
