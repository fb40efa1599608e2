package io.mtlslab.app.common;

import io.mtlslab.text.Texts;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text of the GUI: {@code messages.properties} (English) and
 * {@code messages_pt_BR.properties}, chosen from the OS locale or the user's choice.
 */
public final class I18n {

    public static final String BUNDLE = "io.mtlslab.app.messages";
    public static final Locale PT_BR = Texts.PT_BR;
    public static final List<Locale> SUPPORTED = Texts.SUPPORTED;

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale requested) {
        this.locale = supported(requested);
        // ROOT fallback control: an English OS must not pick up pt_BR through the default locale.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Portuguese for any pt locale, English otherwise. */
    public static Locale supported(Locale requested) {
        return Texts.supported(requested);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // The core's words (diagnoses, lint, log reasons, ...) live in the core's bundle.
            return Texts.text(locale, key, args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key) || Texts.has(key);
    }

    /** The other language, for the one-click switch. */
    public Locale next() {
        return PT_BR.equals(locale) ? Locale.ENGLISH : PT_BR;
    }
}
