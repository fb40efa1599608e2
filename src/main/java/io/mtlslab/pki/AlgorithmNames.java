package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;

/** Readable names for the algorithm OIDs found in certificates, CSRs, CRLs and PKCS#12 files. */
public final class AlgorithmNames {

    private static final DefaultAlgorithmNameFinder FINDER = new DefaultAlgorithmNameFinder();

    private static final DefaultDigestAlgorithmIdentifierFinder DIGESTS = new DefaultDigestAlgorithmIdentifierFinder();

    private static final Map<ASN1ObjectIdentifier, String> WEAK_DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            PKCSObjectIdentifiers.md5, "MD5",
            PKCSObjectIdentifiers.md4, "MD4",
            PKCSObjectIdentifiers.md2, "MD2");

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(OIWObjectIdentifiers.idSHA1, "SHA-1"),
            Map.entry(NISTObjectIdentifiers.id_sha256, "SHA-256"),
            Map.entry(NISTObjectIdentifiers.id_sha384, "SHA-384"),
            Map.entry(NISTObjectIdentifiers.id_sha512, "SHA-512"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA1, "HMAC-SHA1"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA256, "HMAC-SHA256"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA384, "HMAC-SHA384"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA512, "HMAC-SHA512"),
            Map.entry(NISTObjectIdentifiers.id_aes128_CBC, "AES-128-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes192_CBC, "AES-192-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes256_CBC, "AES-256-CBC"),
            Map.entry(PKCSObjectIdentifiers.des_EDE3_CBC, "3DES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, "pbeWithSHA1And3-KeyTripleDES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC, "pbeWithSHA1And2-KeyTripleDES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, "pbeWithSHA1And40BitRC2-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, "pbeWithSHA1And128BitRC2-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4, "pbeWithSHA1And128BitRC4"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC4, "pbeWithSHA1And40BitRC4"));

    private AlgorithmNames() {
    }

    /** A signature algorithm, e.g. {@code SHA256WITHRSA}, {@code SHA256WITHECDSA}, {@code Ed25519}. */
    public static String signature(AlgorithmIdentifier algorithm) {
        String name = FINDER.getAlgorithmName(algorithm);
        return name == null ? algorithm.getAlgorithm().getId() : name;
    }

    /**
     * The digest a signature algorithm hashes with, by OID — {@code SHA-1}, {@code MD5}, {@code SHA-256} …
     * — including RSASSA-PSS, whose digest sits in its parameters (SHA-1 when they are left out), and
     * DSA/ECDSA with SHA-1. Empty for algorithms with no separate digest (Ed25519) or unknown ones.
     */
    public static Optional<String> signatureDigest(AlgorithmIdentifier algorithm) {
        AlgorithmIdentifier digest;
        try {
            boolean bareRsaPss = algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS)
                    && algorithm.getParameters() == null;
            // RFC 4055: RSASSA-PSS without parameters means their defaults, SHA-1 included.
            digest = DIGESTS.find(bareRsaPss
                    ? new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams()) : algorithm);
        } catch (RuntimeException malformedParameters) {
            return Optional.empty();
        }
        if (digest == null || digest.getAlgorithm() == null) {
            return Optional.empty();
        }
        ASN1ObjectIdentifier oid = digest.getAlgorithm();
        String known = WEAK_DIGESTS.get(oid);
        return Optional.of(known != null ? known : NAMES.getOrDefault(oid, oid.getId()));
    }

    /** Whether the signature hashes with SHA-1 (see {@link #signatureDigest}). */
    public static boolean isSha1Signature(AlgorithmIdentifier algorithm) {
        return signatureDigest(algorithm).filter("SHA-1"::equals).isPresent();
    }

    /** Whether the signature hashes with MD2, MD4 or MD5: collisions are practical, nothing trusts them. */
    public static boolean isMdSignature(AlgorithmIdentifier algorithm) {
        return signatureDigest(algorithm).filter(name -> name.startsWith("MD")).isPresent();
    }

    /**
     * How a key or PKCS#12 bag is encrypted, e.g. {@code PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC,
     * 10000 iterations} or {@code pbeWithSHA1And3-KeyTripleDES-CBC}, in the reader's language.
     */
    public static Message encryption(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
            String cipher = cipher(params.getEncryptionScheme().getAlgorithm());
            ASN1ObjectIdentifier kdfOid = params.getKeyDerivationFunc().getAlgorithm();
            if (!kdfOid.equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                return Message.of("inspect.encryption.pbes2", (kdfOid.getId().equals("1.3.6.1.4.1.11591.4.11")
                        ? "scrypt" : kdfOid.getId()), cipher);
            }
            PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
            return Message.of("inspect.encryption.pbkdf2", prf(kdf.getPrf().getAlgorithm()), cipher,
                    kdf.getIterationCount().toString());
        }
        return Message.of("inspect.encryption.pbe", pbe(oid));
    }

    static String digest(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    static String cipher(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    static String prf(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    static String pbe(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }
}
