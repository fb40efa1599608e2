package io.mtlslab.call;

import io.mtlslab.server.EchoResponse;
import java.util.List;

/**
 * Reads the client identity the echo server extracted from its response: the JSON form (read as the
 * server's own {@link EchoResponse} type, so the two cannot drift apart), or the seed's three text lines
 * ({@code Common Name: ...}, {@code Organization Unit: ...}, {@code Serial Number: ...}). Any other
 * server's response yields nothing.
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
                return fromEcho(EchoResponse.parse(body).client());
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }
        return fromSeedText(body);
    }

    private static PeerIdentity fromEcho(io.mtlslab.server.ClientIdentity client) {
        if (client == null) {
            return null;
        }
        return new PeerIdentity(client.subject(), client.commonName(), client.organizationalUnits(),
                client.organization(), client.serialHex(), client.issuer(), client.subjectAltNameList(),
                client.notBefore(), client.notAfter(), client.sha256Fingerprint(), null);
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
}
