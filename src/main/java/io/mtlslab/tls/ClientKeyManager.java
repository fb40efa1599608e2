package io.mtlslab.tls;

import io.mtlslab.pki.Credential;
import io.mtlslab.text.Message;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * The client side's key manager: offers one client identity (or none) and records what the server's
 * CertificateRequest asked for — its CA names and key types — and whether our certificate was sent,
 * or why not. That record is the "asked vs presented" view of the handshake report.
 *
 * <p>It chooses like JSSE's own and Go's client do: a certificate whose chain names none of the
 * server's CA names is withheld (an empty list means "any"). That silent choice is the most common
 * mTLS failure, so it is recorded with its reason rather than hidden.
 */
public final class ClientKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "client";

    private final Credential identity;
    private final Set<String> requestedKeyTypes = new LinkedHashSet<>();
    private List<X500Principal> acceptedIssuers;
    private boolean asked;
    private boolean chosen;
    private Message notSentReason;

    private final boolean ignoreCaNames;

    /** {@code identity} may be {@code null}: a call without a client certificate. */
    public ClientKeyManager(Credential identity) {
        this(identity, false);
    }

    /**
     * @param ignoreCaNames send the identity even when the server's CA-names list leaves its issuer out,
     *     as an attacker's client would; real clients (Go, curl, browsers, JSSE) withhold it
     */
    public ClientKeyManager(Credential identity, boolean ignoreCaNames) {
        this.identity = identity;
        this.ignoreCaNames = ignoreCaNames;
    }

    /** Whether the server sent a CertificateRequest during the handshake. */
    public synchronized boolean asked() {
        return asked;
    }

    /** The key types the server accepts ({@code EC}, {@code RSA}, {@code RSASSA-PSS}, {@code EdDSA}...). */
    public synchronized List<String> requestedKeyTypes() {
        return List.copyOf(requestedKeyTypes);
    }

    /** The CA names of the CertificateRequest; {@code null} when it sent none (any issuer accepted). */
    public synchronized List<X500Principal> acceptedIssuers() {
        return acceptedIssuers == null ? null : List.copyOf(acceptedIssuers);
    }

    /** Whether our certificate was chosen for sending. */
    public synchronized boolean sent() {
        return chosen;
    }

    /** Why no certificate was sent, in the user's words; {@code null} when it was sent. */
    public synchronized Message notSentReason() {
        if (chosen) {
            return null;
        }
        if (identity == null) {
            return Message.of("report.notSent.noIdentity");
        }
        if (!asked) {
            return Message.of("report.notSent.notAsked");
        }
        return notSentReason;
    }

    /** The chain on offer (leaf first), empty without an identity. */
    public List<X509Certificate> chainOnOffer() {
        return identity == null ? List.of() : identity.tlsChain();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes, issuers);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, issuers);
    }

    private synchronized String choose(String[] keyTypes, Principal[] issuers) {
        asked = true;
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                requestedKeyTypes.add(keyType);
            }
        }
        if (issuers != null && issuers.length > 0 && acceptedIssuers == null) {
            acceptedIssuers = new ArrayList<>();
            for (Principal issuer : issuers) {
                acceptedIssuers.add(issuer instanceof X500Principal x500 ? x500 : new X500Principal(issuer.getName()));
            }
        }
        if (identity == null || chosen) {
            return chosen ? ALIAS : null;
        }
        if (!keyTypeMatches(keyTypes)) {
            if (notSentReason == null) {
                notSentReason = Message.of("report.notSent.keyType", identity.privateKey().getAlgorithm());
            }
            return null;
        }
        if (!ignoreCaNames && issuers != null && issuers.length > 0 && !issuerAccepted(issuers)) {
            notSentReason = Message.of("report.notSent.issuer", shortIssuer());
            return null;
        }
        chosen = true;
        notSentReason = null;
        return ALIAS;
    }

    private boolean keyTypeMatches(String[] keyTypes) {
        if (keyTypes == null || keyTypes.length == 0) {
            return true;
        }
        String ours = family(identity.certificate().getPublicKey().getAlgorithm());
        for (String keyType : keyTypes) {
            // TLS 1.2 names an EC certificate "EC_EC" or "EC_RSA" (key_signer); the key part comes first
            String wanted = keyType.contains("_") && !keyType.startsWith("RSA_OR") ? keyType.split("_")[0] : keyType;
            if (family(wanted).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String family(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        if (upper.startsWith("RSA")) {
            return upper.equals("RSASSA-PSS") ? "RSASSA-PSS" : "RSA";
        }
        if (upper.equals("EC") || upper.equals("ECDSA")) {
            return "EC";
        }
        if (upper.startsWith("ED") || upper.equals("EDDSA")) {
            return "EDDSA";
        }
        return upper;
    }

    private boolean issuerAccepted(Principal[] issuers) {
        // a server may list one name twice (two system CAs with the same subject): no Set.of here
        Set<Principal> names = new java.util.HashSet<>(java.util.Arrays.asList(issuers));
        for (X509Certificate certificate : identity.tlsChain()) {
            if (names.contains(certificate.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private String shortIssuer() {
        X500Principal issuer = identity.certificate().getIssuerX500Principal();
        for (String part : issuer.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part;
            }
        }
        return issuer.getName();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return identity != null && ALIAS.equals(alias) ? identity.tlsChain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return identity != null && ALIAS.equals(alias) ? identity.privateKey() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return identity == null ? null : new String[] {ALIAS};
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
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
