package io.mtlslab.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;

/** The key algorithms mTLS Lab issues, each with its JCA names and the signature it makes. */
public enum KeyType {
    RSA_2048("rsa-2048", "RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("rsa-3072", "RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("rsa-4096", "RSA", 4096, null, "SHA256withRSA"),
    EC_P256("ec-p256", "EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("ec-p384", "EC", 384, "secp384r1", "SHA384withECDSA"),
    EC_P521("ec-p521", "EC", 521, "secp521r1", "SHA512withECDSA"),
    ED25519("ed25519", "Ed25519", 255, null, "Ed25519");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String algorithm;
    private final int bits;
    private final String curve;
    private final String signatureAlgorithm;

    KeyType(String id, String algorithm, int bits, String curve, String signatureAlgorithm) {
        this.id = id;
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The name users type: {@code rsa-2048}, {@code ec-p256}, {@code ed25519}. */
    public String id() {
        return id;
    }

    /**
     * What people read in a drop-down: "RSA 4096", "EC P-256 (recommended)" — in the current language
     * ({@code keyType.<id>} in the core bundle); the CLI keeps taking the {@link #id()}.
     */
    public Message displayName() {
        return Message.of("keyType." + id);
    }

    /** The key type whose {@link #displayName()} or id is {@code text}, in any supported language. */
    public static KeyType fromDisplay(String text) {
        String wanted = text == null ? "" : text.trim();
        for (KeyType type : values()) {
            for (Locale language : Texts.SUPPORTED) {
                if (type.displayName().text(language).equals(wanted)) {
                    return type;
                }
            }
        }
        return parse(wanted);
    }

    /** The JCA key algorithm: RSA, EC or Ed25519. */
    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    public boolean isRsa() {
        return "RSA".equals(algorithm);
    }

    public boolean isEc() {
        return "EC".equals(algorithm);
    }

    /** The JCA signature algorithm a key of this type signs certificates with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * Generates a fresh key pair; RSA-4096 takes a second or more, so never call this on a UI thread. RSA
     * keys come from {@link RsaKeys} (two threads), the others from the JDK's generators.
     */
    public KeyPair generate() {
        if (isRsa()) {
            return RsaKeys.generate(bits, RANDOM);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (!isEc()) {
                return generator.generateKeyPair();
            }
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            // Held as its key file encodes it (with the public key): the file reads back as an equal key.
            return new KeyPair(keys.getPublic(), Pkcs8.asWritten(keys));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate " + id + " keys", e);
        }
    }

    /** Parses a user's key type name, case-insensitively. */
    public static KeyType parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (KeyType type : values()) {
            if (type.id.equals(wanted)) {
                return type;
            }
        }
        throw PkiException.of("key", "unknownChoice", Message.of("pkierror.kind.keyType"), text,
                Arrays.stream(values()).map(KeyType::id).collect(Collectors.joining(", ")));
    }

    /** The type of an existing public key (RSA sizes other than ours map to the nearest below). */
    public static KeyType of(PublicKey key) {
        int size = Keys.bits(key);
        switch (Keys.algorithm(key)) {
            case "RSA" -> {
                return size >= 4096 ? RSA_4096 : size >= 3072 ? RSA_3072 : RSA_2048;
            }
            case "EC" -> {
                return size >= 521 ? EC_P521 : size >= 384 ? EC_P384 : EC_P256;
            }
            case "Ed25519" -> {
                return ED25519;
            }
            default -> {
                // below
            }
        }
        throw PkiException.of("key", "unsupportedKey", key.getAlgorithm());
    }

    @Override
    public String toString() {
        return id;
    }
}
