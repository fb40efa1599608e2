package io.mtlslab.audit;

import io.mtlslab.text.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The servers of the client audit: each presents one thing a correct client must refuse, except the
 * controls, which a correct client must accept. A client that completes a request with a bad server
 * is vulnerable to whoever can stand in for that server.
 */
public enum BadServer {
    CORRECT(true, Severity.INFO),
    NO_CLIENT_AUTH(true, Severity.INFO),
    EXPIRED(false, Severity.HIGH),
    NOT_YET_VALID(false, Severity.HIGH),
    WRONG_HOST(false, Severity.CRITICAL),
    SELF_SIGNED_LOOK_ALIKE(false, Severity.CRITICAL),
    ROGUE_CA_SAME_NAME(false, Severity.CRITICAL),
    NO_SERVER_AUTH_EKU(false, Severity.MEDIUM),
    REVOKED(false, Severity.MEDIUM),
    SIGNED_BY_LEAF(false, Severity.CRITICAL),
    INCOMPLETE_CHAIN(false, Severity.LOW),
    LEGACY_TLS_ONLY(false, Severity.MEDIUM),
    CA_NAMES_EXCLUDE_CLIENT(false, Severity.LOW);

    private final boolean control;
    private final Severity severity;

    BadServer(boolean control, Severity severity) {
        this.control = control;
        this.severity = severity;
    }

    /** A control: a correct client completes a request here. */
    public boolean control() {
        return control;
    }

    /** What the server presents, in the current language ({@link Texts}). */
    public String title() {
        return Texts.text("audit.badServer." + id());
    }

    /** How bad it is when a client completes a request with this server. */
    public Severity severity() {
        return severity;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to change in common clients when they accept this server. */
    public Map<String, String> fixes() {
        Map<String, String> fixes = new LinkedHashMap<>();
        if (this == CA_NAMES_EXCLUDE_CLIENT) {
            fixes.put("any", "send a client certificate only to servers that list its issuer (Go, curl and browsers"
                    + " do); a client that sends it anyway discloses its identity to any server");
            return fixes;
        }
        if (this == LEGACY_TLS_ONLY) {
            fixes.put("curl", "--tlsv1.2");
            fixes.put("go", "tls.Config{MinVersion: tls.VersionTLS12}");
            fixes.put("java", "keep TLSv1 and TLSv1.1 in jdk.tls.disabledAlgorithms (the default)");
            fixes.put("python", "ctx.minimum_version = ssl.TLSVersion.TLSv1_2");
            fixes.put("node", "minVersion: 'TLSv1.2'");
            return fixes;
        }
        if (this == REVOKED) {
            fixes.put("curl", "--crlfile crl.pem (curl does not fetch CRLs itself)");
            fixes.put("go", "check the CRL in tls.Config.VerifyConnection");
            fixes.put("java", "PKIXRevocationChecker, or -Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true");
            fixes.put("python", "ctx.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF with ctx.load_verify_locations(crl.pem)");
            fixes.put("node", "crl: [crl.pem] in the TLS options");
            return fixes;
        }
        fixes.put("curl", "--cacert ca.pem, never -k/--insecure");
        fixes.put("go", "tls.Config{RootCAs: pool with ca.pem}, never InsecureSkipVerify: true");
        fixes.put("java", "a trust store with ca.pem and the default HostnameVerifier; never a trust-all TrustManager");
        fixes.put("python", "requests.get(url, verify='ca.pem', cert=(...)), never verify=False");
        fixes.put("openssl", "s_client -CAfile ca.pem -verify_return_error -verify_hostname HOST");
        fixes.put("node", "ca: [ca.pem], rejectUnauthorized: true (the default), no checkServerIdentity override");
        return fixes;
    }
}
