package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.text.Texts;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key types in words, one key-algorithm normaliser, and SAN IP literals read by BouncyCastle. */
class KeyWordsTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void keyTypesHaveWordsInBothLanguagesAndTheIdsStayForTheCli() {
        assertThat(KeyType.RSA_4096.displayName().text()).isEqualTo("RSA 4096 (slow to generate)");
        assertThat(KeyType.EC_P256.displayName().text()).isEqualTo("EC P-256 (recommended)");
        Texts.use(Texts.PT_BR);
        assertThat(KeyType.RSA_4096.displayName().text()).isEqualTo("RSA 4096 (demora para gerar)");
        assertThat(KeyType.EC_P256.displayName().text()).isEqualTo("EC P-256 (recomendado)");
        for (KeyType type : KeyType.values()) {
            assertThat(Texts.has(type.displayName().key())).as(type.id()).isTrue();
            assertThat(type.displayName().text()).doesNotContain(type.id());
            for (Locale language : Texts.SUPPORTED) {
                assertThat(KeyType.fromDisplay(type.displayName().text(language))).isEqualTo(type);
            }
            assertThat(KeyType.fromDisplay(type.id())).isEqualTo(type);
            assertThat(KeyType.parse(type.id())).isEqualTo(type);
        }
    }

    @Test
    void oneNormaliserNamesKeysWhateverTheProviderCallsThem() throws Exception {
        KeyPairGenerator bcEc = KeyPairGenerator.getInstance("ECDSA", BouncyCastle.PROVIDER);
        bcEc.initialize(new ECGenParameterSpec("secp384r1"));
        java.security.KeyPair ecdsa = bcEc.generateKeyPair();
        // the JDK calls its Ed25519 keys "EdDSA"
        java.security.KeyPair eddsa = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(eddsa.getPublic().getAlgorithm()).isEqualTo("EdDSA");

        assertThat(Keys.algorithm(ecdsa.getPublic())).isEqualTo("EC");
        assertThat(Keys.describe(ecdsa.getPrivate())).isEqualTo("EC P-384");
        assertThat(Keys.algorithm(eddsa.getPublic())).isEqualTo("Ed25519");
        assertThat(Keys.describe(eddsa.getPublic())).isEqualTo("Ed25519");
        assertThat(KeyType.of(ecdsa.getPublic())).isEqualTo(KeyType.EC_P384);
        assertThat(KeyType.of(eddsa.getPublic())).isEqualTo(KeyType.ED25519);
        assertThat(io.mtlslab.pki.inspect.Inspector.publicKey(eddsa.getPublic()).algorithm()).isEqualTo("Ed25519");
    }

    @Test
    void ipSansAreCheckedByBouncyCastleWithPreciseErrors() {
        assertThat(SubjectAltName.parse("ip:::ffff:192.0.2.1").value()).isEqualTo("::ffff:192.0.2.1");
        assertThat(SubjectAltName.parse("ip:2001:DB8::7").value()).isEqualTo("2001:db8::7");
        assertThat(SubjectAltName.parse("ip:10.0.0.1").value()).isEqualTo("10.0.0.1");
        assertThatThrownBy(() -> SubjectAltName.parse("ip:256.1.1.1")).hasMessageContaining("each part must be 0-255");
        assertThatThrownBy(() -> SubjectAltName.parse("ip:api.example.com")).hasMessageContaining("is not an IP address")
                .satisfies(e -> assertThat(((PkiException) e).fix()).contains("use dns: for host names"));
        assertThatThrownBy(() -> SubjectAltName.parse("ip:fe80::1%eth0")).hasMessageContaining("is not an IP address");
        // 010 is 10 to Java but 8 to inet_aton: refused, not silently read one way
        assertThatThrownBy(() -> SubjectAltName.parse("ip:010.0.0.1")).hasMessageContaining("leading zero")
                .satisfies(e -> assertThat(((PkiException) e).fix()).contains("ip:10.0.0.1"));
    }
}
