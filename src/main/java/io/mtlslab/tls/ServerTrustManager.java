package io.mtlslab.tls;

import io.mtlslab.pki.Certificates;
import io.mtlslab.text.Message;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The echo server's judge of client certificates: a PKIX check against the chosen anchors, the CRL
 * on top, and an explanation in plain words of every reason a chain fails.
 *
 * <p>It also decides what the CertificateRequest lists as acceptable CA names (JSSE sends whatever
 * {@link #getAcceptedIssuers()} returns), and in inspect mode ({@code acceptAnything}) it lets every
 * chain through while still recording what the secure policy would have said. Each verdict is kept
 * per {@link SSLEngine} until the server {@linkplain #takeCheck takes} it for its connection log,
 * because a JSSE handshake exception alone does not carry e.g. the rejected issuer's name. BoringSSL
 * (netty-tcnative) calls the same methods with its own engines, so the verdicts and their reasons do
 * not depend on the TLS provider.
 *
 * <p>Trusted verdicts are cached, keyed by the SHA-256 fingerprints of the chain as sent: a hit needs
 * the very CRL snapshot the chain was checked against (a reloaded CRL is a new list) and a time before
 * the earliest notAfter in the chain. The anchors never change for one trust manager (a server with
 * other anchors builds a new one, with an empty cache). Refusals are never cached: they are rare and
 * their reasons must stay current.
 */
public final class ServerTrustManager extends X509ExtendedTrustManager {

    private static final String CLIENT_AUTH = io.mtlslab.pki.ExtendedKeyUsage.CLIENT_AUTH.oid();
    private static final String ANY_USAGE = "2.5.29.37.0";
    private static final int CACHED_CHAINS = 1024;

    private final X509ExtendedTrustManager pkix;
    private final List<X509Certificate> anchors;
    private final X509Certificate[] caNames;
    private final Supplier<List<X509CRL>> crls;
    private final boolean acceptAnything;
    private final Map<SSLEngine, ServerCertificateCheck> checks = Collections.synchronizedMap(new WeakHashMap<>());
    private final TrustedChains trusted = new TrustedChains(CACHED_CHAINS);

    private ServerTrustManager(List<X509Certificate> anchors, List<X509Certificate> caNames,
                               Supplier<List<X509CRL>> crls, boolean acceptAnything) {
        this.anchors = List.copyOf(anchors);
        this.pkix = TlsContexts.trustManager(this.anchors);
        this.caNames = caNames.toArray(X509Certificate[]::new);
        this.crls = Objects.requireNonNull(crls, "crls");
        this.acceptAnything = acceptAnything;
    }

    /**
     * @param anchors the CAs trusted to issue client certificates
     * @param caNames the certificates whose subjects the CertificateRequest lists (normally {@code anchors})
     * @param crls the revocation lists to enforce ({@link ServerCrls#none()} for none)
     * @param acceptAnything inspect mode: record the verdict, but never refuse
     */
    public static ServerTrustManager create(List<X509Certificate> anchors, List<X509Certificate> caNames,
                                            Supplier<List<X509CRL>> crls, boolean acceptAnything) {
        return new ServerTrustManager(anchors, caNames, crls, acceptAnything);
    }

    /** Removes and returns the verdict recorded for {@code engine}'s handshake, or {@code null}. */
    public ServerCertificateCheck takeCheck(SSLEngine engine) {
        return checks.remove(engine);
    }

    /** The verdict of the secure policy on {@code chain}, without recording it. */
    public ServerCertificateCheck check(X509Certificate[] chain, String authType, SSLEngine engine) {
        if (chain == null || chain.length == 0) {
            return new ServerCertificateCheck(List.of(), List.of(new ServerCertificateFinding(
                    ServerCertificateFinding.NO_CERTIFICATE, Message.of("serverlog.noCertificate"))));
        }
        ByteBuffer key = TrustedChains.key(chain, "");
        List<X509CRL> currentCrls = crls.get();
        Instant now = Instant.now();
        if (trusted.contains(key, currentCrls, now)) {
            return new ServerCertificateCheck(List.of(chain), List.of());
        }
        CertificateException pkixFailure = null;
        try {
            if (engine != null) {
                pkix.checkClientTrusted(chain, authType, engine);
            } else {
                pkix.checkClientTrusted(chain, authType);
            }
        } catch (CertificateException e) {
            pkixFailure = e;
        }
        List<ServerCertificateFinding> findings = new ArrayList<>();
        if (pkixFailure != null) {
            explainTrustPath(chain, findings);
            explainValidity(chain, now, findings);
            explainUsage(chain[0], findings);
            if (findings.isEmpty()) {
                findings.add(new ServerCertificateFinding(ServerCertificateFinding.UNTRUSTED,
                        Message.of("serverfinding.untrusted", rootMessage(pkixFailure))));
            }
        }
        explainRevocation(chain, currentCrls, findings);
        if (findings.isEmpty()) {
            trusted.add(key, chain, currentCrls);
        }
        return new ServerCertificateCheck(List.of(chain), findings);
    }

    /** How many checks the cache answered (for tests and benchmarks). */
    long cacheHits() {
        return trusted.hits();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        ServerCertificateCheck check = check(chain, authType, engine);
        if (engine != null) {
            checks.put(engine, check);
        }
        enforce(check);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        enforce(check(chain, authType, null));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        enforce(check(chain, authType, null));
    }

    private void enforce(ServerCertificateCheck check) throws CertificateException {
        if (!check.trusted() && !acceptAnything) {
            throw new CertificateException(check.firstFinding().reason());
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return caNames.clone();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager judges client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager judges client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager judges client certificates only");
    }

    private void explainTrustPath(X509Certificate[] chain, List<ServerCertificateFinding> findings) {
        X509Certificate top = chain[chain.length - 1];
        if (anchors.contains(top)) {
            return;
        }
        String issuer = Certificates.issuerLine(top);
        List<X509Certificate> sameName = anchors.stream()
                .filter(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal())).toList();
        if (sameName.isEmpty()) {
            findings.add(new ServerCertificateFinding(ServerCertificateFinding.UNKNOWN_CA, Message.of(
                    Certificates.isSelfSigned(top) ? "serverfinding.unknownCa.selfSigned" : "serverfinding.unknownCa",
                    issuer)));
            return;
        }
        for (X509Certificate anchor : sameName) {
            try {
                top.verify(anchor.getPublicKey());
                return;
            } catch (GeneralSecurityException e) {
                // not this one
            }
        }
        findings.add(new ServerCertificateFinding(ServerCertificateFinding.UNKNOWN_CA,
                Message.of("serverfinding.unknownCa.lookAlike", issuer)));
    }

    private static void explainValidity(X509Certificate[] chain, Instant now, List<ServerCertificateFinding> findings) {
        for (int i = 0; i < chain.length; i++) {
            X509Certificate certificate = chain[i];
            Message which = i == 0 ? Message.of("serverfinding.which.client")
                    : Message.of("serverfinding.which.ca", Certificates.subjectLine(certificate));
            Instant notAfter = certificate.getNotAfter().toInstant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            if (now.isAfter(notAfter)) {
                findings.add(new ServerCertificateFinding(ServerCertificateFinding.EXPIRED,
                        Message.of("serverfinding.expired", which, notAfter.toString())));
            } else if (now.isBefore(notBefore)) {
                findings.add(new ServerCertificateFinding(ServerCertificateFinding.NOT_YET_VALID,
                        Message.of("serverfinding.notYetValid", which, notBefore.toString())));
            }
        }
    }

    private static void explainUsage(X509Certificate leaf, List<ServerCertificateFinding> findings) {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            usages = List.of();
        }
        if (usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE)) {
            return;
        }
        String allowed = String.join(", ", usages.stream().map(io.mtlslab.pki.ExtendedKeyUsage::nameOf).toList());
        findings.add(new ServerCertificateFinding(ServerCertificateFinding.MISSING_CLIENT_AUTH_EKU, Message.of(
                usages.contains(io.mtlslab.pki.ExtendedKeyUsage.SERVER_AUTH.oid())
                        ? "serverfinding.missingClientAuth.serverCertificate" : "serverfinding.missingClientAuth",
                allowed)));
    }

    private static void explainRevocation(X509Certificate[] chain, List<X509CRL> crls,
                                          List<ServerCertificateFinding> findings) {
        for (X509CRL crl : crls) {
            for (X509Certificate certificate : chain) {
                if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    findings.add(new ServerCertificateFinding(ServerCertificateFinding.REVOKED,
                            Message.of("serverfinding.revoked", Certificates.serialHex(certificate),
                                    Certificates.subjectLine(certificate), entry.getRevocationDate().toInstant().toString())));
                }
            }
        }
    }


    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
