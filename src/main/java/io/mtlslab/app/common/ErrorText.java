package io.mtlslab.app.common;

import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Texts;

/**
 * A core failure in the GUI's words: the problem in the current language, without the CLI's field
 * prefix, and the fix in the GUI's idiom ("tick Replace", "type a name") under
 * {@code pkierror.CODE.gui} when the CLI's fix names flags; otherwise the core's fix, which names none.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** How to fix it on screen, or {@code null}. */
    public static String fix(PkiException failure) {
        if (failure.code() != null) {
            String key = "pkierror." + failure.code() + ".gui";
            if (Texts.has(key)) {
                return Texts.text(key, failure.arguments().toArray());
            }
        }
        return failure.fix();
    }

    /** Problem — fix, one line for an inline error. */
    public static String inWords(PkiException failure) {
        String fix = fix(failure);
        return fix == null ? failure.getMessage() : failure.getMessage() + " — " + fix;
    }
}
