package io.mtlslab.cli;

import io.mtlslab.text.Texts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's own input errors (an unknown option, a missing one, a value of the wrong type) in the
 * user's language. picocli words them in English only; in English its words stay, in any other
 * language they are rebuilt from what the exception knows (which option, which value).
 */
final class ParseErrorWords {

    private ParseErrorWords() {
    }

    static String of(CommandLine.ParameterException exception) {
        if (Texts.locale().getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            return exception.getMessage();
        }
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arguments = quoted(unmatched.getUnmatched());
            String text = Texts.text(unmatched.isUnknownOption() ? "cli.parse.unknownOption" : "cli.parse.unmatched",
                    arguments);
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty() ? text
                    : text + " " + Texts.text("cli.parse.didYouMean", String.join(", ", suggestions));
        }
        if (exception instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return Texts.text("cli.parse.missing",
                    missing.getMissing().stream().map(ParseErrorWords::name).collect(Collectors.joining(", ")));
        }
        if (exception instanceof CommandLine.OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return Texts.text("cli.parse.overwritten", name(overwritten.getOverwritten()));
        }
        if (exception.getArgSpec() != null && exception.getValue() != null) {
            return Texts.text("cli.parse.invalidValue", name(exception.getArgSpec()), exception.getValue());
        }
        return exception.getMessage();
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return spec instanceof PositionalParamSpec positional ? positional.paramLabel() : String.valueOf(spec);
    }

    private static String quoted(List<String> arguments) {
        return arguments.stream().map(argument -> "'" + argument + "'").collect(Collectors.joining(", "));
    }
}
