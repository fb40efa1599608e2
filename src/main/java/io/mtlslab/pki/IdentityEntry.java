package io.mtlslab.pki;

import java.time.Instant;

/**
 * One identity as recorded in {@code workspace.json}: no secrets, only what lists and status need.
 *
 * @param name      file base name ({@code ca}, {@code server}, {@code client}, ...)
 * @param role      what the certificate is for
 * @param issuer    the name of the issuing identity, or {@code null} for a root / imported CA
 * @param serialHex serial number in lower-case hex
 * @param subject   one-line subject, {@code C=BR, ..., CN=Cliente}
 * @param keyType   key type id, e.g. {@code ec-p256}
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param keyEncrypted whether the key file is an encrypted PKCS#8
 * @param revoked   whether the CA has revoked it
 */
public record IdentityEntry(String name, Role role, String issuer, String serialHex, String subject, String keyType,
                            Instant notBefore, Instant notAfter, boolean keyEncrypted, boolean revoked) {

    /** Whether its issuer is a CA a new one has replaced ({@link IdentityStatus#REPLACED_CA_PREFIX}). */
    public boolean issuedByReplacedCa() {
        return issuer != null && issuer.startsWith(IdentityStatus.REPLACED_CA_PREFIX);
    }

    public IdentityEntry withIssuer(String value) {
        return new IdentityEntry(name, role, value, serialHex, subject, keyType, notBefore, notAfter, keyEncrypted,
                revoked);
    }

    public IdentityEntry withRevoked(boolean value) {
        return new IdentityEntry(name, role, issuer, serialHex, subject, keyType, notBefore, notAfter, keyEncrypted,
                value);
    }
}
