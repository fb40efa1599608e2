package io.mtlslab.app.common;

import io.mtlslab.pki.PkiException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as the user reads it: what went wrong, how to fix it, and the technical details kept
 * behind a "Details" expander.
 *
 * @param summary what went wrong, one sentence
 * @param fix     what to do about it, or {@code null}
 * @param details the exception's chain and stack, for the expander
 */
public record Problem(String summary, String fix, String details) {

    /** Renders any failure; the core's own exceptions already carry a readable message and fix. */
    public static Problem of(Throwable failure, I18n i18n) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof PkiException) && root.getMessage() == null) {
            root = root.getCause();
        }
        if (root instanceof PkiException pki) {
            String field = pki.field() == null ? "" : pki.field() + ": ";
            return new Problem(field + pki.getMessage(), pki.fix(), stackOf(failure));
        }
        String message = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
        return new Problem(i18n.get("error.unexpected", message), i18n.get("error.unexpected.fix"), stackOf(failure));
    }

    public static String stackOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
