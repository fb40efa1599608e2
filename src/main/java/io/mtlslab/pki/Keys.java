package io.mtlslab.pki;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.HexFormat;

/** Facts about public and private keys: a human description, and whether a key pair belongs together. */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /**
     * The key's algorithm as mTLS Lab names it — {@code RSA}, {@code EC} or {@code Ed25519} — whatever
     * the provider calls it ({@code ECDSA}, {@code EdDSA}, …): the one place that normalises key
     * algorithm names. Other algorithms keep the provider's name.
     */
    public static String algorithm(java.security.Key key) {
        if (key instanceof RSAKey) {
            return "RSA";
        }
        if (key instanceof ECKey) {
            return "EC";
        }
        return switch (key.getAlgorithm().toUpperCase(java.util.Locale.ROOT)) {
            case "RSA" -> "RSA";
            case "EC", "ECDSA" -> "EC";
            case "EDDSA", "ED25519" -> "Ed25519";
            default -> key.getAlgorithm();
        };
    }

    /** "RSA 2048", "EC P-256", "Ed25519" — for a public or a private key. */
    public static String describe(java.security.Key key) {
        String algorithm = algorithm(key);
        return switch (algorithm) {
            case "RSA" -> "RSA " + bits(key);
            case "EC" -> "EC P-" + bits(key);
            default -> algorithm;
        };
    }

    /** The key size in bits (RSA modulus, EC field size, 255 for Ed25519, 0 when unknown). */
    public static int bits(java.security.Key key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return "Ed25519".equals(algorithm(key)) ? 255 : 0;
    }

    /**
     * Whether the private key belongs to the public key: it signs a random challenge that the public
     * key verifies. Works alike for RSA, EC and Ed25519 without deriving the public half.
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey == null || privateKey == null) {
            return false;
        }
        String algorithm = signatureFor(privateKey);
        if (algorithm == null || !sameFamily(publicKey, privateKey)) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** SHA-256 of the DER SubjectPublicKeyInfo, colon-separated hex: the same for a key and its certificate. */
    public static String publicKeySha256(PublicKey key) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameFamily(PublicKey publicKey, PrivateKey privateKey) {
        return algorithm(publicKey).equals(algorithm(privateKey));
    }

    private static String signatureFor(PrivateKey key) {
        return switch (algorithm(key)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519" -> "Ed25519";
            default -> null;
        };
    }
}
