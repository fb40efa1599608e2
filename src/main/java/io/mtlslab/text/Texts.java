package io.mtlslab.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the core — diagnoses, call outcomes, lint findings, log reasons, scenario rows, errors —
 * in English ({@code core.properties}) and Brazilian Portuguese ({@code core_pt_BR.properties}).
 *
 * <p>The core hands out {@link Message}s (a key and its arguments) and renders them only when they are
 * shown, in the language chosen for the process: the CLI's {@code --lang} or the user's locale, the
 * GUI's language switch. Both front ends read the same bundle, so a diagnosis reads the same in the
 * terminal and on screen.
 */
public final class Texts {

    public static final String BUNDLE = "io.mtlslab.text.core";
    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, PT_BR);

    private static volatile Locale current = supported(userLocale());

    private Texts() {
    }

    /** Portuguese for any {@code pt} locale, English otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && "pt".equals(requested.getLanguage()) ? PT_BR : Locale.ENGLISH;
    }

    /** The user's language as the environment names it: see {@link #userLocale(Map, Locale)}. */
    public static Locale userLocale() {
        return userLocale(System.getenv(), Locale.getDefault());
    }

    /**
     * The language the user asked for. The JVM's default, unless it is English, which is also what the
     * JVM falls back to when the locale the environment names is not installed: then {@code LC_ALL},
     * else {@code LC_MESSAGES}, else {@code LANG} (the POSIX order), so {@code LANG=pt_BR.UTF-8} means
     * Portuguese on a machine without that locale; {@code jvmDefault} when none is set or the one set
     * says {@code C}/{@code POSIX} (and on systems without these variables, e.g. Windows).
     */
    public static Locale userLocale(Map<String, String> environment, Locale jvmDefault) {
        if (!"en".equals(jvmDefault.getLanguage())) {
            return jvmDefault;
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                String tag = value.split("[.@]", 2)[0].replace('_', '-');
                return tag.equals("C") || tag.equals("POSIX") || tag.isEmpty() ? jvmDefault : Locale.forLanguageTag(tag);
            }
        }
        return jvmDefault;
    }

    /** Parses {@code en}, {@code pt-BR}, {@code pt_BR}, {@code pt}; anything else is English. */
    public static Locale parse(String tag) {
        return supported(tag == null ? null : Locale.forLanguageTag(tag.replace('_', '-')));
    }

    /** The language every message renders in from now on (the process has one reader at a time). */
    public static void use(Locale locale) {
        current = supported(locale);
    }

    public static Locale locale() {
        return current;
    }

    /** The text under {@code key} in the current language, formatted with {@code args}. */
    public static String text(String key, Object... args) {
        return text(current, key, args);
    }

    /**
     * The text under {@code key} in {@code locale}. A missing key comes back as the key itself (the
     * bundle tests make sure none is missing); {@link Message} arguments render in the same language.
     */
    public static String text(Locale locale, String key, Object... args) {
        Locale language = supported(locale);
        String pattern;
        try {
            pattern = bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Message message ? message.text(language) : args[i];
        }
        return new MessageFormat(pattern, language).format(rendered);
    }

    public static boolean has(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback to the OS locale: English must stay English on a Portuguese machine.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
