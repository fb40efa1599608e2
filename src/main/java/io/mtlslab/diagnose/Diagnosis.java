package io.mtlslab.diagnose;

import io.mtlslab.text.Message;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One failure explained for people: what happened ({@code summary}), on which side, why
 * ({@code cause}) and what to do ({@code fix}), with the raw Java message behind it and what OpenSSL,
 * Go and curl print for the same failure ({@code elsewhere}, keyed {@code openssl}, {@code go},
 * {@code curl}), so that users recognise it in their own stack.
 *
 * <p>The words are {@link Message}s rendered when read: {@link #summary()}, {@link #cause()} and
 * {@link #fix()} speak the current language, so a screen re-rendered after a language switch shows the
 * same diagnosis in the new language. The raw message and the other tools' texts stay as printed.
 */
public record Diagnosis(DiagnosisCode code, Side side, Message summaryMessage, Message causeMessage,
                        Message fixMessage, String rawMessage, Map<String, String> elsewhere) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(summaryMessage, "summaryMessage");
        rawMessage = rawMessage == null ? "" : rawMessage;
        elsewhere = elsewhere == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(elsewhere));
    }

    /** What happened, in the current language. */
    public String summary() {
        return summaryMessage.text();
    }

    /** Why, in the current language; empty when there is nothing to add. */
    public String cause() {
        return causeMessage == null ? "" : causeMessage.text();
    }

    /** What to do, in the current language; empty when there is nothing to do. */
    public String fix() {
        return fixMessage == null ? "" : fixMessage.text();
    }

    public String summary(Locale locale) {
        return summaryMessage.text(locale);
    }

    public String cause(Locale locale) {
        return causeMessage == null ? "" : causeMessage.text(locale);
    }

    public String fix(Locale locale) {
        return fixMessage == null ? "" : fixMessage.text(locale);
    }

    /** The text under one key of {@link #elsewhere}, or an empty string. */
    public String elsewhere(String tool) {
        return elsewhere.getOrDefault(tool, "");
    }
}
