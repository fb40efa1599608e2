package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.util.List;

/**
 * The one failure family of the PKI core: what went wrong, which input it concerns and how to fix it.
 *
 * <p>{@code field} names the user's input at fault (a CLI flag or wizard field such as {@code cn} or
 * {@code san}); it is {@code null} when the failure is not about one field. The message is one line,
 * written for the user, never holding a secret.
 *
 * <p>Failures made with {@link #of} speak in codes: a stable {@link #code()}, the {@link #problem()} as a
 * {@link Message} (rendered in the current language, so {@link #getMessage()} follows a GUI language
 * switch) and the CLI's own fix ({@link #fix()}: flags such as {@code --force}). A GUI shows its own
 * idiom for the code ("tick Replace") and never the CLI's hint. The remaining constructors take finished
 * English words.
 */
public class PkiException extends RuntimeException {

    private final String field;
    private final String fix;
    private final String code;
    private final Message problem;
    private final Message cliFix;

    public PkiException(String field, String message, String fix) {
        this(field, message, fix, null);
    }

    public PkiException(String field, String message, String fix, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.fix = fix;
        this.code = null;
        this.problem = null;
        this.cliFix = null;
    }

    private PkiException(String field, String code, Message problem, Message cliFix, Throwable cause) {
        super(problem.key(), cause);
        this.field = field;
        this.fix = null;
        this.code = code;
        this.problem = problem;
        this.cliFix = cliFix;
    }

    /**
     * A failure in codes: the problem's words are under {@code pkierror.CODE} with {@code args}, the CLI's
     * fix under {@code pkierror.CODE.cli} (same arguments); a GUI may have its own fix for the code.
     */
    public static PkiException of(String field, String code, Object... args) {
        return new PkiException(field, code, Message.of("pkierror." + code, args),
                Message.of("pkierror." + code + ".cli", args), null);
    }

    /** As {@link #of(String, String, Object...)}, keeping the technical {@code cause}. */
    public static PkiException because(Throwable cause, String field, String code, Object... args) {
        return new PkiException(field, code, Message.of("pkierror." + code, args),
                Message.of("pkierror." + code + ".cli", args), cause);
    }

    /** The same failure, about another input (a file read while reading a CSR is the CSR's fault, say). */
    public PkiException about(String otherField) {
        return problem == null ? new PkiException(otherField, super.getMessage(), fix, this)
                : new PkiException(otherField, code, problem, cliFix, this);
    }

    /** The problem in the current language. */
    @Override
    public String getMessage() {
        return problem == null ? super.getMessage() : problem.text();
    }

    /** The input at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** The stable code of a failure made with {@link #of}, else {@code null}. */
    public String code() {
        return code;
    }

    /** The problem as a message (key and arguments), or {@code null} for a failure in finished words. */
    public Message problem() {
        return problem;
    }

    /** The problem's arguments (for a front end's own fix text); empty when there are none. */
    public List<Object> arguments() {
        return problem == null ? List.of() : problem.args();
    }

    /** How to fix it on the command line, in one sentence, or {@code null}. */
    public String fix() {
        return cliFix != null ? cliFix.text() : fix;
    }

    /** One line for a terminal: field, problem, the CLI's fix. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        if (field != null) {
            line.append(field).append(": ");
        }
        line.append(getMessage());
        String fix = fix();
        if (fix != null) {
            line.append(" — ").append(fix);
        }
        return line.toString();
    }
}
