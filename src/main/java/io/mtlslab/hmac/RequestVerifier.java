package io.mtlslab.hmac;

import io.mtlslab.text.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The server side of the HMAC layer: recomputes the signature of a request and compares it in
 * constant time; refuses a timestamp more than {@link #DEFAULT_MAX_SKEW} away from the server's
 * clock, so a captured request cannot be replayed later.
 */
public final class RequestVerifier {

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration maxSkew;

    public RequestVerifier() {
        this(Clock.systemUTC(), DEFAULT_MAX_SKEW);
    }

    public RequestVerifier(Clock clock, Duration maxSkew) {
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /**
     * Verifies one request.
     *
     * @param secret    the client's secret, or {@code null} when the client has none
     * @param timestamp the {@code X-Mtlslab-Timestamp} header, or {@code null}
     * @param signature the {@code X-Mtlslab-Signature} header, or {@code null}
     */
    public HmacVerification verify(byte[] secret, String method, String pathAndQuery, String timestamp,
                                   String signature, byte[] body) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return fail(HmacVerification.Outcome.MISSING, Message.of("hmac.reason.missing",
                    HmacCanonicalRequest.SIGNATURE_HEADER, HmacCanonicalRequest.TIMESTAMP_HEADER));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return fail(HmacVerification.Outcome.MALFORMED, Message.of("hmac.reason.timestamp",
                    HmacCanonicalRequest.TIMESTAMP_HEADER, abbreviate(timestamp)));
        }
        String given = signature.trim().toLowerCase(Locale.ROOT);
        if (!given.matches("[0-9a-f]{64}")) {
            return fail(HmacVerification.Outcome.MALFORMED, Message.of("hmac.reason.signatureShape",
                    HmacCanonicalRequest.SIGNATURE_HEADER));
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > maxSkew.toSeconds()) {
            return fail(HmacVerification.Outcome.STALE, Message.of("hmac.reason.stale", String.valueOf(skew),
                    String.valueOf(maxSkew.toSeconds())));
        }
        if (secret == null) {
            return fail(HmacVerification.Outcome.UNKNOWN_CLIENT, Message.of("hmac.reason.unknownClient"));
        }
        String expected = HmacCanonicalRequest.signature(secret,
                HmacCanonicalRequest.of(method, pathAndQuery, seconds, body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            return fail(HmacVerification.Outcome.WRONG_SIGNATURE, Message.of("hmac.reason.wrongSignature"));
        }
        return new HmacVerification(HmacVerification.Outcome.VERIFIED, Message.of("hmac.reason.verified"));
    }

    private static HmacVerification fail(HmacVerification.Outcome outcome, Message reason) {
        return new HmacVerification(outcome, reason);
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
