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

    /** "RSA 2048", "EC P-256", "Ed25519" — for a public or a private key. */
    public static String describe(java.security.Key key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return "EC P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        String algorithm = key.getAlgorithm();
        return "EdDSA".equalsIgnoreCase(algorithm) ? "Ed25519" : algorithm;
    }

    /** The key size in bits (RSA modulus, EC field size, 255 for Ed25519, 0 when unknown). */
    public static int bits(java.security.Key key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        String algorithm = key.getAlgorithm();
        return "Ed25519".equalsIgnoreCase(algorithm) || "EdDSA".equalsIgnoreCase(algorithm) ? 255 : 0;
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
        return family(publicKey.getAlgorithm()).equals(family(privateKey.getAlgorithm()));
    }

    private static String family(String algorithm) {
        return switch (algorithm.toUpperCase(java.util.Locale.ROOT)) {
            case "ECDSA", "EC" -> "EC";
            case "EDDSA", "ED25519" -> "ED25519";
            default -> algorithm.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String signatureFor(PrivateKey key) {
        return switch (family(key.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519" -> "Ed25519";
            default -> null;
        };
    }
}
