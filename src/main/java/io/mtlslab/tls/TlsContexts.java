package io.mtlslab.tls;

import io.mtlslab.pki.Credential;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one place that turns credentials and trust anchors into JSSE key managers, trust managers and
 * {@link SSLContext}s. Server- and client-side policies (client auth modes, CA-name lists, recording
 * what the peer asked for) wrap the managers made here.
 */
public final class TlsContexts {

    /** TLS versions of the secure default. */
    public static final List<String> MODERN_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * The key-exchange groups we agree to, strongest-first as the JDK orders them: elliptic-curve
     * Diffie-Hellman only, as the README promises. The JDK would also offer and accept the finite-field
     * groups (RFC 7919), whose ffdhe2048 gives only 112-bit security.
     */
    public static final List<String> NAMED_GROUPS = List.of("x25519", "secp256r1", "secp384r1", "x448", "secp521r1");

    private static final char[] IN_MEMORY_PASSWORD = "mtls-lab".toCharArray();

    private TlsContexts() {
    }

    /** A key manager presenting {@code credential}'s TLS chain (leaf + intermediates). */
    public static X509ExtendedKeyManager keyManager(Credential credential) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("identity", credential.privateKey(), IN_MEMORY_PASSWORD,
                    credential.tlsChain().toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(store, IN_MEMORY_PASSWORD);
            return new InMemoryKeyManager((X509ExtendedKeyManager) factory.getKeyManagers()[0], credential);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a key manager for " + credential, e);
        }
    }

    /** A PKIX trust manager trusting exactly {@code anchors} (never the JDK's cacerts). */
    public static X509ExtendedTrustManager trustManager(Collection<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
            return trustManagerOf(store);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }

    /** The JDK's default trust manager: the system CA store ({@code cacerts}). */
    public static X509ExtendedTrustManager systemTrustManager() {
        try {
            return trustManagerOf(null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the system CA store", e);
        }
    }

    /** The system store's anchors, for combining with the workspace CA. */
    public static List<X509Certificate> systemAnchors() {
        return new ArrayList<>(List.of(systemTrustManager().getAcceptedIssuers()));
    }

    private static X509ExtendedTrustManager trustManagerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new IllegalStateException("no X509 trust manager");
    }

    /** An initialised TLS context; either manager may be {@code null} (no identity / default trust). */
    public static SSLContext context(KeyManager keyManager, TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? null : new KeyManager[] {keyManager},
                    trustManager == null ? null : new TrustManager[] {trustManager}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS", e);
        }
    }

    /**
     * Restricts {@code parameters} to {@link #NAMED_GROUPS}. Java 17 has no
     * {@code SSLParameters.setNamedGroups} (Java 20 does) and the {@code jdk.tls.namedGroups} property is
     * process-wide and read once, so the groups are refused through the engine's algorithm constraints,
     * which JSSE consults for each group by name before offering or accepting it.
     */
    public static SSLParameters withEcdheGroupsOnly(SSLParameters parameters) {
        parameters.setAlgorithmConstraints(new EcdheGroupsOnly(parameters.getAlgorithmConstraints()));
        return parameters;
    }

    /** Refuses every key-agreement group that is not elliptic-curve (see {@link #withEcdheGroupsOnly}). */
    private record EcdheGroupsOnly(AlgorithmConstraints others) implements AlgorithmConstraints {

        private static boolean finiteField(Set<CryptoPrimitive> primitives, String algorithm) {
            if (algorithm == null || !primitives.contains(CryptoPrimitive.KEY_AGREEMENT)) {
                return false;
            }
            String name = algorithm.toLowerCase(Locale.ROOT);
            return name.startsWith("ffdhe") || name.equals("diffiehellman") || name.equals("dh") || name.equals("dhe");
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return !finiteField(primitives, algorithm)
                    && (others == null || others.permits(primitives, algorithm, parameters));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return !finiteField(primitives, key.getAlgorithm()) && (others == null || others.permits(primitives, key));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
                               AlgorithmParameters parameters) {
            return !finiteField(primitives, algorithm) && !finiteField(primitives, key.getAlgorithm())
                    && (others == null || others.permits(primitives, algorithm, key, parameters));
        }
    }

    /**
     * JSSE's PKIX key manager, but handing out the credential's key and chain from memory. The PKIX
     * manager names its aliases with a fresh counter per handshake, so its own cache never hits and it
     * would unwrap the key from the PKCS#12 store (10,000 PBKDF2 rounds) on every handshake: most of
     * a server handshake's CPU. Alias choice (key type, the peer's CA names, EKU) stays the JDK's.
     */
    private static final class InMemoryKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager choice;
        private final Credential credential;
        private final X509Certificate[] chain;

        InMemoryKeyManager(X509ExtendedKeyManager choice, Credential credential) {
            this.choice = choice;
            this.credential = credential;
            this.chain = credential.tlsChain().toArray(X509Certificate[]::new);
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return choice.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return choice.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                              javax.net.ssl.SSLEngine engine) {
            return choice.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return choice.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return choice.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, java.security.Principal[] issuers,
                                              javax.net.ssl.SSLEngine engine) {
            return choice.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return alias == null ? null : chain.clone();
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return alias == null ? null : credential.privateKey();
        }
    }
}
