package io.mtlslab.scenario;

import io.mtlslab.call.CallResult;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.text.Message;

/**
 * One cell of the matrix: a scenario run against a server mode, expected vs actual, whether they
 * match, and the diagnosis of the call.
 *
 * @param actualMessage e.g. {@code 200 OK as CN=Cliente} or {@code refused (UNKNOWN_CA, server side)};
 *     {@link #actualText()} renders it in the current language
 * @param call the full call (handshake report, equivalents); {@code null} when the scenario did not run or
 *     ran in a child process ({@link LegacyTlsChild})
 */
public record ScenarioResult(ServerMode mode, Scenario scenario, Expectation expected, Outcome actual,
                             Message actualMessage, Status status, Diagnosis diagnosis, CallResult call) {

    /** What happened, in the current language. */
    public String actualText() {
        return actualMessage.text();
    }

    /** Whether actual matched expected. */
    public enum Status { PASS, FAIL, SKIPPED }

    /** An attack that the server let through: the lesson of a pitfall mode. */
    public boolean attackSucceeded() {
        return scenario.attack() && actual == Outcome.ACCEPTED;
    }

    public boolean matchesExpectation() {
        return status != Status.FAIL;
    }
}
