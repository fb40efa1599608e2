package io.mtlslab.pki.inspect;

/**
 * A public key: {@code algorithm} (RSA, EC, Ed25519), {@code description} ("EC P-256"), size in bits,
 * and the SHA-256 of its SubjectPublicKeyInfo (equal for a certificate and its key).
 */
public record PublicKeyDetails(String algorithm, String description, int bits, String sha256) {
}
