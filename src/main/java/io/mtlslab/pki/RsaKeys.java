package io.mtlslab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.PrimeCertaintyCalculator;

/**
 * RSA key pairs from BouncyCastle's generator, which checks the primes, their distance, the modulus'
 * size and NAF weight and the private exponent's size, and assembles the CRT key. Two things differ
 * from BouncyCastle's own prime search:
 *
 * <ul>
 *   <li>each prime is the first one at or after a random start with its top two bits set, found by
 *       {@link PrimeSieve} (a sieved search, as OpenSSL's and the JDK's generators do): only numbers with
 *       no factor below 2<sup>18</sup> reach BouncyCastle's own Miller-Rabin rounds, instead of random
 *       numbers tested one at a time;
 *   <li>the first two primes are searched on two threads: nearly all of an RSA-4096 key's time is its
 *       two 2048-bit primes.
 * </ul>
 *
 * <p>On the 2-core bench machine the seed's three keys (RSA-4096 beside two RSA-2048 in {@code init})
 * took a median 1.86 s with the JDK's generator, 1.27 s with the JDK's {@code nextProbablePrime} on two
 * threads (which also ran its own Miller-Rabin and Lucas tests before BouncyCastle's) and 1.2 s with
 * the sieve (docs/benchmarks.md).
 */
final class RsaKeys {

    private static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    private RsaKeys() {
    }

    /** A fresh key pair of {@code bits}, as the JDK's own RSA key classes. */
    static KeyPair generate(int bits, SecureRandom random) {
        TwoThreadGenerator generator = new TwoThreadGenerator(random);
        generator.init(new RSAKeyGenerationParameters(PUBLIC_EXPONENT, random, bits,
                PrimeCertaintyCalculator.getDefaultCertainty(bits)));
        RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) generator.generateKeyPair().getPrivate();
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())),
                    factory.generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(), key.getPublicExponent(),
                            key.getExponent(), key.getP(), key.getQ(), key.getDP(), key.getDQ(), key.getQInv())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot hold RSA keys", e);
        }
    }

    /**
     * BouncyCastle's generator asks for p, then q (and again only when a check fails). The first request
     * starts a helper thread on the second prime; the second request takes the helper's prime.
     */
    private static final class TwoThreadGenerator extends RSAKeyPairGenerator {
        private final SecureRandom random;
        private FutureTask<BigInteger> spare;
        private int spareBits;
        private boolean started;

        TwoThreadGenerator(SecureRandom random) {
            this.random = random;
        }

        @Override
        protected BigInteger chooseRandomPrime(int bitLength, BigInteger e, BigInteger squaredBound) {
            if (!started) {
                started = true;
                spareBits = bitLength;
                spare = new FutureTask<>(() -> searchPrime(bitLength, e, squaredBound));
                Thread helper = new Thread(spare, "rsa-prime");
                helper.setDaemon(true);
                helper.start();
            } else if (spare != null) {
                FutureTask<BigInteger> task = spare;
                spare = null;
                BigInteger prime = join(task);
                if (spareBits == bitLength) {
                    return prime;
                }
            }
            return searchPrime(bitLength, e, squaredBound);
        }

        private BigInteger searchPrime(int bitLength, BigInteger e, BigInteger squaredBound) {
            for (int attempt = 0; attempt < 5 * bitLength; attempt++) {
                BigInteger start = new BigInteger(bitLength, random).setBit(bitLength - 1).setBit(bitLength - 2);
                BigInteger prime = PrimeSieve.nextPrime(start, e, this::isProbablePrime);
                if (prime.bitLength() == bitLength
                        && prime.multiply(prime).compareTo(squaredBound) >= 0
                        && e.gcd(prime.subtract(BigInteger.ONE)).equals(BigInteger.ONE)) {
                    return prime;
                }
            }
            throw new IllegalStateException("Found no prime of " + bitLength + " bits for an RSA key");
        }

        private static BigInteger join(FutureTask<BigInteger> task) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return task.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the key is half made; finish it, then pass the interrupt on
                    }
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
