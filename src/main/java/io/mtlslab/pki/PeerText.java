package io.mtlslab.pki;

/**
 * Makes text that a peer controls (a certificate's subject, issuer or SAN, a server's body or
 * headers) safe to print on one line of a log, a terminal or a table.
 *
 * <p>A certificate's DN is chosen by whoever made the certificate, so a rogue client could put a line
 * break and a forged "ACCEPTED … CN=admin" entry into our log, or terminal escapes and bidi overrides
 * that make text read differently from what it is. Every control character (C0, DEL, C1), line and
 * paragraph separator and bidi control is shown as a visible {@code \}{@code uXXXX} escape (common ones
 * as {@code \n}, {@code \r}, {@code \t}); a backslash already in the text stays as it is, since DNs
 * use it for their own escapes. Letters of any script pass through unchanged.
 */
public final class PeerText {

    private PeerText() {
    }

    /** {@code text} with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int firstUnsafe = firstUnsafe(text);
        if (firstUnsafe < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, firstUnsafe);
        for (int i = firstUnsafe; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    /** Whether {@code text} holds a character {@link #escape} would escape. */
    public static boolean hasUnsafe(String text) {
        return text != null && firstUnsafe(text) >= 0;
    }

    /** The first unsafe character of {@code text}, described for an error message, e.g. {@code U+000A}. */
    public static String describeFirstUnsafe(String text) {
        int i = text == null ? -1 : firstUnsafe(text);
        return i < 0 ? "" : String.format("U+%04X at position %d", (int) text.charAt(i), i + 1);
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C'                       // Arabic letter mark
                || (c >= '\u200B' && c <= '\u200F')   // zero-width spaces and joiners, LRM, RLM
                || (c >= '\u2028' && c <= '\u202E')   // line/paragraph separators, bidi embeddings/overrides
                || (c >= '\u2066' && c <= '\u2069')   // bidi isolates
                || c == '\uFEFF';                      // zero-width no-break space (BOM)
    }
}
