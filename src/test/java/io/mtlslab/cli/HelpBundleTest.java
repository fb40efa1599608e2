package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code --help} in Portuguese: every command, option and positional parameter of the whole command tree
 * has its text in {@code help_pt_BR.properties}, no key there is stale, and {@code --lang} or the locale
 * picks the language the help is printed in.
 */
class HelpBundleTest {

    private final Locale machineLocale = Locale.getDefault();

    @AfterEach
    void backToEnglish() {
        Locale.setDefault(machineLocale);
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyCommandOptionAndParameterHasAPortugueseText() {
        Map<String, String> english = texts(tree(HelpLanguage.bundle(Locale.ENGLISH)));
        Map<String, String> portuguese = texts(tree(HelpLanguage.bundle(Texts.PT_BR)));

        assertThat(portuguese.keySet()).isEqualTo(english.keySet());
        List<String> untranslated = new ArrayList<>();
        english.forEach((what, text) -> {
            String pt = portuguese.get(what);
            if (pt.isBlank() || pt.equals(text)) {
                untranslated.add(what + " = " + text);
            }
        });
        assertThat(untranslated).as("no Portuguese in help_pt_BR.properties for (see the key rules at its top)")
                .isEmpty();
        assertThat(english).hasSizeGreaterThan(200); // the walk really saw the whole tree
    }

    @Test
    void theSameEnglishGetsTheSamePortugueseAndDifferentEnglishDifferentPortuguese() {
        // Catches an option that silently picked up another option's bare key (same name, other meaning).
        Map<String, String> english = texts(tree(HelpLanguage.bundle(Locale.ENGLISH)));
        Map<String, String> portuguese = texts(tree(HelpLanguage.bundle(Texts.PT_BR)));
        Map<String, Set<String>> ptByEnglish = new TreeMap<>();
        Map<String, Set<String>> englishByPt = new TreeMap<>();
        english.forEach((what, text) -> {
            ptByEnglish.computeIfAbsent(text, k -> new TreeSet<>()).add(portuguese.get(what));
            englishByPt.computeIfAbsent(portuguese.get(what), k -> new TreeSet<>()).add(text);
        });

        ptByEnglish.values().removeIf(set -> set.size() == 1);
        englishByPt.values().removeIf(set -> set.size() == 1);
        assertThat(ptByEnglish).as("one English text, several Portuguese ones").isEmpty();
        assertThat(englishByPt).as("one Portuguese text for different English ones: give the option a key"
                + " prefixed with its command").isEmpty();
    }

    @Test
    void everyPortugueseKeyIsReadByTheHelpOfSomeCommand() {
        ResourceBundle portuguese = HelpLanguage.bundle(Texts.PT_BR);
        RecordingBundle recording = new RecordingBundle(portuguese);
        CommandLine root = tree(recording);

        forEachCommand(root.getCommandSpec(), spec -> spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));

        Set<String> stale = new TreeSet<>(portuguese.keySet());
        stale.removeAll(recording.read);
        assertThat(stale).as("keys in help_pt_BR.properties that no command, option or parameter reads"
                + " (renamed or removed option? misspelt command prefix?)").isEmpty();
    }

    @Test
    void englishLivesInTheAnnotationsSoTheBaseBundleIsEmpty() {
        assertThat(HelpLanguage.bundle(Locale.ENGLISH).keySet()).isEmpty();
        assertThat(HelpLanguage.bundle(Locale.ENGLISH).getLocale()).isEqualTo(Locale.ROOT);
    }

    @Test
    void langPtBrPrintsTheHelpOfASubCommandInPortuguese() {
        CliRun run = CliRun.of("--lang", "pt-BR", "ca", "create", "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Uso: mtls-lab ca create [-hV]")
                .contains("Cria uma CA raiz: ca.pem e ca.key", "Pasta de trabalho (padrão: a pasta de dados do",
                        "Nome-base dos arquivos (padrão ca).", "Mostra esta ajuda e sai.", "Mostra a versão e sai.",
                        "Idioma das mensagens: en ou pt-BR")
                .doesNotContain("Usage:", "Create a root CA", "Show this help", "Workspace folder");
    }

    @Test
    void langPtBrAfterHelpStillGivesPortugueseHeadingsAndCommandList() {
        CliRun run = CliRun.of("audit", "--help", "--lang", "pt-BR");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Uso: mtls-lab audit [-hV] [--lang=en|pt-BR] [COMANDO]")
                .contains("Audita um servidor mTLS", "Comandos:", "Sonda um servidor mTLS",
                        "Inicia um conjunto de servidores mTLS ruins")
                .doesNotContain("Usage:", "Commands:", "[COMMAND]", "Probe an mTLS server");
    }

    @Test
    void aPortugueseLocaleGivesPortugueseHelpWithoutLang() {
        Locale.setDefault(Texts.PT_BR); // what LANG=pt_BR.UTF-8 gives the JVM

        CliRun run = CliRun.of("call", "--help");

        assertThat(run.out()).startsWith("Uso: mtls-lab call")
                .contains("Chama uma URL https://", "p. ex. https://localhost:8443/",
                        "provavelmente é um desvio de autenticação", "Código de saída: 0 o servidor respondeu")
                .doesNotContain("Usage:", "Exit status");
    }

    @Test
    void helpIsEnglishByDefaultAndWithLangEnOnAPortugueseMachine() {
        Locale.setDefault(Locale.US);
        CliRun byDefault = CliRun.of("ca", "create", "--help");
        Locale.setDefault(Texts.PT_BR);
        CliRun langEn = CliRun.of("ca", "create", "--help", "--lang", "en");

        for (CliRun run : List.of(byDefault, langEn)) {
            assertThat(run.out()).as(run.toString()).startsWith("Usage: mtls-lab ca create [-hV]")
                    .contains("Create a root CA: ca.pem and ca.key", "Show this help message and exit.",
                            "Workspace folder (default: the per-user data")
                    .doesNotContain("Uso:", "Cria uma CA", "Mostra esta ajuda", "padrão");
        }
    }

    /** The real command tree, its help read from {@code bundle}. */
    private static CommandLine tree(ResourceBundle bundle) {
        CommandLine root = MtlsLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        root.setResourceBundle(bundle);
        return root;
    }

    /** Every text the help shows that a translator must write, by a stable name for where it is. */
    private static Map<String, String> texts(CommandLine root) {
        Map<String, String> texts = new LinkedHashMap<>();
        forEachCommand(root.getCommandSpec(), spec -> {
            String command = spec.qualifiedName();
            texts.put(command + " (command)", String.join("\n", spec.usageMessage().description()));
            for (OptionSpec option : spec.options()) {
                texts.put(command + " " + option.longestName(), text(option));
            }
            for (PositionalParamSpec parameter : spec.positionalParameters()) {
                texts.put(command + " " + parameter.paramLabel() + "[" + parameter.index() + "]", text(parameter));
            }
        });
        CommandLine.Model.UsageMessageSpec usage = root.getCommandSpec().usageMessage();
        texts.put("heading: usage", usage.synopsisHeading());
        texts.put("heading: commands", usage.commandListHeading());
        texts.put("synopsis: [COMMAND]", usage.synopsisSubcommandLabel());
        return texts;
    }

    private static String text(ArgSpec arg) {
        return String.join("\n", arg.description());
    }

    private static void forEachCommand(CommandSpec spec, java.util.function.Consumer<CommandSpec> action) {
        action.accept(spec);
        for (CommandLine sub : new HashSet<>(spec.subcommands().values())) {
            forEachCommand(sub.getCommandSpec(), action);
        }
    }

    /** The Portuguese bundle, remembering which keys picocli actually read. */
    private static final class RecordingBundle extends ResourceBundle {
        private final ResourceBundle delegate;
        final Set<String> read = Collections.synchronizedSet(new HashSet<>());

        RecordingBundle(ResourceBundle delegate) {
            this.delegate = delegate;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (!delegate.containsKey(key)) {
                return null;
            }
            read.add(key);
            return delegate.getObject(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return delegate.getKeys();
        }

        @Override
        public Locale getLocale() {
            return delegate.getLocale();
        }
    }
}
