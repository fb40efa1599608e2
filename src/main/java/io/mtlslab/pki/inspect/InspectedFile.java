package io.mtlslab.pki.inspect;

import java.util.List;

/**
 * What a file holds, decoded: the result of {@link Inspector#inspect}. A PEM file may hold several
 * objects (a chain, a certificate and its key), so every kind is a list; most files fill one.
 *
 * @param source       the file name (or the label given for bytes)
 * @param encoding     {@code PEM}, {@code DER} or {@code PKCS12}
 * @param kind         what the file mainly is, for titles and icons
 * @param certificates certificates in file order
 * @param privateKeys  private keys (never their secret values)
 * @param requests     certificate signing requests
 * @param crls         revocation lists
 * @param pkcs12       PKCS#12 protection details, {@code null} for other files
 */
public record InspectedFile(String source, String encoding, Kind kind, List<CertificateDetails> certificates,
                            List<PrivateKeyDetails> privateKeys, List<CsrDetails> requests, List<CrlDetails> crls,
                            Pkcs12Details pkcs12) {

    /** The main content of a file. */
    public enum Kind { CERTIFICATE, CERTIFICATE_CHAIN, PRIVATE_KEY, CSR, CRL, PKCS12, MIXED }

    public InspectedFile {
        certificates = List.copyOf(certificates);
        privateKeys = List.copyOf(privateKeys);
        requests = List.copyOf(requests);
        crls = List.copyOf(crls);
    }
}
