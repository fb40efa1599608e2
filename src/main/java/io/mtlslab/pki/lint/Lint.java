package io.mtlslab.pki.lint;

import io.mtlslab.pki.AlgorithmNames;
import io.mtlslab.pki.BasicConstraints;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Chains;
import io.mtlslab.pki.ExtendedKeyUsage;
import io.mtlslab.pki.HostNames;
import io.mtlslab.pki.KeyUsage;
import io.mtlslab.pki.Keys;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.Revocation;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.lint.Finding.Severity;
import io.mtlslab.text.Message;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The mTLS pre-flight lint (P7b): everything that would make a handshake or the peer's identity
 * check fail, found before the first connection — EKU/KU against the role, SANs against the host,
 * the chain up to the trust anchor, key/certificate match, validity, revocation, weak keys, SHA-1,
 * CA pathLen.
 *
 * <p>It reads typed facts from the certificate ({@link BasicConstraints}, {@link KeyUsage},
 * {@link ExtendedKeyUsage}, {@link SubjectAltName}), never the inspector's display strings, and
 * reports codes with {@link Message}s ({@code lint.<code>} keys), so the words follow the language.
 */
public final class Lint {

    private static final Duration SOON = Duration.ofDays(30);
    private static final Message THE_CERTIFICATE = Message.of("lint.which.certificate");
    private static final Message THE_ISSUING_CA = Message.of("lint.which.issuingCa");

    private Lint() {
    }

    /** The facts the checks below read, taken once from the certificate. */
    private record Facts(X509Certificate certificate, BasicConstraints basic, boolean hasKeyUsage,
                         Set<KeyUsage> keyUsage, List<String> extendedKeyUsage, List<SubjectAltName> subjectAltNames, String keyAlgorithm) {

        static Facts of(X509Certificate certificate) {
            BasicConstraints basic;
            try {
                basic = BasicConstraints.of(certificate);
            } catch (RuntimeException e) {
                basic = BasicConstraints.ABSENT;
            }
            return new Facts(certificate, basic, KeyUsage.present(certificate), KeyUsage.of(certificate), ExtendedKeyUsage.namesOf(certificate),
                    SubjectAltName.of(certificate), Keys.algorithm(certificate.getPublicKey()));
        }

        boolean ca() {
            return basic.ca();
        }

        boolean rsa() {
            return "RSA".equals(keyAlgorithm);
        }
    }

    /** All findings, errors first. An empty list means nothing to report. */
    public static List<Finding> check(LintRequest request) {
        List<Finding> findings = new ArrayList<>();
        X509Certificate certificate = request.certificate();
        Facts facts = Facts.of(certificate);
        Role role = request.role() != null ? request.role() : inferRole(facts);

        checkValidity(findings, THE_CERTIFICATE, certificate, request);
        checkRevocation(findings, certificate, request.revocation());
        Revocation above = request.issuerRevocation();
        if (above != null) {
            findings.add(finding(Severity.ERROR, "issuer-revoked", above.name(), above.serialHex(),
                    String.valueOf(above.revokedAt()), above.reason().message()));
        }
        checkVersionAndSerial(findings, certificate);
        checkKeyStrength(findings, THE_CERTIFICATE, certificate);
        checkSignature(findings, THE_CERTIFICATE, certificate);
        checkKeyIdentifiers(findings, facts);
        if (role != null && role.isCa()) {
            checkCa(findings, facts);
        } else if (role == Role.SERVER) {
            checkServer(findings, facts, request.host());
        } else if (role == Role.CLIENT) {
            checkClient(findings, facts, request.host());
        } else if (request.host() != null) {
            checkHost(findings, facts, request.host(), Severity.ERROR);
        }
        if (request.privateKey() != null && !Keys.matches(certificate.getPublicKey(), request.privateKey())) {
            findings.add(finding(Severity.ERROR, "key-mismatch"));
        }
        checkChain(findings, request);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** Whether any finding is an error. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static Finding finding(Severity severity, String code, Object... args) {
        return new Finding(severity, code, Message.of("lint." + code, args), Message.of("lint." + code + ".fix"));
    }

    private static Finding finding(Severity severity, String code, Message what, Message fix) {
        return new Finding(severity, code, what, fix);
    }

    /** A certificate's subject or issuer as the peer wrote it, escaped: it may hide line breaks or escapes. */
    private static String subject(X509Certificate certificate) {
        return PeerText.escape(Certificates.subjectLine(certificate));
    }

    private static String issuer(X509Certificate certificate) {
        return PeerText.escape(Certificates.issuerLine(certificate));
    }

    private static Role inferRole(Facts facts) {
        if (facts.ca()) {
            return Certificates.isSelfSigned(facts.certificate()) ? Role.ROOT_CA : Role.INTERMEDIATE_CA;
        }
        boolean server = facts.extendedKeyUsage().contains(ExtendedKeyUsage.SERVER_AUTH.displayName());
        boolean client = facts.extendedKeyUsage().contains(ExtendedKeyUsage.CLIENT_AUTH.displayName());
        return server && !client ? Role.SERVER : client && !server ? Role.CLIENT : null;
    }

    private static void checkValidity(List<Finding> findings, Message which, X509Certificate certificate,
                                      LintRequest request) {
        String subject = subject(certificate);
        String notAfter = certificate.getNotAfter().toInstant().toString();
        if (request.now().isAfter(certificate.getNotAfter().toInstant())) {
            findings.add(finding(Severity.ERROR, "expired", which, subject, notAfter));
        } else if (request.now().isBefore(certificate.getNotBefore().toInstant())) {
            findings.add(finding(Severity.ERROR, "not-yet-valid", which, subject,
                    certificate.getNotBefore().toInstant().toString()));
        } else if (request.now().plus(SOON).isAfter(certificate.getNotAfter().toInstant())) {
            findings.add(finding(Severity.WARNING, "expires-soon", which, subject, notAfter));
        }
    }

    private static void checkRevocation(List<Finding> findings, X509Certificate certificate, Revocation revocation) {
        if (revocation != null && revocation.serialHex().equalsIgnoreCase(Certificates.serialHex(certificate))) {
            findings.add(finding(Severity.ERROR, "revoked", revocation.serialHex(),
                    String.valueOf(revocation.revokedAt()), revocation.reason().message()));
        }
    }

    private static void checkVersionAndSerial(List<Finding> findings, X509Certificate certificate) {
        if (certificate.getVersion() != 3) {
            findings.add(finding(Severity.ERROR, "not-v3", String.valueOf(certificate.getVersion())));
        }
        if (certificate.getSerialNumber().signum() <= 0) {
            findings.add(finding(Severity.WARNING, "serial-not-positive"));
        } else if (certificate.getSerialNumber().bitLength() > 159) {
            findings.add(finding(Severity.ERROR, "serial-too-long"));
        }
    }

    private static void checkKeyStrength(List<Finding> findings, Message which, X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        String algorithm = Keys.algorithm(key);
        int bits = Keys.bits(key);
        if ("RSA".equals(algorithm) && bits < 2048) {
            findings.add(finding(Severity.ERROR, "weak-key", Message.of("lint.weak-key.rsa", which, String.valueOf(bits)),
                    Message.of("lint.weak-key.rsa.fix")));
        } else if ("EC".equals(algorithm) && bits < 256) {
            findings.add(finding(Severity.ERROR, "weak-key", Message.of("lint.weak-key.ec", which),
                    Message.of("lint.weak-key.ec.fix")));
        }
    }

    private static void checkSignature(List<Finding> findings, Message which, X509Certificate certificate) {
        AlgorithmIdentifier algorithm = Certificates.holder(certificate).getSignatureAlgorithm();
        // A root's own signature is never checked by TLS; a weak digest there is only a warning.
        Severity severity = Certificates.isSelfSigned(certificate) ? Severity.WARNING : Severity.ERROR;
        if (AlgorithmNames.isSha1Signature(algorithm)) {
            findings.add(finding(severity, "sha1-signature", which, subject(certificate)));
        } else if (AlgorithmNames.isMdSignature(algorithm)) {
            findings.add(finding(severity, "md5-signature", which, subject(certificate),
                    AlgorithmNames.signatureDigest(algorithm).orElseThrow()));
        }
    }

    private static void checkKeyIdentifiers(List<Finding> findings, Facts facts) {
        X509Certificate certificate = facts.certificate();
        if (keyId(certificate, true) == null) {
            findings.add(finding(facts.ca() ? Severity.WARNING : Severity.INFO, "missing-ski",
                    Message.of("lint.missing-ski"),
                    Message.of(facts.ca() ? "lint.missing-ski.fix.ca" : "lint.missing-ski.fix.leaf")));
        }
        if (keyId(certificate, false) == null && !Certificates.isSelfSigned(certificate)) {
            findings.add(finding(Severity.WARNING, "missing-aki"));
        }
    }

    /** The subject (or authority) key identifier; a damaged one counts as absent. */
    private static String keyId(X509Certificate certificate, boolean subject) {
        try {
            return subject ? Certificates.subjectKeyId(certificate) : Certificates.authorityKeyId(certificate);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void checkCa(List<Finding> findings, Facts facts) {
        if (!facts.ca()) {
            findings.add(finding(Severity.ERROR, "not-a-ca"));
            return;
        }
        if (facts.hasKeyUsage() && !facts.keyUsage().contains(KeyUsage.KEY_CERT_SIGN)) {
            findings.add(finding(Severity.ERROR, "ca-key-usage"));
        }
        if (!facts.hasKeyUsage()) {
            findings.add(finding(Severity.WARNING, "ca-no-key-usage"));
        }
        if (facts.basic().present() && !facts.basic().critical()) {
            findings.add(finding(Severity.ERROR, "ca-basic-constraints-not-critical"));
        }
    }

    private static void checkServer(List<Finding> findings, Facts facts, String host) {
        checkLeaf(findings, facts, ExtendedKeyUsage.SERVER_AUTH);
        if (facts.subjectAltNames().stream().noneMatch(HostNames::namesHost)) {
            findings.add(finding(Severity.ERROR, "cn-only", Message.of("lint.cn-only"),
                    Message.of("lint.cn-only.fix", host != null ? host : "localhost")));
        } else if (host != null) {
            checkHost(findings, facts, host, Severity.ERROR);
        }
        if (facts.hasKeyUsage() && facts.rsa() && !facts.keyUsage().contains(KeyUsage.KEY_ENCIPHERMENT)) {
            findings.add(finding(Severity.INFO, "rsa-no-key-encipherment"));
        }
    }

    private static void checkClient(List<Finding> findings, Facts facts, String host) {
        checkLeaf(findings, facts, ExtendedKeyUsage.CLIENT_AUTH);
        if (host != null) {
            checkHost(findings, facts, host, Severity.WARNING);
        }
    }

    private static void checkLeaf(List<Finding> findings, Facts facts, ExtendedKeyUsage purpose) {
        String role = purpose == ExtendedKeyUsage.SERVER_AUTH ? "server" : "client";
        if (facts.ca()) {
            findings.add(finding(Severity.ERROR, "ca-as-leaf", Message.of("lint.ca-as-leaf." + role),
                    Message.of("lint.ca-as-leaf." + role + ".fix")));
        }
        List<String> eku = facts.extendedKeyUsage();
        if (eku.isEmpty()) {
            findings.add(finding(Severity.WARNING, "no-eku", Message.of("lint.no-eku"),
                    Message.of("lint.no-eku.fix", purpose.displayName())));
        } else if (!purpose.allows(facts.certificate())) {
            findings.add(finding(Severity.ERROR, "wrong-eku", Message.of("lint.wrong-eku." + role,
                    PeerText.escape(String.join(", ", eku))), Message.of("lint.wrong-eku." + role + ".fix")));
        }
        Set<KeyUsage> ku = facts.keyUsage();
        if (facts.hasKeyUsage() && !ku.contains(KeyUsage.DIGITAL_SIGNATURE)) {
            boolean rsaKeyExchange = facts.rsa() && ku.contains(KeyUsage.KEY_ENCIPHERMENT)
                    && purpose == ExtendedKeyUsage.SERVER_AUTH;
            String names = ku.stream().map(KeyUsage::displayName).collect(Collectors.joining(", "));
            findings.add(finding(rsaKeyExchange ? Severity.WARNING : Severity.ERROR, "key-usage",
                    Message.of("lint.key-usage." + role, names), Message.of("lint.key-usage.fix")));
        }
    }

    private static void checkHost(List<Finding> findings, Facts facts, String host, Severity severity) {
        if (!HostNames.matches(facts.certificate(), host)) {
            String names = facts.subjectAltNames().stream().filter(HostNames::namesHost).map(SubjectAltName::toString)
                    .collect(Collectors.joining(", "));
            String san = (HostNames.isIpLiteral(host) ? "ip:" : "dns:") + host;
            findings.add(finding(severity, "host-not-covered",
                    Message.of("lint.host-not-covered", PeerText.escape(host), PeerText.escape(names)),
                    Message.of("lint.host-not-covered.fix", PeerText.escape(san))));
        }
    }

    private static void checkChain(List<Finding> findings, LintRequest request) {
        X509Certificate leaf = request.certificate();
        List<X509Certificate> pool = new ArrayList<>(request.chain());
        pool.addAll(request.anchors());
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(Chains.order(leaf, pool));
        X509Certificate top = path.get(path.size() - 1);
        boolean selfSignedLeaf = Certificates.isSelfSigned(leaf) && !Certificates.isCa(leaf);
        boolean anchored = !selfSignedLeaf && (request.anchors().isEmpty() ? Certificates.isSelfSigned(top)
                : request.anchors().stream().anyMatch(a -> a.equals(top)));
        if (!anchored) {
            findings.add(unanchored(request, top, selfSignedLeaf));
        }
        // Every CA above the leaf: valid, a real CA, signed with a strong algorithm, pathLen respected.
        for (int i = 1; i < path.size(); i++) {
            X509Certificate ca = path.get(i);
            checkValidity(findings, THE_ISSUING_CA, ca, request);
            checkKeyStrength(findings, THE_ISSUING_CA, ca);
            if (!Certificates.isSelfSigned(ca)) {
                checkSignature(findings, THE_ISSUING_CA, ca);
            }
            if (!Certificates.isCa(ca)) {
                findings.add(finding(Severity.ERROR, "issuer-not-ca", subject(ca)));
                continue;
            }
            if (!KeyUsage.present(ca)) {
                // the seed's own `openssl req -x509` CA: fine for most clients, refused by -x509_strict
                findings.add(finding(Severity.WARNING, "issuer-no-key-usage", subject(ca)));
            }
            // CA certificates below this one on the path; the linted certificate counts when it is a CA.
            int casBelow = (i - 1) + (Certificates.isCa(leaf) ? 1 : 0);
            int pathLen = ca.getBasicConstraints();
            if (pathLen != Integer.MAX_VALUE && casBelow > pathLen) {
                findings.add(finding(Severity.ERROR, "path-length", subject(ca), String.valueOf(pathLen),
                        String.valueOf(casBelow)));
            }
        }
    }

    /** Why the chain does not reach a trust anchor, as precisely as the certificates tell. */
    private static Finding unanchored(LintRequest request, X509Certificate top, boolean selfSignedLeaf) {
        if (selfSignedLeaf) {
            return finding(Severity.ERROR, "self-signed");
        }
        // An anchor with the issuer's name but another key: the CA was replaced (or is a look-alike).
        X509Certificate namesake = request.anchors().stream()
                .filter(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal()) && !a.equals(top))
                .findFirst().orElse(null);
        if (namesake != null) {
            String signedBy = Certificates.isSelfSigned(top) ? keyId(top, true) : keyId(top, false);
            return finding(Severity.ERROR, "not-from-this-ca", Message.of("lint.not-from-this-ca", subject(namesake),
                    signedBy == null ? "?" : signedBy, String.valueOf(keyId(namesake, true))),
                    Message.of("lint.not-from-this-ca.fix"));
        }
        if (request.anchors().isEmpty() && request.chain().isEmpty()) {
            return finding(Severity.ERROR, "chain-incomplete", Message.of("lint.chain-incomplete.no-issuer", issuer(top)),
                    Message.of("lint.chain-incomplete.no-issuer.fix"));
        }
        return finding(Severity.ERROR, "chain-incomplete", Message.of(request.anchors().isEmpty()
                        ? "lint.chain-incomplete.not-in-chain" : "lint.chain-incomplete.not-anchor",
                subject(top), issuer(top)), Message.of("lint.chain-incomplete.fix"));
    }
}
