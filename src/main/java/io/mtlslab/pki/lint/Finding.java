package io.mtlslab.pki.lint;

import io.mtlslab.text.Message;

/**
 * One result of the pre-flight lint: how bad it is, a stable code for tests, JSON and translations,
 * what is wrong and how to fix it — as {@link Message}s, rendered in the reader's language when shown
 * ({@code lint.<code>…} keys of the core bundle).
 */
public record Finding(Severity severity, String code, Message problem, Message remedy) {

    /** ERROR: the handshake or the identity check will fail; WARNING: risky; INFO: worth knowing. */
    public enum Severity { ERROR, WARNING, INFO }

    /** What is wrong, in the current language. */
    public String what() {
        return problem.text();
    }

    /** How to fix it, in the current language. */
    public String fix() {
        return remedy.text();
    }

    /** The severity's word in the current language: ERROR / ERRO, … */
    public static Message severityName(Severity severity) {
        return Message.of("lint.severity." + severity.name());
    }
}
