package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PKCS#12 (.p12) files, written and read with BouncyCastle's PKCS#12 builders.
 *
 * <ul>
 *   <li>{@link Encryption#MODERN}: PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256 for keys and
 *       certificates, HMAC-SHA256 integrity — what OpenSSL 3 writes by default; read by
 *       {@code openssl pkcs12} without {@code -legacy}, keytool (JDK 11.0.12+), NSS and curl.</li>
 *   <li>{@link Encryption#LEGACY}: pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC, for Java 8 and
 *       old Windows consumers.</li>
 * </ul>
 *
 * A truststore holds only certificates, each marked with the JDK's "trusted for any purpose"
 * attribute so that {@code keytool -list} shows it as a {@code trustedCertEntry}.
 */
public final class Pkcs12 {

    /** How the bags and the MAC of a .p12 are protected. */
    public enum Encryption { MODERN, LEGACY }

    /** What a .p12 file holds once its password opened it. */
    public record Contents(PrivateKey privateKey, List<X509Certificate> certificates, List<String> friendlyNames,
                           String macAlgorithm, int macIterations, List<Message> encryption,
                           Message keyEncryption) {

        /** The certificate that belongs to the key (or the first one), with the others as its issuers. */
        public Credential credential() {
            if (certificates.isEmpty()) {
                throw PkiException.of("file", "p12NoCertificate");
            }
            X509Certificate leaf = certificates.get(0);
            if (privateKey != null) {
                leaf = certificates.stream().filter(c -> Keys.matches(c.getPublicKey(), privateKey)).findFirst()
                        .orElse(leaf);
            }
            List<X509Certificate> issuers = new ArrayList<>(certificates);
            issuers.remove(leaf);
            return new Credential(leaf, privateKey, Chains.order(leaf, issuers));
        }
    }

    /** The JDK's attribute marking a certificate bag as a trusted CA (keytool's trustedCertEntry). */
    static final ASN1ObjectIdentifier JDK_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");

    private static final int ITERATIONS = 10_000;
    private static final int LEGACY_ITERATIONS = 2048;
    /**
     * For passwords mTLS Lab generated itself (about 100 random bits, see {@code BatchPassword}):
     * key stretching only helps passwords people choose, so these get OpenSSL 3's default count,
     * which makes a 10,000-student batch five times faster.
     */
    private static final int GENERATED_PASSWORD_ITERATIONS = 2048;

    private Pkcs12() {
    }

    /** A .p12 with the key and the full chain (leaf first), the leaf named {@code friendlyName}. */
    public static byte[] write(Credential credential, String friendlyName, char[] password, Encryption encryption) {
        return write(credential, friendlyName, password, encryption,
                encryption == Encryption.LEGACY ? LEGACY_ITERATIONS : ITERATIONS);
    }

    /**
     * A modern .p12 protected by a password mTLS Lab generated (a workshop batch's): random enough
     * that OpenSSL's default iteration count suffices.
     */
    public static byte[] writeWithGeneratedPassword(Credential credential, String friendlyName, char[] password) {
        return write(credential, friendlyName, password, Encryption.MODERN, GENERATED_PASSWORD_ITERATIONS);
    }

    private static byte[] write(Credential credential, String friendlyName, char[] password, Encryption encryption,
                                int iterations) {
        requirePassword(password);
        if (credential.privateKey() == null) {
            throw PkiException.of("name", "noPrivateKey", friendlyName);
        }
        try {
            X509Certificate leaf = credential.certificate();
            DEROctetString localKeyId = new DEROctetString(
                    java.security.MessageDigest.getInstance("SHA-1").digest(leaf.getPublicKey().getEncoded()));
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (X509Certificate certificate : credential.fullChain()) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(certificate);
                if (certificate == leaf) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                } else {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                            new DERBMPString(Certificates.subject(certificate).commonName() == null
                                    ? Certificates.serialHex(certificate) : Certificates.subject(certificate).commonName()));
                }
                certBags.add(bag.build());
            }
            PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(Pkcs8.of(credential.privateKey()),
                    encryptor(encryption, password, iterations));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(encryption, password, iterations), certBags.toArray(PKCS12SafeBag[]::new));
            pfx.addData(keyBag.build());
            return pfx.build(macCalculator(encryption, iterations), password).getEncoded("DER");
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /** A truststore: only CA certificates, no key, each a trustedCertEntry for keytool. */
    public static byte[] truststore(List<X509Certificate> anchors, char[] password, Encryption encryption) {
        requirePassword(password);
        try {
            List<PKCS12SafeBag> bags = new ArrayList<>();
            for (X509Certificate anchor : anchors) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(anchor);
                String cn = Certificates.subject(anchor).commonName();
                bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                        new DERBMPString(cn == null ? Certificates.serialHex(anchor) : cn.toLowerCase(java.util.Locale.ROOT)));
                bag.addBagAttribute(JDK_TRUSTED_KEY_USAGE, KeyPurposeId.anyExtendedKeyUsage.toOID());
                bags.add(bag.build());
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            int iterations = encryption == Encryption.LEGACY ? LEGACY_ITERATIONS : ITERATIONS;
            pfx.addEncryptedData(encryptor(encryption, password, iterations), bags.toArray(PKCS12SafeBag[]::new));
            return pfx.build(macCalculator(encryption, iterations), password).getEncoded("DER");
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the truststore: " + e.getMessage(), e);
        }
    }

    /** Opens a .p12; a wrong password fails with field {@code password}, a damaged file with {@code file}. */
    public static Contents read(byte[] bytes, char[] password) {
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(bytes);
        } catch (IOException | RuntimeException e) {
            throw PkiException.because(e, "file", "p12Unreadable");
        }
        char[] pw = password == null ? new char[0] : password;
        String macAlgorithm = null;
        int macIterations = 0;
        try {
            if (pfx.hasMac()) {
                MacData macData = pfx.toASN1Structure().getMacData();
                macAlgorithm = AlgorithmNames.digest(macData.getMac().getAlgorithmId().getAlgorithm());
                macIterations = macData.getIterationCount().intValue();
                if (!pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(BouncyCastle.PROVIDER), pw)) {
                    throw wrongPassword(null);
                }
            }
            JcePKCSPBEInputDecryptorProviderBuilder decryptors = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER);
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = null;
            List<X509Certificate> certificates = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Message> encryption = new ArrayList<>();
            Message keyEncryption = null;
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory;
                if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                    AlgorithmIdentifier algorithm = EncryptedData.getInstance(info.getContent())
                            .getEncryptionAlgorithm();
                    encryption.add(Message.of("inspect.bag.certificates", AlgorithmNames.encryption(algorithm)));
                    factory = new PKCS12SafeBagFactory(info, decryptors.build(pw));
                } else {
                    factory = new PKCS12SafeBagFactory(info);
                }
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    Object value = bag.getBagValue();
                    if (value instanceof X509CertificateHolder holder) {
                        certificates.add(Certificates.toX509(holder));
                        String name = friendlyName(bag); // openssl pkcs12 -export sets none unless -name is given
                        if (name != null) {
                            names.add(name);
                        }
                    } else if (value instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        keyEncryption = AlgorithmNames.encryption(encrypted.getEncryptionAlgorithm());
                        encryption.add(Message.of("inspect.bag.key", keyEncryption));
                        key = converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptors.build(pw)));
                    } else if (value instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo plain) {
                        encryption.add(Message.of("inspect.bag.key.plain"));
                        key = converter.getPrivateKey(plain);
                    }
                }
            }
            return new Contents(key, List.copyOf(certificates), List.copyOf(names), macAlgorithm, macIterations,
                    List.copyOf(encryption), keyEncryption);
        } catch (PkiException e) {
            throw e;
        } catch (PKCSException e) {
            throw wrongPassword(e);
        } catch (Exception e) {
            throw PkiException.because(e, "file", "p12Damaged");
        }
    }

    private static OutputEncryptor encryptor(Encryption encryption, char[] password, int iterations) throws Exception {
        if (encryption == Encryption.LEGACY) {
            return new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                    .setProvider(BouncyCastle.PROVIDER).setIterationCount(iterations).build(password);
        }
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setProvider(BouncyCastle.PROVIDER).setIterationCount(iterations).build(password);
    }

    private static JcePKCS12MacCalculatorBuilder macCalculator(Encryption encryption, int iterations) {
        return new JcePKCS12MacCalculatorBuilder(encryption == Encryption.LEGACY ? OIWObjectIdentifiers.idSHA1
                : NISTObjectIdentifiers.id_sha256).setProvider(BouncyCastle.PROVIDER).setIterationCount(iterations);
    }

    private static String friendlyName(PKCS12SafeBag bag) {
        for (Attribute attribute : bag.getAttributes()) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName)) {
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                return value.toString();
            }
        }
        return null;
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw PkiException.of("password", "p12NeedsPassword");
        }
    }

    private static PkiException wrongPassword(Throwable cause) {
        return PkiException.because(cause, "password", "p12WrongPassword");
    }
}
