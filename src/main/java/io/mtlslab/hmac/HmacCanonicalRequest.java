package io.mtlslab.hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The string both sides sign: what the HMAC layer protects, and the one place it is defined.
 *
 * <pre>
 * MTLSLAB-HMAC-SHA256\n
 * METHOD (upper case)\n
 * path with query, exactly as sent in the request line (e.g. /orders?id=7)\n
 * timestamp (Unix seconds, the X-Mtlslab-Timestamp header)\n
 * SHA-256 of the body, lower-case hex (of zero bytes when there is no body)
 * </pre>
 *
 * The signature header ({@code X-Mtlslab-Signature}) is the HMAC-SHA256 of that string under the
 * client's secret, in lower-case hex. Any client can reproduce it, e.g. with
 * {@code printf '%s' "$canonical" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY}.
 */
public final class HmacCanonicalRequest {

    /** Request header carrying the signing time, Unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Mtlslab-Timestamp";
    /** Request header carrying the signature, lower-case hex. */
    public static final String SIGNATURE_HEADER = "X-Mtlslab-Signature";
    static final String ALGORITHM = "MTLSLAB-HMAC-SHA256";

    private HmacCanonicalRequest() {
    }

    public static String of(String method, String pathAndQuery, long timestamp, byte[] body) {
        return ALGORITHM + "\n" + method.toUpperCase(Locale.ROOT) + "\n" + (pathAndQuery.isEmpty() ? "/" : pathAndQuery)
                + "\n" + timestamp + "\n" + sha256Hex(body == null ? new byte[0] : body);
    }

    /** HMAC-SHA256 of the canonical string under {@code secret}, lower-case hex. */
    static String signature(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
