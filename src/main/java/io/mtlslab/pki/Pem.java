package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM text in and out, through BouncyCastle: certificates, chains and PKCS#8 private keys. */
public final class Pem {

    private Pem() {
    }

    /** One or more certificates as PEM, in the given order. */
    public static String certificates(List<X509Certificate> certificates) {
        return write(writer -> {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        });
    }

    public static String certificate(X509Certificate certificate) {
        return certificates(List.of(certificate));
    }

    /**
     * A private key as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), as OpenSSL 3 writes it (an EC key
     * with its public key, see {@link Pkcs8}).
     */
    public static String privateKey(PrivateKey key) {
        return write(writer -> writer.writeObject(new PKCS8Generator(Pkcs8.of(key), null)));
    }

    /**
     * A private key as encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}): PBES2 with AES-256-CBC
     * and PBKDF2-HMAC-SHA256, readable by {@code openssl pkey}.
     */
    public static String encryptedPrivateKey(PrivateKey key, char[] password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(210_000)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPassword(password)
                    .build();
            PemObject pem = new PKCS8Generator(Pkcs8.of(key), encryptor).generate();
            return write(writer -> writer.writeObject(pem));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the private key: " + e.getMessage(), e);
        }
    }

    /** Reads every certificate in PEM text (other blocks are skipped). */
    public static List<X509Certificate> readCertificates(String text) {
        return readCertificates(text, "the PEM text");
    }

    private static List<X509Certificate> readCertificates(String text, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : readObjects(text, source)) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(Certificates.toX509(holder));
            }
        }
        return certificates;
    }

    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = readCertificates(readText(file), file.getFileName().toString());
        if (certificates.isEmpty()) {
            throw PkiException.of("file", "pemMissingBlock", String.valueOf(file), Message.of("pkierror.kind.pemCertificate"),
                    "CERTIFICATE");
        }
        return certificates;
    }

    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    /** Reads a private key (PKCS#8, traditional RSA/EC, encrypted or not). */
    public static PrivateKey readPrivateKey(Path file, char[] password) {
        for (Object object : readObjects(readText(file), file.toString())) {
            PrivateKey key = toPrivateKey(object, password, file);
            if (key != null) {
                return key;
            }
        }
        throw PkiException.of("key", "pemMissingBlock", String.valueOf(file), Message.of("pkierror.kind.privateKey"),
                "PRIVATE KEY");
    }

    /** Whether the PEM text holds an encrypted private key (so a password must be asked for). */
    public static boolean isEncryptedKey(String text) {
        return text.contains("BEGIN ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED");
    }

    static PrivateKey toPrivateKey(Object object, char[] password, Path source) {
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                KeyPair keyPair = converter.getKeyPair(pair);
                return keyPair.getPrivate();
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassword(password, source);
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password);
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                requirePassword(password, source);
                return converter.getKeyPair(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password))).getPrivate();
            }
            return null;
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw PkiException.because(e, "password", "keyWrongPassword", String.valueOf(source));
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw PkiException.because(e, "key", "keyUnreadable", String.valueOf(source));
        }
    }

    private static void requirePassword(char[] password, Path source) {
        if (password == null || password.length == 0) {
            throw PkiException.of("password", "keyEncrypted", String.valueOf(source));
        }
    }

    /** Parses every PEM block; a damaged block fails with a message naming the source. */
    static List<Object> readObjects(String text, String source) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw damaged(source, e);
        }
        return objects;
    }

    /** The one message for a PEM block whose content does not decode; the parser's detail stays in the cause. */
    public static PkiException damaged(String source, Throwable cause) {
        return PkiException.because(cause, "file", "pemDamaged", String.valueOf(source));
    }

    public static String readText(Path file) {
        try {
            // UTF-8, leniently: text around the blocks (openssl's "friendlyName: João") is not ours to refuse.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw PkiException.because(e, "file", "fileMissing", String.valueOf(file));
        } catch (IOException e) {
            throw PkiException.because(e, "file", "cannotRead", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    private interface PemWriting {
        void writeTo(JcaPEMWriter writer) throws IOException;
    }

    private static String write(PemWriting writing) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writing.writeTo(writer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
