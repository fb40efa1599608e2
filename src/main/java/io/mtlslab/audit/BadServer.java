package io.mtlslab.audit;

import io.mtlslab.text.Message;
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
        return titleText().text();
    }

    /** How bad it is when a client completes a request with this server. */
    public Severity severity() {
        return severity;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to change in common clients when they accept this server, in the current language. */
    public Map<String, String> fixes() {
        Map<String, String> fixes = new LinkedHashMap<>();
        fixTexts().forEach((kind, fix) -> fixes.put(kind, fix.text()));
        return fixes;
    }

    Message titleText() {
        return Message.of("audit.badServer." + id());
    }

    /** The fixes per client kind as messages: the option or setting, with its words translated. */
    Map<String, Message> fixTexts() {
        Map<String, Message> fixes = new LinkedHashMap<>();
        if (this == CA_NAMES_EXCLUDE_CLIENT) {
            fixes.put("any", Message.of("audit.clientFix.caNames.any"));
            return fixes;
        }
        if (this == LEGACY_TLS_ONLY) {
            fixes.put("curl", Message.of("audit.clientFix.legacy.curl"));
            fixes.put("go", Message.of("audit.clientFix.legacy.go"));
            fixes.put("java", Message.of("audit.clientFix.legacy.java"));
            fixes.put("python", Message.of("audit.clientFix.legacy.python"));
            fixes.put("node", Message.of("audit.clientFix.legacy.node"));
            return fixes;
        }
        if (this == REVOKED) {
            fixes.put("curl", Message.of("audit.clientFix.revoked.curl"));
            fixes.put("go", Message.of("audit.clientFix.revoked.go"));
            fixes.put("java", Message.of("audit.clientFix.revoked.java"));
            fixes.put("python", Message.of("audit.clientFix.revoked.python"));
            fixes.put("node", Message.of("audit.clientFix.revoked.node"));
            return fixes;
        }
        fixes.put("curl", Message.of("audit.clientFix.trust.curl"));
        fixes.put("go", Message.of("audit.clientFix.trust.go"));
        fixes.put("java", Message.of("audit.clientFix.trust.java"));
        fixes.put("python", Message.of("audit.clientFix.trust.python"));
        fixes.put("openssl", Message.of("audit.clientFix.trust.openssl"));
        fixes.put("node", Message.of("audit.clientFix.trust.node"));
        return fixes;
    }
}
