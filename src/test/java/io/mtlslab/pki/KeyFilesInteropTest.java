package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.ExternalTool;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The private key files mTLS Lab writes — plain and encrypted PKCS#8, the keys inside both kinds of
 * .p12 — load in GnuTLS's certtool and pass OpenSSL's check; an EC key carries its public key and
 * names its curve as OpenSSL writes it (RFC 5915), which GnuTLS requires.
 */
class KeyFilesInteropTest {

    static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void issueOneIdentityPerKeyType() {
        workspace = Workspace.open(dir);
        workspace.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build(), false, null);
        for (KeyType type : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.EC_P521, KeyType.ED25519)) {
            CertificateSpec spec = CertificateSpec.builder(Role.SERVER).subject(SubjectName.seed("TI", "localhost"))
                    .keyType(type).build();
            Credential plain = workspace.issue(type.id(), spec, Workspace.CA, false, null, null);
            workspace.issue(locked(type), spec, Workspace.CA, false, PASSWORD.toCharArray(), null);
            for (ExportFormat format : List.of(ExportFormat.P12, ExportFormat.P12_LEGACY)) {
                write(format.fileName(type.id()), Exports.export(plain, format, type.id(), PASSWORD.toCharArray()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "EC_P521", "ED25519"})
    void certtoolReadsThePlainKeyFile(KeyType type) {
        ExternalTool.Result info = ExternalTool.run(dir, "certtool", "-k", "--infile", keyFile(type.id()));
        assertThat(info.ok()).as(info.output()).isTrue();
        assertThat(info.output()).contains(type.isEc() ? "Public Key Algorithm: EC/ECDSA" : "EdDSA (Ed25519)")
                .doesNotContain("import error");
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "EC_P521", "ED25519"})
    void certtoolLoadsEveryKeyFileWithItsPasswordAsTheCertificatesKey(KeyType type) throws Exception {
        assertCerttoolLoadsAsTheCertificatesKey(keyFiles(type));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "EC_P521"})
    void opensslChecksThePlainAndTheEncryptedKey(KeyType type) {
        ExternalTool.Result plain = ExternalTool.run(dir, "openssl", "pkey", "-check", "-in", keyFile(type.id()),
                "-noout");
        assertThat(plain.ok()).as(plain.output()).isTrue();
        assertThat(plain.output()).contains("Key is valid");
        ExternalTool.Result encrypted = ExternalTool.run(dir, "openssl", "pkey", "-check", "-in",
                keyFile(locked(type)), "-passin", "pass:" + PASSWORD, "-noout");
        assertThat(encrypted.ok()).as(encrypted.output()).isTrue();
        assertThat(encrypted.output()).contains("Key is valid");
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "EC_P521"})
    void everyEcKeyCarriesTheCertificatesPublicKeyAndNamesItsCurve(KeyType type) throws Exception {
        assertCarriesTheCertificatesPublicKey(keyFiles(type));
        assertThat(Pem.readText(dir.resolve(keyFile(type.id())))).as("the plain key, as openssl pkey writes it")
                .isEqualTo(ExternalTool.run(dir, "openssl", "pkey", "-in", keyFile(type.id())).output());
    }

    @Test
    void anEcKeyWrittenBeforeStillReadsAndGainsItsPublicKeyInEveryFileWrittenFromIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null)); // how mTLS Lab wrote EC keys before
        }
        assertThat(ECPrivateKey.getInstance(plainKeyIn(text.toString()).parsePrivateKey()).getPublicKey()).isNull();
        Path old = write("older.key", text.toString().getBytes(StandardCharsets.US_ASCII));

        PrivateKey read = Pem.readPrivateKey(old, null);
        assertThat(Keys.matches(keys.getPublic(), read)).isTrue();
        Credential older = CertificateIssuer.issue(CertificateSpec.builder(Role.CLIENT)
                .subject(SubjectName.seed("TI", "older")).keyType(KeyType.EC_P384).build(),
                workspace.signer(Workspace.CA, null), new KeyPair(keys.getPublic(), read));
        write("older.pem", Pem.certificate(older.certificate()).getBytes(StandardCharsets.US_ASCII));
        write("older-plain.key", Exports.export(older, ExportFormat.KEY, "older", null));
        write("older-locked.key", Exports.export(older, ExportFormat.KEY, "older", PASSWORD.toCharArray()));
        for (ExportFormat format : List.of(ExportFormat.P12, ExportFormat.P12_LEGACY)) {
            write(format.fileName("older"), Exports.export(older, format, "older", PASSWORD.toCharArray()));
        }
        List<KeyFile> written = keyFiles("older-plain.key", "older", "older-locked.key", "older", "older");
        assertCarriesTheCertificatesPublicKey(written);
        assertCerttoolLoadsAsTheCertificatesKey(written);
    }

    private static void assertCerttoolLoadsAsTheCertificatesKey(List<KeyFile> keys) throws Exception {
        SoftAssertions softly = new SoftAssertions(); // one report naming every file GnuTLS refuses
        for (KeyFile key : keys) {
            List<String> command = new ArrayList<>(List.of("certtool", "--pubkey-info", "--load-privkey", key.file()));
            command.addAll(key.certtoolOptions());
            ExternalTool.Result info = ExternalTool.run(dir, null, command);
            softly.assertThat(info.ok()).as(key.file() + ": " + info.output()).isTrue();
            if (info.ok()) {
                softly.assertThat(publicKeyPemIn(info.output())).as(key.file())
                        .isEqualTo(publicKeyPem(certificate(key.identity())));
            }
        }
        softly.assertAll();
    }

    private static void assertCarriesTheCertificatesPublicKey(List<KeyFile> keys) throws Exception {
        for (KeyFile key : keys) {
            SubjectPublicKeyInfo certificateKey = SubjectPublicKeyInfo.getInstance(
                    certificate(key.identity()).getPublicKey().getEncoded());
            X9ECParameters curve = ECNamedCurveTable.getByOID(
                    ASN1ObjectIdentifier.getInstance(certificateKey.getAlgorithm().getParameters()));
            PrivateKeyInfo info = key.read();
            assertThat(info.getPrivateKeyAlgorithm()).as(key.file() + ": id-ecPublicKey and the named curve")
                    .isEqualTo(certificateKey.getAlgorithm());
            ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            assertThat(inner.getPublicKey()).as(key.file() + ": ECPrivateKey.publicKey").isNotNull();
            assertThat(inner.getPublicKey().getOctets()).as(key.file() + ": the certificate's public key")
                    .isEqualTo(certificateKey.getPublicKeyData().getOctets());
            assertThat(inner.getPrivateKey().getOctets()).as(key.file() + ": private key octets (RFC 5915)")
                    .hasSize((curve.getN().bitLength() + 7) / 8);
            assertThat(inner.getParametersObject()).as(key.file() + ": curve named once, as OpenSSL writes it")
                    .isNull();
        }
    }

    /** A key file of one identity, how certtool opens it, and how BouncyCastle reads its PrivateKeyInfo. */
    private record KeyFile(String file, String identity, List<String> certtoolOptions, KeyReading reading) {
        PrivateKeyInfo read() throws Exception {
            return reading.read(file);
        }
    }

    private interface KeyReading {
        PrivateKeyInfo read(String file) throws Exception;
    }

    /** The plain and the encrypted key file, and the key in both kinds of .p12, of the identities of {@code type}. */
    private static List<KeyFile> keyFiles(KeyType type) {
        return keyFiles(keyFile(type.id()), type.id(), keyFile(locked(type)), locked(type), type.id());
    }

    /** Key files with the identity whose certificate ({@code IDENTITY.pem}) goes with each; the .p12 files are named for theirs. */
    private static List<KeyFile> keyFiles(String plainFile, String plainIdentity, String encryptedFile,
                                          String encryptedIdentity, String p12Identity) {
        List<String> password = List.of("--password", PASSWORD);
        List<String> derWithPassword = List.of("--inder", "--password", PASSWORD);
        return List.of(
                new KeyFile(plainFile, plainIdentity, List.of(), KeyFilesInteropTest::plainKey),
                new KeyFile(encryptedFile, encryptedIdentity, password, KeyFilesInteropTest::encryptedKey),
                new KeyFile(ExportFormat.P12.fileName(p12Identity), p12Identity, derWithPassword,
                        KeyFilesInteropTest::p12Key),
                new KeyFile(ExportFormat.P12_LEGACY.fileName(p12Identity), p12Identity, derWithPassword,
                        KeyFilesInteropTest::p12Key));
    }

    private static String locked(KeyType type) {
        return type.id() + "-locked";
    }

    private static String keyFile(String name) {
        return workspace.keyFile(name).getFileName().toString();
    }

    private static X509Certificate certificate(String identity) {
        return Pem.readCertificate(workspace.certificateFile(identity));
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String publicKeyPem(X509Certificate certificate) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate.getPublicKey());
        }
        return text.toString().strip();
    }

    /** The PUBLIC KEY block certtool prints after its description. */
    private static String publicKeyPemIn(String output) {
        int begin = output.indexOf("-----BEGIN PUBLIC KEY-----");
        String end = "-----END PUBLIC KEY-----";
        assertThat(begin).as(output).isNotNegative();
        return output.substring(begin, output.indexOf(end, begin) + end.length());
    }

    private static PrivateKeyInfo plainKey(String file) throws Exception {
        return plainKeyIn(Pem.readText(dir.resolve(file)));
    }

    private static PrivateKeyInfo plainKeyIn(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PrivateKeyInfo) parser.readObject();
        }
    }

    private static PrivateKeyInfo encryptedKey(String file) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(Pem.readText(dir.resolve(file))))) {
            return ((PKCS8EncryptedPrivateKeyInfo) parser.readObject()).decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                            .build(PASSWORD.toCharArray()));
        }
    }

    private static PrivateKeyInfo p12Key(String file) throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(dir.resolve(file)));
        var decryptors = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER);
        for (ContentInfo content : pfx.getContentInfos()) {
            PKCS12SafeBagFactory bags = content.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                    ? new PKCS12SafeBagFactory(content, decryptors.build(PASSWORD.toCharArray()))
                    : new PKCS12SafeBagFactory(content);
            for (PKCS12SafeBag bag : bags.getSafeBags()) {
                if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return encrypted.decryptPrivateKeyInfo(decryptors.build(PASSWORD.toCharArray()));
                }
            }
        }
        throw new AssertionError(file + " holds no key bag");
    }
}
