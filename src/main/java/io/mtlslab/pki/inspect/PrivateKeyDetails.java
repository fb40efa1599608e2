package io.mtlslab.pki.inspect;

import io.mtlslab.text.Message;

/**
 * A private key, without any of its secret values.
 *
 * @param format      PKCS#8, PKCS#8 encrypted, or the traditional OpenSSL form (PKCS#1 / SEC1), in words
 * @param encrypted   whether the file is password-protected
 * @param encryption  how it is encrypted (e.g. PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), or {@code null}
 * @param readable    whether it could be decrypted (false when encrypted and no password was given)
 * @param algorithm   RSA, EC, Ed25519 (when readable)
 * @param description "EC P-256", "RSA 2048" (when readable)
 * @param bits        key size (when readable)
 */
public record PrivateKeyDetails(Message format, boolean encrypted, Message encryption, boolean readable,
                                String algorithm, String description, int bits) {
}
