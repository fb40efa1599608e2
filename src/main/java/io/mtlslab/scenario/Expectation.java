package io.mtlslab.scenario;

import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;

/**
 * What a scenario should end in under a server mode: the outcome, the diagnosis code when refused,
 * and what it means ("authentication bypass", "refused: the server does not trust the rogue CA"),
 * in words rendered when read ({@link #meaning()}).
 */
public record Expectation(Outcome outcome, DiagnosisCode code, Message meaningMessage) {

    static Expectation accepted(Message meaning) {
        return new Expectation(Outcome.ACCEPTED, null, meaning);
    }

    static Expectation refused(DiagnosisCode code, Message meaning) {
        return new Expectation(Outcome.REFUSED, code, meaning);
    }

    static Expectation notAvailable(Message why) {
        return new Expectation(Outcome.NOT_AVAILABLE, null, why);
    }

    /** What the expected outcome means, in the current language. */
    public String meaning() {
        return meaningMessage.text();
    }

    /** e.g. {@code 200 OK} or {@code refused (UNKNOWN_CA)}, in the current language. */
    public String shortText() {
        return switch (outcome) {
            case ACCEPTED -> Texts.text("scenario.expected.ACCEPTED");
            case REFUSED -> code == null ? Texts.text("scenario.expected.REFUSED")
                    : Texts.text("scenario.expected.REFUSED.code", code.name());
            case NOT_AVAILABLE -> Texts.text("scenario.expected.NOT_AVAILABLE");
        };
    }
}
