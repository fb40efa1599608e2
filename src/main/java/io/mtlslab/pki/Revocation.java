package io.mtlslab.pki;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One revoked certificate as the workspace records it (under {@code settings.revocations} in
 * {@code workspace.json}) and the CRL lists it.
 *
 * @param name      the identity the certificate belonged to (after a renewal the name lives on with a new serial)
 * @param serialHex the revoked certificate's serial, lower-case hex
 * @param revokedAt when it was revoked (the CRL entry's revocationDate)
 * @param reason    why
 */
public record Revocation(String name, String serialHex, Instant revokedAt, RevocationReason reason) {

    Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("serial", serialHex);
        map.put("revokedAt", revokedAt.toString());
        map.put("reason", reason.id());
        return map;
    }

    static Revocation fromJson(Map<?, ?> map) {
        return new Revocation((String) map.get("name"), (String) map.get("serial"),
                Instant.parse(String.valueOf(map.get("revokedAt"))), RevocationReason.parse((String) map.get("reason")));
    }
}
