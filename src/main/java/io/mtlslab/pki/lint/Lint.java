package io.mtlslab.pki.lint;

import io.mtlslab.pki.AlgorithmNames;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.HostNames;
import io.mtlslab.pki.Chains;
import io.mtlslab.pki.Keys;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.inspect.CertificateDetails;
import io.mtlslab.pki.inspect.Inspector;
import io.mtlslab.pki.lint.Finding.Severity;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mTLS pre-flight lint (P7b): everything that would make a handshake or the peer's identity
 * check fail, found before the first connection — EKU/KU against the role, SANs against the host,
 * the chain up to the trust anchor, key/certificate match, validity, weak keys, SHA-1, CA pathLen.
 */
public final class Lint {

    private static final Duration SOON = Duration.ofDays(30);

    private Lint() {
    }

    /** All findings, errors first. An empty list means nothing to report. */
    public static List<Finding> check(LintRequest request) {
        List<Finding> findings = new ArrayList<>();
        X509Certificate certificate = request.certificate();
        CertificateDetails details = Inspector.certificate(certificate);
        Role role = request.role() != null ? request.role() : inferRole(details);

        checkValidity(findings, "the certificate", certificate, request);
        checkVersionAndSerial(findings, details, certificate);
        checkKeyStrength(findings, "the certificate", certificate);
        checkSignature(findings, "the certificate", certificate);
        checkKeyIdentifiers(findings, details);
        if (role != null && role.isCa()) {
            checkCa(findings, details);
        } else if (role == Role.SERVER) {
            checkServer(findings, details, request.certificate(), request.host());
        } else if (role == Role.CLIENT) {
            checkClient(findings, details, request.certificate(), request.host());
        } else if (request.host() != null) {
            checkHost(findings, details, request.certificate(), request.host(), Severity.ERROR);
        }
        if (request.privateKey() != null && !Keys.matches(certificate.getPublicKey(), request.privateKey())) {
            findings.add(new Finding(Severity.ERROR, "key-mismatch",
                    "the private key does not belong to this certificate",
                    "use the key generated together with this certificate (compare openssl pkey -pubout and openssl x509 -pubkey)"));
        }
        checkChain(findings, request);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** Whether any finding is an error. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static Role inferRole(CertificateDetails details) {
        if (details.ca()) {
            return details.selfSigned() ? Role.ROOT_CA : Role.INTERMEDIATE_CA;
        }
        boolean server = details.extendedKeyUsage().contains("serverAuth");
        boolean client = details.extendedKeyUsage().contains("clientAuth");
        return server && !client ? Role.SERVER : client && !server ? Role.CLIENT : null;
    }

    private static void checkValidity(List<Finding> findings, String which, X509Certificate certificate,
                                      LintRequest request) {
        String subject = Certificates.subjectLine(certificate);
        if (request.now().isAfter(certificate.getNotAfter().toInstant())) {
            findings.add(new Finding(Severity.ERROR, "expired", which + " (" + subject + ") expired on "
                    + certificate.getNotAfter().toInstant(), "renew it: issue it again with a new validity"));
        } else if (request.now().isBefore(certificate.getNotBefore().toInstant())) {
            findings.add(new Finding(Severity.ERROR, "not-yet-valid", which + " (" + subject
                    + ") is not valid before " + certificate.getNotBefore().toInstant(),
                    "check the clock of this machine, or issue it again starting now"));
        } else if (request.now().plus(SOON).isAfter(certificate.getNotAfter().toInstant())) {
            findings.add(new Finding(Severity.WARNING, "expires-soon", which + " (" + subject + ") expires on "
                    + certificate.getNotAfter().toInstant(), "renew it before then"));
        }
    }

    private static void checkVersionAndSerial(List<Finding> findings, CertificateDetails details,
                                              X509Certificate certificate) {
        if (details.version() != 3) {
            findings.add(new Finding(Severity.ERROR, "not-v3", "the certificate is X.509 version "
                    + details.version() + ", so it has no extensions (no SAN, EKU or CA flag)",
                    "issue a version 3 certificate (OpenSSL: pass -extfile with the extensions)"));
        }
        if (certificate.getSerialNumber().signum() <= 0) {
            findings.add(new Finding(Severity.WARNING, "serial-not-positive", "the serial number is zero or negative",
                    "issue it again with a random positive serial"));
        } else if (certificate.getSerialNumber().bitLength() > 159) {
            findings.add(new Finding(Severity.ERROR, "serial-too-long", "the serial number is longer than 20 bytes",
                    "issue it again with a serial of at most 20 bytes"));
        }
    }

    private static void checkKeyStrength(List<Finding> findings, String which, X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
            findings.add(new Finding(Severity.ERROR, "weak-key", which + " has a " + rsa.getModulus().bitLength()
                    + "-bit RSA key; TLS stacks reject keys under 2048 bits", "issue it again with --key rsa-2048 or ec-p256"));
        } else if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            findings.add(new Finding(Severity.ERROR, "weak-key", which + " has an EC key under 256 bits",
                    "issue it again with --key ec-p256 or larger"));
        }
    }

    private static void checkSignature(List<Finding> findings, String which, X509Certificate certificate) {
        if (AlgorithmNames.isSha1Signature(Certificates.holder(certificate).getSignatureAlgorithm())) {
            // A root's own signature is never checked by TLS; SHA-1 there is only a warning.
            boolean root = Certificates.isSelfSigned(certificate);
            findings.add(new Finding(root ? Severity.WARNING : Severity.ERROR, "sha1-signature",
                    which + " (" + Certificates.subjectLine(certificate) + ") is signed with SHA-1, which modern "
                            + "TLS stacks (OpenSSL 3 at security level 1+, Go, browsers) reject",
                    "issue it again signed with SHA-256 (OpenSSL: -sha256)"));
        }
    }

    private static void checkKeyIdentifiers(List<Finding> findings, CertificateDetails details) {
        if (details.subjectKeyId() == null) {
            findings.add(new Finding(details.ca() ? Severity.WARNING : Severity.INFO, "missing-ski",
                    "the certificate has no subjectKeyIdentifier", details.ca()
                            ? "issue the CA again with a subjectKeyIdentifier so that chains can be built by key id"
                            : "add subjectKeyIdentifier=hash to the extensions"));
        }
        if (details.authorityKeyId() == null && !details.selfSigned()) {
            findings.add(new Finding(Severity.WARNING, "missing-aki",
                    "the certificate has no authorityKeyIdentifier, so its issuer is found by name only",
                    "issue it again with authorityKeyIdentifier=keyid (mTLS Lab always adds it)"));
        }
    }

    private static void checkCa(List<Finding> findings, CertificateDetails details) {
        if (!details.ca()) {
            findings.add(new Finding(Severity.ERROR, "not-a-ca", "the certificate is not a CA (basicConstraints "
                    + "CA:TRUE is missing), so nothing it signs will be trusted",
                    "use the CA certificate, or create one with mtls-lab ca create"));
            return;
        }
        if (!details.keyUsage().isEmpty() && !details.keyUsage().contains("keyCertSign")) {
            findings.add(new Finding(Severity.ERROR, "ca-key-usage", "the CA's keyUsage lacks keyCertSign",
                    "issue the CA again with keyUsage keyCertSign, cRLSign"));
        }
        if (details.keyUsage().isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "ca-no-key-usage", "the CA has no keyUsage extension",
                    "issue the CA again with a critical keyUsage keyCertSign, cRLSign (openssl verify -x509_strict requires it)"));
        }
        details.extensions().stream().filter(e -> e.name().equals("basicConstraints") && !e.critical()).findFirst()
                .ifPresent(e -> findings.add(new Finding(Severity.ERROR, "ca-basic-constraints-not-critical",
                        "the CA's basicConstraints is not critical (RFC 5280 requires it; openssl verify -x509_strict fails)",
                        "issue the CA again with basicConstraints critical,CA:TRUE")));
    }

    private static void checkServer(List<Finding> findings, CertificateDetails details, X509Certificate certificate,
                                    String host) {
        checkLeaf(findings, details, "serverAuth", "a server");
        if (details.subjectAltNames().stream().noneMatch(s -> s.startsWith("DNS:") || s.startsWith("IP:"))) {
            findings.add(new Finding(Severity.ERROR, "cn-only", "the server certificate has no DNS or IP "
                    + "subjectAltName; clients (Go, browsers, curl) ignore the CN and will reject it",
                    "issue it again with --san dns:" + (host != null ? host : "localhost")
                            + " (the seed's recipe: subjectAltName = @alt_names)"));
        } else if (host != null) {
            checkHost(findings, details, certificate, host, Severity.ERROR);
        }
        if (!details.keyUsage().isEmpty() && "RSA".equals(details.publicKey().algorithm())
                && !details.keyUsage().contains("keyEncipherment")) {
            findings.add(new Finding(Severity.INFO, "rsa-no-key-encipherment", "the RSA server certificate lacks "
                    + "keyEncipherment, so TLS 1.2 RSA key-exchange suites cannot use it",
                    "fine for TLS 1.3 and ECDHE suites; add keyEncipherment for old clients"));
        }
    }

    private static void checkClient(List<Finding> findings, CertificateDetails details, X509Certificate certificate,
                                    String host) {
        checkLeaf(findings, details, "clientAuth", "a client");
        if (host != null) {
            checkHost(findings, details, certificate, host, Severity.WARNING);
        }
    }

    private static void checkLeaf(List<Finding> findings, CertificateDetails details, String purpose, String role) {
        if (details.ca()) {
            findings.add(new Finding(Severity.ERROR, "ca-as-leaf", "the certificate is a CA (CA:TRUE) but is used "
                    + "as " + role + " certificate", "issue a separate " + purpose.replace("Auth", "")
                    + " certificate from the CA"));
        }
        List<String> eku = details.extendedKeyUsage();
        if (eku.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "no-eku", "the certificate has no extendedKeyUsage; "
                    + "most stacks accept it for any purpose, strict ones do not",
                    "issue it again with extendedKeyUsage " + purpose));
        } else if (!eku.contains(purpose) && !eku.contains("anyExtendedKeyUsage")) {
            findings.add(new Finding(Severity.ERROR, "wrong-eku", "the extendedKeyUsage (" + String.join(", ", eku)
                    + ") lacks " + purpose + ", so the peer will reject it as " + role + " certificate",
                    "issue it again as " + role + " certificate (extendedKeyUsage " + purpose + ")"));
        }
        List<String> ku = details.keyUsage();
        if (!ku.isEmpty() && !ku.contains("digitalSignature")) {
            boolean rsaKeyExchange = "RSA".equals(details.publicKey().algorithm()) && ku.contains("keyEncipherment")
                    && purpose.equals("serverAuth");
            findings.add(new Finding(rsaKeyExchange ? Severity.WARNING : Severity.ERROR, "key-usage",
                    "the keyUsage (" + String.join(", ", ku) + ") lacks digitalSignature, which TLS 1.3 and "
                            + (purpose.equals("clientAuth") ? "client authentication" : "ECDHE suites") + " need",
                    "issue it again with keyUsage digitalSignature"));
        }
    }

    private static void checkHost(List<Finding> findings, CertificateDetails details, X509Certificate certificate,
                                  String host, Severity severity) {
        if (!HostNames.matches(certificate, host)) {
            findings.add(new Finding(severity, "host-not-covered", "'" + host + "' is not among the certificate's "
                    + "subjectAltNames (" + String.join(", ", details.subjectAltNames()) + ")",
                    "issue it again with --san " + (HostNames.isIpLiteral(host) ? "ip:" : "dns:") + host + ", or connect with a name it has"));
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
            findings.add(new Finding(Severity.ERROR, selfSignedLeaf ? "self-signed" : "chain-incomplete",
                    selfSignedLeaf ? "the certificate is self-signed and not a CA: no peer will trust it"
                            : request.anchors().isEmpty() && request.chain().isEmpty()
                            ? "the issuer (" + Certificates.issuerLine(top) + ") was not given, so the chain cannot be checked"
                            : "the chain stops at " + Certificates.subjectLine(top) + ": its issuer ("
                            + Certificates.issuerLine(top) + ") is not " + (request.anchors().isEmpty()
                            ? "in the chain" : "the trust anchor"),
                    request.anchors().isEmpty() && request.chain().isEmpty()
                            ? "give the CA certificate (--ca ca.pem) to check the chain"
                            : "send the missing intermediate with the certificate (a -chain.pem file), or trust the CA that issued it"));
        }
        // Every CA above the leaf: valid, a real CA, signed with a strong algorithm, pathLen respected.
        for (int i = 1; i < path.size(); i++) {
            X509Certificate ca = path.get(i);
            String which = "the issuing CA";
            checkValidity(findings, which, ca, request);
            checkKeyStrength(findings, which, ca);
            if (!Certificates.isSelfSigned(ca)) {
                checkSignature(findings, which, ca);
            }
            if (!Certificates.isCa(ca)) {
                findings.add(new Finding(Severity.ERROR, "issuer-not-ca", Certificates.subjectLine(ca)
                        + " signed a certificate but is not a CA", "issue certificates only from a CA"));
                continue;
            }
            // CA certificates below this one on the path; the linted certificate counts when it is a CA.
            int casBelow = (i - 1) + (Certificates.isCa(leaf) ? 1 : 0);
            int pathLen = ca.getBasicConstraints();
            if (pathLen != Integer.MAX_VALUE && casBelow > pathLen) {
                findings.add(new Finding(Severity.ERROR, "path-length", Certificates.subjectLine(ca) + " has pathLen "
                        + pathLen + " but " + casBelow + " CA certificate(s) follow it in the chain",
                        "issue the intermediate from a CA with a larger (or no) pathLen"));
            }
        }
    }
}
