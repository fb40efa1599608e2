package io.mtlslab.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, passed explicitly to the PKCS#8/PKCS#12 builders that need
 * algorithms the JDK lacks (AES with PKCS#7 padding names, PKCS#12 key derivation). It is not
 * registered globally, so JSSE keeps the JDK's own providers.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
