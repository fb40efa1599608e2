package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sieve finds the same prime as a plain search, hands every candidate without a small factor to the
 * caller's test and no other.
 */
class PrimeSieveTest {

    private static final BigInteger E = BigInteger.valueOf(65537);

    /** The product of all primes below the sieve's limit: gcd with it tells whether n has a small factor. */
    private static final BigInteger SMALL_PRIMORIAL = primorialBelow(PrimeSieve.SIEVE_LIMIT);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsTheFirstPrimeAtOrAfterTheStartThatIsNotOneModuloE(long seed) {
        BigInteger start = new BigInteger(512, new Random(seed)).setBit(511);
        List<BigInteger> tested = new ArrayList<>();

        BigInteger found = PrimeSieve.nextPrime(start, E, recording(tested, n -> n.isProbablePrime(64)));

        assertThat(found).isEqualTo(plainSearch(start));
        assertTestedExactlyTheSurvivors(start, found, tested);
    }

    @Test
    void anEvenStartAndAStartThatIsItselfPrimeAreHandled() {
        BigInteger prime = new BigInteger(256, new Random(7)).setBit(255).nextProbablePrime();
        assertThat(prime.mod(E)).isNotEqualTo(BigInteger.ONE);

        assertThat(PrimeSieve.nextPrime(prime, E, n -> n.isProbablePrime(64))).isEqualTo(prime);
        assertThat(PrimeSieve.nextPrime(prime.subtract(BigInteger.ONE), E, n -> n.isProbablePrime(64)))
                .isEqualTo(prime);
    }

    @Test
    void searchesOnIntoFurtherWindowsWithoutSkippingAny() {
        BigInteger start = new BigInteger(384, new Random(11)).setBit(383);
        // The caller refuses everything in the first 20,000 numbers, more than two of the sieve's windows
        // (8,192 numbers each): it must slide on and still hand over every survivor, in order.
        BigInteger floor = start.add(BigInteger.valueOf(20_000));
        List<BigInteger> tested = new ArrayList<>();

        BigInteger found = PrimeSieve.nextPrime(start, E,
                recording(tested, n -> n.compareTo(floor) >= 0 && n.isProbablePrime(64)));

        assertThat(found).isEqualTo(plainSearch(floor));
        assertTestedExactlyTheSurvivors(start, found, tested);
    }

    @Test
    void theModulusExcludesPrimesOneAboveAMultipleOfE() {
        // A small exponent makes p ≡ 1 (mod e) common enough to see: 1 in 2 primes for e = 3.
        BigInteger three = BigInteger.valueOf(3);
        Random random = new Random(13);
        for (int i = 0; i < 20; i++) {
            BigInteger start = new BigInteger(200, random).setBit(199);
            BigInteger found = PrimeSieve.nextPrime(start, three, n -> n.isProbablePrime(64));
            assertThat(found.mod(three)).isEqualTo(BigInteger.TWO);
            assertThat(found).isEqualTo(plainSearchModulo(start, three));
        }
    }

    @Test
    void refusesSmallStarts() {
        assertThatThrownBy(() -> PrimeSieve.nextPrime(BigInteger.valueOf(1000), E, n -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Predicate<BigInteger> recording(List<BigInteger> tested, Predicate<BigInteger> test) {
        return n -> {
            tested.add(n);
            return test.test(n);
        };
    }

    /** Every number in [start, found] without a factor below the limit and not 1 mod e was tested, in order. */
    private static void assertTestedExactlyTheSurvivors(BigInteger start, BigInteger found, List<BigInteger> tested) {
        List<BigInteger> survivors = new ArrayList<>();
        for (BigInteger n = start; n.compareTo(found) <= 0; n = n.add(BigInteger.ONE)) {
            if (n.testBit(0) && n.gcd(SMALL_PRIMORIAL).equals(BigInteger.ONE) && !n.mod(E).equals(BigInteger.ONE)) {
                survivors.add(n);
            }
        }
        assertThat(tested).containsExactlyElementsOf(survivors);
    }

    private static BigInteger plainSearch(BigInteger from) {
        return plainSearchModulo(from, E);
    }

    private static BigInteger plainSearchModulo(BigInteger from, BigInteger e) {
        BigInteger candidate = from.subtract(BigInteger.ONE).nextProbablePrime();
        while (candidate.mod(e).equals(BigInteger.ONE)) {
            candidate = candidate.nextProbablePrime();
        }
        return candidate;
    }

    private static BigInteger primorialBelow(int limit) {
        BigInteger product = BigInteger.ONE;
        for (int n = 3; n < limit; n += 2) {
            if (BigInteger.valueOf(n).isProbablePrime(30)) {
                product = product.multiply(BigInteger.valueOf(n));
            }
        }
        return product;
    }
}
