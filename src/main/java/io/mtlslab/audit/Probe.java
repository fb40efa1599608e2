package io.mtlslab.audit;

import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every probe of the server audit, with its stable id and the fix per server kind when it finds
 * something (in the core bundle, {@code audit.fix.ID.KIND}). The order is the order they run and are reported in.
 */
public enum Probe {
    ASKS_FOR_CERTIFICATE, LEGACY_TLS, NO_FORWARD_SECRECY, SERVER_CERTIFICATE, NO_CLIENT_CERTIFICATE,
    SELF_SIGNED_COPY, LOOK_ALIKE_CA, UNTRUSTED_CA, EXPIRED, NOT_YET_VALID, SERVER_CERTIFICATE_AS_CLIENT,
    CA_AS_CLIENT, LEAF_AS_CA, REVOKED, EXTRA_CHAIN_CERTIFICATES, MISSING_INTERMEDIATE, IDENTITY_HEADERS,
    FETCHES_URLS, ODD_NAMES;

    /** The server kinds every probe has a fix for, in the order they are shown. */
    public static final List<String> STACKS = List.of("nginx", "go", "java", "envoy", "node");

    /** The probe's id as given to {@code --probes}: {@code no-client-certificate}, {@code leaf-as-ca}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The probe's title in the current language ({@link Texts}). */
    public String title() {
        return titleText().text();
    }

    Message titleText() {
        return Message.of("audit.probe." + id());
    }

    /** The fix per server kind, under {@code audit.fix.ID.KIND}: the configuration, with its words translated. */
    Map<String, Message> fixTexts() {
        Map<String, Message> fixes = new LinkedHashMap<>();
        for (String stack : STACKS) {
            fixes.put(stack, Message.of("audit.fix." + id() + "." + stack));
        }
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
