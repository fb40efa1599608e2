package io.mtlslab.diagnose;

import java.util.Map;
import java.util.Objects;

/**
 * One failure explained for people: what happened ({@code summary}), on which side, why
 * ({@code cause}) and what to do ({@code fix}), with the raw Java message behind it and what OpenSSL,
 * Go and curl print for the same failure ({@code elsewhere}, keyed {@code openssl}, {@code go},
 * {@code curl}), so that users recognise it in their own stack.
 */
public record Diagnosis(DiagnosisCode code, Side side, String summary, String cause, String fix,
                        String rawMessage, Map<String, String> elsewhere) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(summary, "summary");
        cause = cause == null ? "" : cause;
        fix = fix == null ? "" : fix;
        rawMessage = rawMessage == null ? "" : rawMessage;
        elsewhere = elsewhere == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(elsewhere));
    }

    /** The text under one key of {@link #elsewhere}, or an empty string. */
    public String elsewhere(String tool) {
        return elsewhere.getOrDefault(tool, "");
    }
}
