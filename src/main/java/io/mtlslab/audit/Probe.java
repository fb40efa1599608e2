package io.mtlslab.audit;

import io.mtlslab.text.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every probe of the server audit, with its stable id and the fix per server kind when it finds
 * something. The order is the order they run and are reported in.
 */
public enum Probe {
    ASKS_FOR_CERTIFICATE("ssl_verify_client on; ssl_client_certificate ca.pem; (the CA-names list comes from that file)",
            "tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}",
            "sslParameters.setNeedClientAuth(true); Spring Boot: server.ssl.client-auth=need, server.ssl.trust-store",
            "common_tls_context.validation_context.trusted_ca + require_client_certificate: true",
            "tls.createServer({ requestCert: true, rejectUnauthorized: true, ca })"),
    LEGACY_TLS("ssl_protocols TLSv1.2 TLSv1.3;", "tls.Config{MinVersion: tls.VersionTLS12}",
            "jdk.tls.disabledAlgorithms keeps TLSv1, TLSv1.1 (the default); server.ssl.enabled-protocols=TLSv1.2,TLSv1.3",
            "tls_params: { tls_minimum_protocol_version: TLSv1_2 }", "minVersion: 'TLSv1.2'"),
    NO_FORWARD_SECRECY("ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20; (no plain RSA key exchange)",
            "leave tls.Config.CipherSuites unset (Go's defaults are ECDHE only)",
            "server.ssl.ciphers with TLS_ECDHE_* suites only",
            "tls_params.cipher_suites with ECDHE suites only", "ciphers: 'ECDHE+AESGCM:ECDHE+CHACHA20'"),
    SERVER_CERTIFICATE("ssl_certificate with the full chain (leaf first), a SAN for every name clients use, EKU serverAuth",
            "tls.LoadX509KeyPair(fullchain.pem, key.pem), certificate with SANs and EKU serverAuth",
            "key store with the whole chain; certificate with SANs and EKU serverAuth",
            "tls_certificates.certificate_chain with the whole chain", "cert: the whole chain (leaf first)"),
    NO_CLIENT_CERTIFICATE("ssl_verify_client on; — or, with optional, `if ($ssl_client_verify != SUCCESS) { return 403; }`",
            "tls.RequireAndVerifyClientCert — never RequestClientCert, RequireAnyClientCert or VerifyClientCertIfGiven"
                    + " without checking r.TLS.VerifiedChains in the handler",
            "setNeedClientAuth(true) (client-auth=need), not want, unless every handler checks the peer certificate",
            "require_client_certificate: true", "requestCert: true, rejectUnauthorized: true"),
    SELF_SIGNED_COPY("ssl_verify_client on (not optional_no_ca); ssl_client_certificate with your CA only",
            "ClientAuth: tls.RequireAndVerifyClientCert with ClientCAs (RequireAnyClientCert checks nothing)",
            "a trust store with your CA only; never a trust-all TrustManager",
            "validation_context.trusted_ca with your CA; no allow_expired / trust_chain_verification: ACCEPT_UNTRUSTED",
            "rejectUnauthorized: true; check req.socket.authorized"),
    LOOK_ALIKE_CA("ssl_verify_client on; nginx checks signatures — this is accepted only with optional_no_ca",
            "ClientAuth: tls.RequireAndVerifyClientCert; never compare issuer names instead of verifying chains",
            "PKIX validation with your CA in the trust store; never match the issuer DN by string",
            "validation_context.trusted_ca; never match on the issuer name", "rejectUnauthorized: true"),
    UNTRUSTED_CA("ssl_client_certificate / ssl_trusted_certificate with your CA only",
            "ClientCAs with your CA only (without ClientCAs, Go uses the system pool)",
            "a trust store with your CA only, not cacerts", "validation_context.trusted_ca with your CA only",
            "ca: [your CA] only"),
    EXPIRED("ssl_verify_client on (nginx checks validity); no custom verify callback that ignores it",
            "tls.RequireAndVerifyClientCert; no VerifyPeerCertificate that skips expiry",
            "PKIX validation (the default); never a TrustManager that ignores CertificateExpiredException",
            "no allow_expired_certificate: true", "rejectUnauthorized: true"),
    NOT_YET_VALID("ssl_verify_client on", "tls.RequireAndVerifyClientCert",
            "PKIX validation (the default)", "the default validation_context", "rejectUnauthorized: true"),
    SERVER_CERTIFICATE_AS_CLIENT("ssl_verify_client on (OpenSSL checks the clientAuth EKU); never optional_no_ca",
            "tls.RequireAndVerifyClientCert checks ExtKeyUsageClientAuth (the default KeyUsages)",
            "the JDK checks the EKU in the default PKIX trust manager; keep it",
            "match_typed_subject_alt_names / check the identity in the filter", "check the EKU in the request handler"),
    CA_AS_CLIENT("authorise by the exact identities allowed ($ssl_client_s_dn, $ssl_client_serial)",
            "reject peer certificates with IsCA in VerifyPeerCertificate, or authorise by identity",
            "reject CA:TRUE client certificates (getBasicConstraints() != -1) in the authorisation step",
            "authorise by SAN/subject, not just by chain", "authorise by identity, not just by chain"),
    LEAF_AS_CA("ssl_verify_client on (OpenSSL refuses a non-CA issuer); no optional_no_ca",
            "tls.RequireAndVerifyClientCert (Go refuses a non-CA issuer)",
            "PKIX validation (basicConstraints checked); never a custom chain check by names",
            "the default validation_context", "rejectUnauthorized: true"),
    REVOKED("ssl_crl /path/crl.pem; (and reload when it changes)",
            "check the CRL in VerifyPeerCertificate (crypto/x509 does not read CRLs itself)",
            "PKIXRevocationChecker, or -Dcom.sun.net.ssl.checkRevocation=true with the CRL",
            "validation_context.crl", "crl: [crl.pem] in tls.createServer"),
    EXTRA_CHAIN_CERTIFICATES("nothing to do: the identity is the leaf ($ssl_client_s_dn)", "use r.TLS.VerifiedChains[0][0]",
            "use getPeerCertificates()[0]", "use the leaf's identity", "use getPeerCertificate() (the leaf)"),
    MISSING_INTERMEDIATE("ssl_client_certificate with the roots you trust only; do not add intermediates you do not mean to trust",
            "ClientCAs with roots only", "trust store with roots only", "trusted_ca with roots only", "ca: roots only"),
    IDENTITY_HEADERS("proxy_set_header X-SSL-Client-S-DN $ssl_client_s_dn; (always set, so a client cannot send its own),"
                    + " and the backend trusts the header only from the proxy",
            "take identity from r.TLS.VerifiedChains, never from a request header",
            "take identity from the TLS session / X509Certificate, not from headers; strip them at the edge",
            "forward_client_cert_details: SANITIZE_SET (never APPEND_FORWARD or FORWARD_ONLY from the edge)",
            "req.socket.getPeerCertificate(), never req.headers"),
    FETCHES_URLS("nginx does not fetch AIA/CRL URLs; check any module or OCSP setting that does",
            "do not fetch AIA or CRL URLs from peer certificates",
            "keep com.sun.security.enableAIAcaIssuers=false and CRL DP fetching off (-Dcom.sun.security.enableCRLDP=false)",
            "do not enable fetching from peer certificates", "do not fetch URLs from peer certificates"),
    ODD_NAMES("escape $ssl_client_s_dn where it is logged or passed on", "treat the subject as untrusted text",
            "never put the subject into LDAP filters, JNDI lookups (Log4Shell) or SQL unescaped",
            "escape forwarded certificate details", "treat the subject as untrusted text");

    private final Map<String, String> fixes;

    Probe(String nginx, String go, String jsse, String envoy, String node) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("nginx", nginx);
        map.put("go", go);
        map.put("java", jsse);
        map.put("envoy", envoy);
        map.put("node", node);
        this.fixes = java.util.Collections.unmodifiableMap(map);
    }

    /** The probe's id as given to {@code --probes}: {@code no-client-certificate}, {@code leaf-as-ca}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The probe's title in the current language ({@link Texts}). */
    public String title() {
        return Texts.text("audit.probe." + id());
    }

    public Map<String, String> fixes() {
        return fixes;
    }

    /** The probe with this id; {@code null} when there is none. */
    public static Probe byId(String id) {
        for (Probe probe : values()) {
            if (probe.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return probe;
            }
        }
        return null;
    }
}
