package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line builds only the part of its tree a run needs ({@code --version}: the root alone;
 * {@code ca create}: the root and {@code ca}), and a run cannot tell: help, usage, errors and exit
 * codes are those of the whole tree, for every sub-command, in both languages.
 */
class LazyCommandTreeTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void versionBuildsTheRootAloneAndASubCommandBuildsOnlyItself() {
        assertThat(lazy("--version").getSubcommands()).isEmpty();
        assertThat(lazy("-V").getSubcommands()).isEmpty();
        assertThat(lazy("--lang", "pt-BR", "--version").getSubcommands()).isEmpty();
        assertThat(lazy("ca", "create", "--key", "ec-p256").getSubcommands()).containsOnlyKeys("ca");
        assertThat(lazy("--lang", "pt-BR", "call", "https://localhost/").getSubcommands()).containsOnlyKeys("call");
        assertThat(lazy("--lang=en", "serve", "--help").getSubcommands()).containsOnlyKeys("serve");
    }

    @Test
    void helpNoArgumentsAndUnknownNamesGetTheWholeTree() {
        int all = full().getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-h"},
                new String[] {"nope"}, new String[] {"--nope", "ca"}, new String[] {"--", "ca"},
                new String[] {"--lang", "ca"}, new String[] {"--lang", "pt-BR"}, new String[] {"--version", "--help"})) {
            assertThat(lazy(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void everySubCommandIsFoundByTheNameItsAnnotationGivesIt() {
        for (String name : full().getSubcommands().keySet()) {
            assertThat(MtlsLabCommand.subcommandsFor(name, "--help")).containsExactly(name);
            assertThat(lazy(name, "--help").getSubcommands()).containsOnlyKeys(name);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"--version", "-V", "--lang pt-BR --version", "--version --help", "--lang fr --version"})
    void theVersionAnsweredWithoutPicocliIsPicocliAnswer(String line) {
        String[] args = line.split(" ");
        CliRun whole = run(full(), args);
        Texts.use(Locale.ENGLISH);

        assertThat(CliRun.of(args)).isEqualTo(whole);
        assertThat(CliRun.of("--version").out()).matches("mtls-lab \\S+\\R");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("everyCommandsHelp")
    void theLazyTreeGivesTheSameUsageAsTheWholeOne(String line) {
        String[] args = line.split(" ");
        CliRun whole = run(full(), args);
        Texts.use(Locale.ENGLISH);
        CliRun lazy = run(lazy(args), args);

        assertThat(lazy).isEqualTo(whole);
        assertThat(whole.out()).contains(line.startsWith("--lang pt-BR") ? "Uso: mtls-lab" : "Usage: mtls-lab");
    }

    /** {@code NAME --help} for every command and sub-command, in English and in Portuguese. */
    static Stream<String> everyCommandsHelp() {
        List<String> lines = new ArrayList<>();
        collect(full(), "", lines);
        return lines.stream().flatMap(line -> Stream.of(line + "--help", "--lang pt-BR " + line + "--help"));
    }

    private static void collect(CommandLine command, String path, List<String> lines) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                return; // internal (the matrix's child process): no --help of its own
            }
            lines.add(path + name + " ");
            collect(sub, path + name + " ", lines);
        });
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("otherRuns")
    void theLazyTreeGivesTheSameOutputErrorsAndExitCodes(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CliRun whole = run(full(), args);
        Texts.use(Locale.ENGLISH);
        CliRun lazy = run(lazy(args), args);

        assertThat(lazy).isEqualTo(whole);
    }

    /** Runs that print (or refuse) without touching a workspace. */
    static Stream<String> otherRuns() {
        return Stream.of("", "--version", "-V", "--help", "-h", "--lang pt-BR", "--lang=pt-BR --version",
                "--version ca", "nope", "--nope", "--", "-- ca", "--lang fr ca create", "--lang", "ca", "ca nope",
                "ca create --nope", "audit", "audit nope", "serve --port", "call", "--lang pt-BR call");
    }

    private static CommandLine full() {
        return MtlsLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static CommandLine lazy(String... args) {
        return MtlsLabCommand.commandLineFor(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
