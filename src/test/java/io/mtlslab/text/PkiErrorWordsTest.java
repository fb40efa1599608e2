package io.mtlslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 §4: every error the core can raise ({@code pkierror.*}) reads in Portuguese, with its arguments
 * filled in, and a GUI's fix never names a command-line flag. Rendered through {@link Texts} as the
 * front ends do, so a quoting mistake ({@code '{0}'} left unformatted) shows up here.
 */
class PkiErrorWordsTest {

    private static final Path CORE = Path.of("src/main/resources/io/mtlslab/text/core.properties");
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    /** Sample arguments: file names, values and numbers that read the same in any language. */
    private static final Object[] SAMPLE = {"aluno07.pem", "/tmp/oficina", "8444", "9999-12-31", "x"};
    /** Texts that are rightly the same in both languages (none today; a brand or a command would be). */
    private static final Set<String> SAME_IN_BOTH = Set.of();
    /** Areas whose failures may still carry finished words (none left: audit and load speak in codes too). */
    private static final List<String> STILL_IN_WORDS = List.of();
    /** A failure whose message is a string literal (words from a bundle, context.text(…), are fine). */
    private static final Pattern FINISHED_WORDS = Pattern.compile(
            "new (?:io\\.mtlslab\\.pki\\.)?PkiException\\(\\s*[^,()]+,\\s*(?:\"|[\\w.()]+\\s*\\+\\s*\")");
    private static final Pattern CODE_IN_JAVA = Pattern.compile(
            "PkiException\\.(?:of\\(\\s*[^,()]+|because\\(\\s*[^,()]+,\\s*[^,()]+),\\s*\"([A-Za-z0-9]+)\"");

    static Stream<String> errorKeys() throws IOException {
        return english().stringPropertyNames().stream().filter(key -> key.startsWith("pkierror.")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorKeys")
    void everyErrorTextIsPortugueseWithItsArgumentsFilledIn(String key) {
        String english = Texts.text(Locale.ENGLISH, key, SAMPLE);
        String portuguese = Texts.text(Texts.PT_BR, key, SAMPLE);

        assertThat(portuguese).as("%s has Portuguese words", key).isNotEqualTo(key);
        if (!SAME_IN_BOTH.contains(key)) {
            assertThat(portuguese).as("%s is still English in pt-BR", key).isNotEqualTo(english);
        }
        assertThat(List.of(english, portuguese)).as("%s leaves a placeholder unfilled", key)
                .noneMatch(text -> text.matches("(?s).*\\{\\d.*"));
        if (key.endsWith(".gui")) {
            assertThat(List.of(english, portuguese)).as("%s is the GUI's fix: no command-line flag", key)
                    .noneMatch(text -> text.contains("--"));
        }
    }

    @Test
    void aCodeTheGuiCanMeetHasAGuiFixWhenTheCliFixNamesAFlag() throws IOException {
        // ErrorText shows the .cli fix when there is no .gui one; only codes raised in cli/ never reach a screen.
        Properties english = english();
        List<String> missing = new ArrayList<>();
        for (String code : codesOutsideTheCli()) {
            String cli = english.getProperty("pkierror." + code + ".cli", "");
            if (cli.contains("--") && !english.containsKey("pkierror." + code + ".gui")) {
                missing.add(code + " (" + cli + ")");
            }
        }
        assertThat(missing).as("codes a screen can show whose only fix names a flag").isEmpty();
    }

    @Test
    void noCoreFailureIsBuiltFromFinishedEnglish() throws IOException {
        // The audit and load areas are converted by their own change; everything else speaks in codes.
        List<String> englishSites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String path = MAIN_JAVA.relativize(file).toString().replace('\\', '/');
                if (STILL_IN_WORDS.stream().anyMatch(path::startsWith) || path.endsWith("pki/PkiException.java")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher site = FINISHED_WORDS.matcher(text);
                while (site.find()) {
                    englishSites.add(path + ":" + (text.substring(0, site.start()).split("\n", -1).length));
                }
            }
        }
        assertThat(englishSites).as("failures in finished English: use PkiException.of(field, code, args)").isEmpty();
    }

    @Test
    void aWorkshopErrorTakesTheLanguageOfTheMomentItIsShown() {
        Message problem = Message.of("pkierror.noIdentity", "aluno07", "/tmp/oficina");

        assertThat(problem.text(Locale.ENGLISH)).isEqualTo("no identity 'aluno07' in /tmp/oficina");
        assertThat(problem.text(Texts.PT_BR)).isEqualTo("não há identidade 'aluno07' em /tmp/oficina");
        assertThat(Texts.text(Texts.PT_BR, "pkierror.unknownChoice", Message.of("pkierror.kind.role"), "admin",
                "ca, intermediate, server, client")).isEqualTo("papel desconhecido: 'admin'");
    }

    private static Set<String> codesOutsideTheCli() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(MAIN_JAVA.resolve("io/mtlslab/cli")))
                    .forEach(f -> found.addAll(codes(f)));
        }
        return found;
    }

    private static Set<String> codes(Path file) {
        try {
            Set<String> found = new TreeSet<>();
            Matcher matcher = CODE_IN_JAVA.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties english() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(CORE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
