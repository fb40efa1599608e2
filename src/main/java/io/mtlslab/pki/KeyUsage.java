package io.mtlslab.pki;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The key usages of RFC 5280 (4.2.1.3), in bit order, with BouncyCastle's bit mask and the name
 * OpenSSL and the RFC use: the one table the issuer, the inspector and the lint read.
 */
public enum KeyUsage {
    DIGITAL_SIGNATURE("digitalSignature", org.bouncycastle.asn1.x509.KeyUsage.digitalSignature),
    NON_REPUDIATION("nonRepudiation", org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT("keyEncipherment", org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment),
    DATA_ENCIPHERMENT("dataEncipherment", org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment),
    KEY_AGREEMENT("keyAgreement", org.bouncycastle.asn1.x509.KeyUsage.keyAgreement),
    KEY_CERT_SIGN("keyCertSign", org.bouncycastle.asn1.x509.KeyUsage.keyCertSign),
    CRL_SIGN("cRLSign", org.bouncycastle.asn1.x509.KeyUsage.cRLSign),
    ENCIPHER_ONLY("encipherOnly", org.bouncycastle.asn1.x509.KeyUsage.encipherOnly),
    DECIPHER_ONLY("decipherOnly", org.bouncycastle.asn1.x509.KeyUsage.decipherOnly);

    private final String displayName;
    private final int mask;

    KeyUsage(String displayName, int mask) {
        this.displayName = displayName;
        this.mask = mask;
    }

    /** The RFC 5280 / OpenSSL name: {@code digitalSignature}, {@code keyCertSign}, … */
    public String displayName() {
        return displayName;
    }

    /** BouncyCastle's mask for this bit ({@code new KeyUsage(a.mask() | b.mask())}). */
    public int mask() {
        return mask;
    }

    /** The usages set in a BouncyCastle keyUsage value. */
    public static Set<KeyUsage> of(org.bouncycastle.asn1.x509.KeyUsage value) {
        EnumSet<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage usage : values()) {
            if (value.hasUsages(usage.mask)) {
                usages.add(usage);
            }
        }
        return Collections.unmodifiableSet(usages);
    }

    /** Whether the certificate has a keyUsage extension at all (without one, any use is allowed). */
    public static boolean present(X509Certificate certificate) {
        return certificate.getKeyUsage() != null;
    }

    /**
     * The certificate's key usages; empty when it has no keyUsage extension (then the key may be used
     * for anything, RFC 5280).
     */
    public static Set<KeyUsage> of(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        EnumSet<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        if (bits != null) {
            // The JCA gives the bits in RFC order, which is this enum's order.
            for (KeyUsage usage : values()) {
                if (usage.ordinal() < bits.length && bits[usage.ordinal()]) {
                    usages.add(usage);
                }
            }
        }
        return Collections.unmodifiableSet(usages);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
