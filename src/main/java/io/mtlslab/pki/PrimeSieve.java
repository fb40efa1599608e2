package io.mtlslab.pki;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Predicate;

/**
 * The search for an RSA prime: the first probable prime at or after a start, found by sieving a window
 * of odd numbers with the primes below {@value #SIEVE_LIMIT} and testing only the survivors.
 *
 * <p>Why it is ours: nearly all of an RSA key's time is Miller-Rabin rounds on candidates that are not
 * prime. {@link BigInteger#nextProbablePrime()} sieves with the primes below about 19,000 (about 81
 * candidates tested per 2048-bit prime); sieving up to 2<sup>18</sup> leaves about 64. The residues of
 * the start are computed once per search; marking the window costs far less than one test.
 *
 * <p>Candidates {@code p} with {@code p ≡ 1 (mod e)} are sieved out too, so {@code gcd(e, p − 1) = 1}
 * for a prime {@code e} such as 65537. The caller's test ({@code isProbablePrime}) has the last word on
 * every survivor: the sieve only removes numbers with a small factor, never decides that one is prime.
 */
final class PrimeSieve {

    static final int SIEVE_LIMIT = 1 << 18;

    /** Odd numbers per window: about six times the mean gap between 2048-bit primes. */
    private static final int WINDOW = 1 << 12;

    private static final int[] SMALL_PRIMES = oddPrimesBelow(SIEVE_LIMIT);

    private PrimeSieve() {
    }

    /**
     * The first number at or after {@code start} that has no factor below the sieve's limit, is not 1
     * modulo {@code e} and passes {@code isProbablePrime}.
     *
     * @param start larger than the sieve's limit (a small prime would be sieved out as its own multiple)
     * @param e a prime public exponent larger than 2 that fits an {@code int}
     */
    static BigInteger nextPrime(BigInteger start, BigInteger e, Predicate<BigInteger> isProbablePrime) {
        if (start.bitLength() <= Integer.SIZE) {
            throw new IllegalArgumentException("The sieve searches large primes only");
        }
        BigInteger base = start.testBit(0) ? start : start.add(BigInteger.ONE);
        int[] residues = residues(base);
        while (true) {
            BitSet composite = new BitSet(WINDOW);
            for (int i = 0; i < SMALL_PRIMES.length; i++) {
                int prime = SMALL_PRIMES[i];
                markMultiples(composite, residues[i], prime, 0);
            }
            // base + 2k ≡ 1 (mod e): then e divides p - 1
            int residueE = base.mod(e).intValueExact();
            markMultiples(composite, residueE, e.intValueExact(), 1);
            for (int k = composite.nextClearBit(0); k < WINDOW; k = composite.nextClearBit(k + 1)) {
                BigInteger candidate = base.add(BigInteger.valueOf(2L * k));
                if (isProbablePrime.test(candidate)) {
                    return candidate;
                }
            }
            base = base.add(BigInteger.valueOf(2L * WINDOW));
            for (int i = 0; i < SMALL_PRIMES.length; i++) {
                residues[i] = (int) ((residues[i] + 2L * WINDOW) % SMALL_PRIMES[i]);
            }
        }
    }

    /**
     * Marks every k in the window with base + 2k ≡ target (mod m), given base ≡ residue (mod m), m odd:
     * 2k ≡ target − residue, so k ≡ (target − residue) · (m + 1) / 2.
     */
    private static void markMultiples(BitSet window, int residue, int modulus, int target) {
        long difference = Math.floorMod(target - residue, modulus);
        int first = (int) (difference * ((modulus + 1L) / 2) % modulus);
        for (int k = first; k < WINDOW; k += modulus) {
            window.set(k);
        }
    }

    /** base mod p for every small prime p, read from the number's 32-bit words (most significant first). */
    private static int[] residues(BigInteger base) {
        byte[] bytes = base.toByteArray();
        int words = (bytes.length + 3) / 4;
        long[] word = new long[words];
        for (int i = 0; i < bytes.length; i++) {
            int fromEnd = bytes.length - 1 - i;
            word[words - 1 - fromEnd / 4] |= (bytes[i] & 0xffL) << (8 * (fromEnd % 4));
        }
        int[] residues = new int[SMALL_PRIMES.length];
        for (int i = 0; i < SMALL_PRIMES.length; i++) {
            long prime = SMALL_PRIMES[i];
            long remainder = 0;
            for (long w : word) {
                remainder = ((remainder << 32) | w) % prime;
            }
            residues[i] = (int) remainder;
        }
        return residues;
    }

    /** The odd primes below {@code limit}, by Eratosthenes. */
    private static int[] oddPrimesBelow(int limit) {
        BitSet composite = new BitSet(limit);
        int count = 0;
        int[] primes = new int[limit / 2];
        for (int n = 3; n < limit; n += 2) {
            if (!composite.get(n)) {
                primes[count++] = n;
                for (long multiple = (long) n * n; multiple < limit; multiple += 2L * n) {
                    composite.set((int) multiple);
                }
            }
        }
        return Arrays.copyOf(primes, count);
    }
}
