package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlgorithmNamesTest {

    private static AlgorithmIdentifier signature(String name) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(name);
    }

    /** By OID, not by the name a finder prints: ECDSA and RSASSA-PSS name their digest differently or not at all. */
    @ParameterizedTest
    @CsvSource({
        "SHA1withRSA, SHA-1", "SHA1withECDSA, SHA-1", "SHA1withDSA, SHA-1", "SHA1withRSAandMGF1, SHA-1",
        "MD5withRSA, MD5", "MD2withRSA, MD2",
        "SHA256withRSA, SHA-256", "SHA256withECDSA, SHA-256", "SHA256withRSAandMGF1, SHA-256", "SHA384withECDSA, SHA-384"})
    void theDigestOfASignatureAlgorithmComesFromItsOid(String algorithm, String digest) {
        assertThat(AlgorithmNames.signatureDigest(signature(algorithm))).contains(digest);
        assertThat(AlgorithmNames.isSha1Signature(signature(algorithm))).isEqualTo("SHA-1".equals(digest));
        assertThat(AlgorithmNames.isMdSignature(signature(algorithm))).isEqualTo(digest.startsWith("MD"));
    }

    @Test
    void rsaPssWithoutParametersHashesWithItsDefaultSha1() {
        AlgorithmIdentifier bare = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS);

        assertThat(AlgorithmNames.isSha1Signature(bare)).isTrue();
    }

    @Test
    void ed25519IsNeitherSha1NorMd() {
        assertThat(AlgorithmNames.isSha1Signature(signature("Ed25519"))).isFalse();
        assertThat(AlgorithmNames.isMdSignature(signature("Ed25519"))).isFalse();
    }
}
