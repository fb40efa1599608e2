package io.mtlslab.call;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the client identity the echo server extracted from its response: the JSON form, or the
 * seed's three text lines ({@code Common Name: ...}, {@code Organization Unit: ...},
 * {@code Serial Number: ...}). Any other server's response yields nothing.
 */
final class EchoIdentityReader {

    private EchoIdentityReader() {
    }

    static PeerIdentity read(HttpResponse response) {
        if (response == null || response.body().isBlank()) {
            return null;
        }
        String body = response.body().strip();
        if (body.startsWith("{")) {
            try {
                return fromJson(JSON.std.mapFrom(body));
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }
        return fromSeedText(body);
    }

    @SuppressWarnings("unchecked")
    private static PeerIdentity fromJson(Map<String, Object> root) {
        Map<String, Object> client = null;
        for (String key : List.of("client", "clientIdentity", "identity", "peer")) {
            if (root.get(key) instanceof Map<?, ?> map) {
                client = (Map<String, Object>) map;
                break;
            }
        }
        if (client == null) {
            return null;
        }
        List<String> sans = new ArrayList<>();
        Object sanValue = first(client, "subjectAltNames", "sans", "san");
        if (sanValue instanceof List<?> list) {
            list.forEach(item -> sans.add(String.valueOf(item)));
        } else if (sanValue instanceof Map<?, ?> byType) {
            byType.forEach((type, values) -> {
                if (values instanceof List<?> items) {
                    items.forEach(v -> sans.add(type + ":" + v));
                }
            });
        }
        return new PeerIdentity(text(first(client, "subject", "subjectDn", "dn")),
                text(first(client, "commonName", "cn", "CN")), strings(first(client, "organizationalUnits", "ous", "ou", "OU")),
                text(first(client, "organization", "o", "O")), text(first(client, "serialHex", "serial", "serialNumber")),
                text(first(client, "issuer", "issuerDn")), sans, instant(first(client, "notBefore")),
                instant(first(client, "notAfter")), text(first(client, "sha256", "sha256Fingerprint", "fingerprint")), null);
    }

    private static PeerIdentity fromSeedText(String body) {
        String cn = null;
        String ou = null;
        String serial = null;
        for (String line : body.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "Common Name" -> cn = value;
                case "Organization Unit" -> ou = value;
                case "Serial Number" -> serial = value;
                default -> { }
            }
        }
        if (cn == null && serial == null) {
            return null;
        }
        return new PeerIdentity(null, cn, ou == null ? List.of() : List.of(ou), null, serial, null, List.of(),
                null, null, null, null);
    }

    private static Object first(Map<String, Object> map, String... keys) {
        for (String key : keys) {
            if (map.containsKey(key) && map.get(key) != null) {
                return map.get(key);
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
