package io.mtlslab.pki;

/**
 * The one failure family of the PKI core: what went wrong, which input it concerns and how to fix it.
 *
 * <p>{@code field} names the user's input at fault (a CLI flag or wizard field such as {@code cn} or
 * {@code san}); it is {@code null} when the failure is not about one field. The message is one line,
 * written for the user, never holding a secret.
 */
public class PkiException extends RuntimeException {

    private final String field;
    private final String fix;

    public PkiException(String field, String message, String fix) {
        this(field, message, fix, null);
    }

    public PkiException(String field, String message, String fix, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.fix = fix;
    }

    /** The input at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** How to fix it, in one sentence, or {@code null}. */
    public String fix() {
        return fix;
    }

    /** One line for a terminal or a status bar: field, problem, fix. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        if (field != null) {
            line.append(field).append(": ");
        }
        line.append(getMessage());
        if (fix != null) {
            line.append(" — ").append(fix);
        }
        return line.toString();
    }
}
