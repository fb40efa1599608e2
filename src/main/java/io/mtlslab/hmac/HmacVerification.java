package io.mtlslab.hmac;

/**
 * Whether a request's HMAC signature verified, and if not, why — with a stable reason code the
 * server's response, its connection log and the diagnosis use.
 *
 * @param outcome what was found
 * @param detail  one sentence for the user (never the secret or the expected signature)
 */
public record HmacVerification(Outcome outcome, String detail) {

    /** The possible findings, each with its reason code. */
    public enum Outcome {
        VERIFIED("hmac-verified"),
        MISSING("hmac-missing"),
        MALFORMED("hmac-malformed"),
        STALE("hmac-stale"),
        WRONG_SIGNATURE("hmac-wrong-signature"),
        UNKNOWN_CLIENT("hmac-unknown-client");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    public String code() {
        return outcome.code();
    }
}
