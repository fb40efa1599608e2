package io.mtlslab.audit;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * Helpers for the audit's words: texts shown as they are (peer text, HTTP answers, codes) and lists of
 * messages joined lazily, so a sentence made of parts still renders in the language of the moment.
 */
final class AuditWords {

    /** The key whose pattern is just its argument: text that is not words of ours (an answer, a name, a code). */
    static final String VERBATIM = "audit.verbatim";

    private AuditWords() {
    }

    /** {@code text} shown as it is, or {@code null} for no text. */
    static Message verbatim(Object text) {
        return text == null || "".equals(text) ? null : Message.of(VERBATIM, text);
    }

    /** A message in the current language, or an empty string for none. */
    static String text(Message message) {
        return message == null ? "" : message.text();
    }

    /** "a; b; c", rendered when shown. */
    static Message joinedBySemicolons(List<?> parts) {
        return joined("audit.join.semicolon", parts);
    }

    /** "a, b, c", rendered when shown. */
    static Message joinedByCommas(List<?> parts) {
        return joined("audit.join.comma", parts);
    }

    /** "a and b" / "a e b", rendered when shown. */
    static Message joinedByAnd(List<?> parts) {
        return joined("audit.join.and", parts);
    }

    private static Message joined(String key, List<?> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        Message joined = Message.of(VERBATIM, parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            joined = Message.of(key, parts.get(i), joined);
        }
        return joined;
    }
}
