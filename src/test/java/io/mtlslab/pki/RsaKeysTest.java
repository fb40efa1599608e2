package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.ExternalTool;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The RSA keys {@link KeyType#generate()} makes are sound, by the numbers and by OpenSSL's check. */
class RsaKeysTest {

    private static final BigInteger E = BigInteger.valueOf(65537);

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void everyRsaKeyHasSoundPrimesAndExponents(KeyType type) throws Exception {
        KeyPair keys = type.generate();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) keys.getPrivate();
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger n = key.getModulus();
        int half = type.bits() / 2;

        assertThat(n.bitLength()).isEqualTo(type.bits());
        assertThat(publicKey.getModulus()).isEqualTo(n);
        assertThat(publicKey.getPublicExponent()).isEqualTo(E).isEqualTo(key.getPublicExponent());
        assertThat(p.multiply(q)).isEqualTo(n);
        assertThat(p.bitLength()).isEqualTo(half);
        assertThat(q.bitLength()).isEqualTo(half);
        assertThat(p.isProbablePrime(128)).as("p is prime").isTrue();
        assertThat(q.isProbablePrime(128)).as("q is prime").isTrue();
        assertThat(p.subtract(q).abs().bitLength()).as("|p - q| (FIPS 186-4: > 2^(nlen/2 - 100))")
                .isGreaterThan(half - 100);

        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = pMinus1.multiply(qMinus1).divide(pMinus1.gcd(qMinus1));
        BigInteger d = key.getPrivateExponent();
        assertThat(d.multiply(E).mod(lcm)).as("d * e mod lcm(p-1, q-1)").isEqualTo(BigInteger.ONE);
        assertThat(d.bitLength()).as("d > 2^(nlen/2)").isGreaterThan(half);
        assertThat(key.getPrimeExponentP()).isEqualTo(d.mod(pMinus1));
        assertThat(key.getPrimeExponentQ()).isEqualTo(d.mod(qMinus1));
        assertThat(key.getCrtCoefficient().multiply(q).mod(p)).isEqualTo(BigInteger.ONE);

        byte[] data = "mTLS Lab".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(type.signatureAlgorithm());
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(type.signatureAlgorithm());
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void keysMadeAtOnceOnSeveralThreadsAreAllDifferentAndPassOpensslsCheck(@TempDir Path dir) throws Exception {
        List<CompletableFuture<KeyPair>> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(CompletableFuture.supplyAsync(KeyType.RSA_2048::generate));
        }
        Set<BigInteger> primes = new HashSet<>();
        for (int i = 0; i < made.size(); i++) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) made.get(i).get().getPrivate();
            primes.add(key.getPrimeP());
            primes.add(key.getPrimeQ());
            Path file = dir.resolve("key" + i + ".pem");
            Files.writeString(file, Pem.privateKey(key));
            ExternalTool.Result check = ExternalTool.run(dir, "openssl", "rsa", "-check", "-noout", "-in",
                    file.toString());
            assertThat(check.output()).contains("RSA key ok");
            assertThat(check.ok()).isTrue();
        }
        assertThat(primes).hasSize(6);
    }
}
