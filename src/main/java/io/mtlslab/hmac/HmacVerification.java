package io.mtlslab.hmac;

import io.mtlslab.text.Message;

/**
 * Whether a request's HMAC signature verified, and if not, why — with a stable reason code the
 * server's response, its connection log and the diagnosis use.
 *
 * @param outcome what was found
 * @param reason  one sentence for the user (never the secret or the expected signature), as a message so
 *                the connection log shows it in the reader's language
 */
public record HmacVerification(Outcome outcome, Message reason) {

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

    /** The reason in the current language. */
    public String detail() {
        return reason.text();
    }
}
