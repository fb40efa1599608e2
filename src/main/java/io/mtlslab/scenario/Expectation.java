package io.mtlslab.scenario;

import io.mtlslab.diagnose.DiagnosisCode;

/**
 * What a scenario should end in under a server mode: the outcome, the diagnosis code when refused,
 * and what it means ("authentication bypass", "refused: the server does not trust the rogue CA").
 */
public record Expectation(Outcome outcome, DiagnosisCode code, String meaning) {

    static Expectation accepted(String meaning) {
        return new Expectation(Outcome.ACCEPTED, null, meaning);
    }

    static Expectation refused(DiagnosisCode code, String meaning) {
        return new Expectation(Outcome.REFUSED, code, meaning);
    }

    static Expectation notAvailable(String why) {
        return new Expectation(Outcome.NOT_AVAILABLE, null, why);
    }

    /** e.g. {@code 200 OK} or {@code refused (UNKNOWN_CA)}. */
    public String shortText() {
        return switch (outcome) {
            case ACCEPTED -> "200 OK";
            case REFUSED -> "refused" + (code == null ? "" : " (" + code + ")");
            case NOT_AVAILABLE -> "not available";
        };
    }
}
