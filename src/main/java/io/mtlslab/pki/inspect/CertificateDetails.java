package io.mtlslab.pki.inspect;

import java.time.Instant;
import java.util.List;

/**
 * Every field of an X.509 certificate, decoded for display.
 *
 * @param subject        one line, {@code C=BR, ST=Estado, ..., CN=Cliente, E=a@b.c} (e-mail as {@code E=})
 * @param subjectAttributes the subject's attributes in certificate order
 * @param serialHex      lower-case hex without leading zeros, as Go's {@code SerialNumber.Text(16)}
 * @param serialDecimal  the same serial in decimal
 * @param subjectAltNames {@code DNS:x}, {@code IP:1.2.3.4}, {@code email:a@b.c}, {@code URI:...}
 * @param keyUsage       RFC 5280 names: digitalSignature, keyEncipherment, keyCertSign, cRLSign, ...
 * @param extendedKeyUsage serverAuth, clientAuth, ... or the OID
 * @param ca             basicConstraints CA:TRUE
 * @param pathLength     the CA's pathLenConstraint, {@code null} when absent (unlimited) or not a CA
 * @param subjectKeyId   SKI as colon hex, {@code null} when absent
 * @param authorityKeyId AKI key id as colon hex, {@code null} when absent
 * @param crlDistributionPoints URIs of the CRL distribution points
 * @param extensions     every extension, known or not, in certificate order
 * @param selfSigned     subject equals issuer and its own key verifies it
 */
public record CertificateDetails(int version, String subject, List<NameAttribute> subjectAttributes, String issuer,
                                 List<NameAttribute> issuerAttributes, String serialHex, String serialDecimal,
                                 Instant notBefore, Instant notAfter, String signatureAlgorithm,
                                 PublicKeyDetails publicKey, String sha256Fingerprint, String sha1Fingerprint,
                                 List<String> subjectAltNames, List<String> keyUsage, List<String> extendedKeyUsage,
                                 boolean ca, Integer pathLength, String subjectKeyId, String authorityKeyId,
                                 List<String> crlDistributionPoints, List<ExtensionDetails> extensions,
                                 boolean selfSigned) {
}
