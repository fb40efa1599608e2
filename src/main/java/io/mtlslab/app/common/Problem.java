package io.mtlslab.app.common;

import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.PkiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A failure as the user reads it: what went wrong, how to fix it, and the technical details kept
 * behind a "Details" expander — the cause in words and each technical message, never a Java stack
 * trace (that goes to the log file, see {@link ErrorLog}).
 *
 * @param summary what went wrong, one sentence
 * @param fix     what to do about it, or {@code null}
 * @param details the cause in words and the technical messages of the failure's chain, for the expander
 */
public record Problem(String summary, String fix, String details) {

    /** Renders any failure; the core's own exceptions already carry a readable message and fix. */
    public static Problem of(Throwable failure, I18n i18n) {
        return of(failure, i18n, null);
    }

    /** As {@link #of(Throwable, I18n)}, naming the log file that holds the full trace (or {@code null}). */
    public static Problem of(Throwable failure, I18n i18n, String logFile) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PkiException) && root.getMessage() == null) {
            root = root.getCause();
        }
        String summary;
        String fix;
        if (root instanceof PkiException pki) {
            summary = pki.getMessage();
            fix = ErrorText.fix(pki);
        } else {
            String message = root.getMessage() == null || root.getMessage().isBlank()
                    ? root.getClass().getSimpleName() : root.getMessage();
            summary = i18n.get("error.unexpected", message);
            fix = i18n.get("error.unexpected.fix");
        }
        StringBuilder details = new StringBuilder(i18n.get("error.details.cause", summary)).append("\n\n")
                .append(i18n.get("error.details.technical")).append('\n').append(technical(failure));
        if (logFile != null) {
            details.append("\n").append(i18n.get("error.details.log", logFile));
        }
        return new Problem(summary, fix, details.toString());
    }

    /** Each exception of the chain as "Type: message", one per line, without the stack. */
    public static String technical(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            text.append(t == failure ? "" : "caused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(PeerText.escape(t.getMessage()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The full stack trace, for the log file only. */
    public static String stackOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
