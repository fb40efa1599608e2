package io.mtlslab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The PKCS#8 PrivateKeyInfo of a key as OpenSSL writes it: what {@link Pem} and {@link Pkcs12} put in
 * every key file, so that every key mTLS Lab writes is encoded in this one place.
 *
 * <p>The JDK encodes an EC private key without the optional publicKey of its inner ECPrivateKey
 * (RFC 5915). OpenSSL always writes it and GnuTLS (certtool, gnutls-serv; 3.7 at least) refuses a key
 * without it ("ASN1 parser: Element was not found"), so EC keys get it back here: the curve stays
 * named in the algorithm identifier, as OpenSSL writes it, and the public point is derived from the
 * private scalar. Other keys (RSA, Ed25519) are written as their provider encodes them.
 */
final class Pkcs8 {

    private Pkcs8() {
    }

    static PrivateKeyInfo of(PrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            return info;
        }
        try {
            ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            return inner.getPublicKey() != null ? info : withPublicKey(info, inner);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the EC private key: " + e.getMessage(), e);
        }
    }

    /**
     * The key pair's private key, encoded as {@link #of} writes it: a key mTLS Lab generates is then equal
     * to the key read back from its file (the JDK compares keys by their encoding). The public point is
     * taken from the pair, not computed again.
     */
    static PrivateKey asWritten(java.security.KeyPair keys) {
        PrivateKey key = keys.getPrivate();
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                return key;
            }
            DERBitString point = new DERBitString(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                    .getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getOctets());
            // the order's length from the JDK's own parameters: no BouncyCastle curve to build on this path
            int orderBits = ((java.security.interfaces.ECKey) key).getParams().getOrder().bitLength();
            PrivateKeyInfo written = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), new ECPrivateKey(orderBits,
                    ECPrivateKey.getInstance(info.parsePrivateKey()).getKey(), point, null), info.getAttributes());
            return KeyFactory.getInstance(key.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(written.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot re-encode the private key: " + e.getMessage(), e);
        }
    }

    /** {@code info} with the public point, derived from the scalar, added to its ECPrivateKey (an older key file). */
    private static PrivateKeyInfo withPublicKey(PrivateKeyInfo info, ECPrivateKey inner) throws IOException {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        X9ECParameters curve = curve(X962Parameters.getInstance(algorithm.getParameters()));
        if (curve == null) {
            return info; // implicitlyCA or a curve BouncyCastle does not know: nothing to derive the point on
        }
        BigInteger scalar = inner.getKey();
        DERBitString point = new DERBitString(new FixedPointCombMultiplier().multiply(curve.getG(), scalar)
                .normalize().getEncoded(false));
        // Curve parameters stay out of the inner structure: the algorithm identifier names the curve,
        // as in OpenSSL's PKCS#8; the private key is padded to the order's length, as RFC 5915 asks.
        return new PrivateKeyInfo(algorithm, new ECPrivateKey(curve.getN().bitLength(), scalar, point, null),
                info.getAttributes());
    }

    private static X9ECParameters curve(X962Parameters parameters) {
        if (parameters.isNamedCurve()) {
            return ECNamedCurveTable.getByOID(ASN1ObjectIdentifier.getInstance(parameters.getParameters()));
        }
        if (parameters.isImplicitlyCA()) {
            return null;
        }
        return X9ECParameters.getInstance(parameters.getParameters());
    }
}
