package io.mtlslab.pki.inspect;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * How a PKCS#12 file is protected and what it holds (its certificates and key are in the enclosing
 * {@link InspectedFile}).
 *
 * @param macAlgorithm   integrity digest (SHA-256 for modern files, SHA-1 for legacy), {@code null} if none
 * @param encryption     one line per protected bag, e.g. {@code key: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, ...}
 * @param friendlyNames  the certificates' aliases, in file order
 * @param hasPrivateKey  whether it holds a key (a truststore does not)
 * @param keyMatchesCertificate whether the key belongs to one of its certificates
 */
public record Pkcs12Details(String macAlgorithm, int macIterations, List<Message> encryption,
                            List<String> friendlyNames, boolean hasPrivateKey, boolean keyMatchesCertificate) {
}
