package io.mtlslab.hmac;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs a client's request with its per-client secret: the headers to add, see {@link HmacCanonicalRequest}. */
public final class RequestSigner {

    private final byte[] secret;
    private final Clock clock;

    public RequestSigner(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    public RequestSigner(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("an HMAC secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** The {@code X-Mtlslab-Timestamp} and {@code X-Mtlslab-Signature} headers for this request. */
    public Map<String, String> sign(String method, String pathAndQuery, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        String canonical = HmacCanonicalRequest.of(method, pathAndQuery, timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HmacCanonicalRequest.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(HmacCanonicalRequest.SIGNATURE_HEADER, HmacCanonicalRequest.signature(secret, canonical));
        return headers;
    }
}
