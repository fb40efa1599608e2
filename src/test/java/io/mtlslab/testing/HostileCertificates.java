package io.mtlslab.testing;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.tls.TlsContexts;
import java.math.BigInteger;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates a rogue peer would make: names holding line breaks, terminal escapes and bidi
 * overrides, beyond RFC 5280's length bounds, built with BouncyCastle directly because mTLS Lab's own
 * issuing (and BouncyCastle's string parsing) refuses such names; a rogue CA does not.
 */
public final class HostileCertificates {

    /**
     * A CN that, printed raw, ends the log line and forges an ACCEPTED entry for {@code CN=admin}, then
     * clears the terminal line and retitles the window.
     */
    public static final String FORGED_LOG_LINE_CN = "Mallory\n2025-01-01T00:00:00Z 127.0.0.1:4444 #99 ACCEPTED TLSv1.3"
            + " TLS_AES_128_GCM_SHA256 client: CN=admin serial 01\u001b[2K\u001b]0;owned\u0007\u202Egnp.exe";

    private static long serial = System.nanoTime();

    private HostileCertificates() {
    }

    /** A client certificate (EKU clientAuth) for CN {@code commonName}, signed by {@code issuer}. */
    public static Credential client(String commonName, Credential issuer) {
        return issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Rogue")
                .addRDN(BCStyle.CN, new DERUTF8String(commonName))
                .build(), issuer, false);
    }

    /** A self-signed CA whose CN is {@code commonName}. */
    public static Credential ca(String commonName) {
        return issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String(commonName)).build(),
                null, true);
    }

    /**
     * A client TLS context that presents {@code identity} whatever CA names the server asks for, as a
     * rogue client would (the JDK's own key manager sends nothing when the names do not match).
     */
    public static SSLContext alwaysPresenting(Credential identity, X509Certificate trustedServerCa) {
        X509Certificate[] chain = identity.tlsChain().toArray(X509Certificate[]::new);
        X509ExtendedKeyManager keys = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"rogue"};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "rogue";
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return "rogue";
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return chain.clone();
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return identity.privateKey();
            }
        };
        return TlsContexts.context(keys, TlsContexts.trustManager(List.of(trustedServerCa)));
    }

    private static synchronized Credential issue(X500Name subject, Credential issuer, boolean ca) {
        try {
            KeyPair keys = KeyType.EC_P256.generate();
            X500Name issuerName = issuer == null ? subject : Certificates.x500Name(issuer.certificate());
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(++serial & Long.MAX_VALUE), new Date(now - 60_000), new Date(now + 86_400_000L),
                    subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuer == null ? keys.getPrivate()
                            : issuer.privateKey())));
            return new Credential(certificate, keys.getPrivate(), issuer == null ? List.of() : issuer.fullChain());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a hostile test certificate", e);
        }
    }
}
