package io.mtlslab.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text the core hands out, not yet in words: a bundle key and its arguments. It renders in the
 * current language when shown ({@link #text()}), so a screen that re-renders after a language switch
 * shows the same diagnosis in the new language. The key is stable and may appear in JSON.
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        // Arguments may be null (an absent value); List.copyOf would refuse them.
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** In the language chosen for the process. */
    public String text() {
        return Texts.text(key, args.toArray());
    }

    public String text(Locale locale) {
        return Texts.text(locale, key, args.toArray());
    }

    @Override
    public String toString() {
        return text();
    }
}
