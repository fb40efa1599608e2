package io.mtlslab.cli;

import io.mtlslab.text.Texts;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * Makes {@code --help} speak the command line's language: picocli reads the usage texts from the help
 * bundle ({@code io/mtlslab/cli/help*.properties}) of the language {@link Texts} speaks.
 *
 * <p>English lives in the annotations (the base bundle is empty); the Portuguese bundle overrides them.
 * The language is only known once {@code --lang} has been parsed, so the bundle is chosen again just
 * before the parsed command runs — which is when picocli prints a requested {@code --help}.
 */
final class HelpLanguage {

    static final String BUNDLE = "io.mtlslab.cli.help";

    private HelpLanguage() {
    }

    /** Sets the help bundle of {@code root} and every sub-command to the current language. */
    static void apply(CommandLine root) {
        root.setResourceBundle(bundle(Texts.locale()));
    }

    /** The help texts of {@code locale}; like the core's words, never the machine's language by fallback. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, Texts.supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code next}, run after the help has taken the language that {@code --lang} or the locale chose. */
    static CommandLine.IExecutionStrategy choosingLanguageFirst(CommandLine.IExecutionStrategy next) {
        return parseResult -> {
            apply(parseResult.commandSpec().root().commandLine());
            return next.execute(parseResult);
        };
    }
}
