package io.mtlslab.cli;

import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Texts;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mtls-lab} command line: the root command and its sub-commands.
 *
 * <p>Exit status: 0 success, 1 a failed operation (e.g. a failed test call), 2 bad input — with one
 * line on stderr naming the field and the fix.
 */
@Command(name = "mtls-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Issue mTLS certificates, run an mTLS echo server, make and diagnose test calls.")
public final class MtlsLabCommand implements Runnable {

    /** Exit status for input the user must correct. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The language of diagnoses, findings and messages; JSON keeps its stable codes either way.
     * Without it, the user's locale decides ({@code LANG=pt_BR.UTF-8} gives Portuguese).
     */
    @CommandLine.Option(names = LANG_OPTION, paramLabel = "en|pt-BR", scope = CommandLine.ScopeType.INHERIT,
            description = "Language of the messages: en or pt-BR (default: from the locale, e.g. LANG).")
    void language(String tag) {
        if (!tag.matches("(?i)en(-\\w+)?|pt([-_]BR)?")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lang must be en or pt-BR, not '" + tag + "'");
        }
        Texts.use(Texts.parse(tag));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The sub-commands' names (as in their {@code @Command}), in the order the usage lists them; each
     * is made by {@link #subcommand}. {@code LazyCommandTreeTest} checks the two agree.
     */
    private static final List<String> SUBCOMMANDS = List.of(
            "ca",
            "intermediate",
            "server",
            "client",
            "import-ca",
            "sign-csr",
            "export",
            "inspect",
            "lint",
            "list",
            "revoke",
            "crl",
            "renew",
            "batch",
            "bundle",
            "serve",
            "init",
            "call",
            "load",
            "audit",
            "scenarios",
            "legacy-tls-cells");

    /** A new sub-command object; a switch rather than a map of constructors: no lambda to spin at start. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "ca" -> new CaCommand();
            case "intermediate" -> new IntermediateCommand();
            case "server" -> new ServerCommand();
            case "client" -> new ClientCommand();
            case "import-ca" -> new ImportCaCommand();
            case "sign-csr" -> new SignCsrCommand();
            case "export" -> new ExportCommand();
            case "inspect" -> new InspectCommand();
            case "lint" -> new LintCommand();
            case "list" -> new ListCommand();
            case "revoke" -> new RevokeCommand();
            case "crl" -> new CrlCommand();
            case "renew" -> new RenewCommand();
            case "batch" -> new BatchCommand();
            case "bundle" -> new BundleCommand();
            case "serve" -> new ServeCommand();
            case "init" -> new InitCommand();
            case "call" -> new CallCommand();
            case "load" -> new LoadCommand();
            case "audit" -> new AuditCommand();
            case "scenarios" -> new ScenariosCommand();
            case "legacy-tls-cells" -> new LegacyTlsCellsCommand();
            default -> throw new IllegalArgumentException("no sub-command " + name);
        };
    }

    /** The root option that takes a value (its value is not a sub-command's name). */
    private static final String LANG_OPTION = "--lang";

    /** Runs the command line with the process's streams and returns the exit status. */
    public static int run(String... args) {
        Charset console = consoleCharset(System.getProperty("native.encoding"));
        if (console != null) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, console));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, console));
        }
        Charset charset = console != null ? console : Charset.defaultCharset();
        return run(new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true), args);
    }

    /**
     * UTF-8 when the process's locale is plain ASCII (no {@code LANG}, {@code LANG=C}: containers, ssh,
     * cron), where Java would print every accent of the Portuguese texts as "?"; {@code null} (keep
     * the JVM's choice) for any other encoding.
     */
    static Charset consoleCharset(String nativeEncoding) {
        if (nativeEncoding == null) {
            return null;
        }
        try {
            return Charset.forName(nativeEncoding).equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Runs the command line and returns the exit status. {@code --version} (or {@code -V}) alone is
     * answered without picocli, whose 170 classes (class files too old for class-data sharing) are
     * most of that run's start-up; the answer is picocli's, line for line ({@code LazyCommandTreeTest}).
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        return commandLineFor(out, err, args).execute(args);
    }

    /** The configured command line with every sub-command; tests pass their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configured(out, err, SUBCOMMANDS);
    }

    /**
     * The command line as {@link #commandLine} but with only the sub-commands that {@code args} can
     * reach, for a faster start: picocli reflects over every command it is given, and the whole tree
     * costs a few hundred classes. {@code --version} alone needs the root only; a first positional
     * argument naming a sub-command needs the root and that one. Anything else (help, no arguments,
     * an unknown name or option, {@code --}) gets the whole tree, so usage and errors stay the same.
     */
    public static CommandLine commandLineFor(PrintWriter out, PrintWriter err, String... args) {
        return configured(out, err, subcommandsFor(args));
    }

    /** The names of the sub-commands a run with {@code args} needs (see {@link #commandLineFor}). */
    static Collection<String> subcommandsFor(String... args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(LANG_OPTION)) {
                i++; // its value
            } else if (arg.startsWith(LANG_OPTION + "=")) {
                continue;
            } else if (arg.equals("-V") || arg.equals("--version")) {
                version = true;
            } else if (!arg.startsWith("-") && SUBCOMMANDS.contains(arg)) {
                return List.of(arg);
            } else {
                return SUBCOMMANDS; // help, an unknown name or option, "--": picocli's words need them all
            }
        }
        return version ? List.of() : SUBCOMMANDS;
    }

    private static CommandLine configured(PrintWriter out, PrintWriter err, Collection<String> subcommands) {
        // Each run starts in the user's language; --lang, once parsed, overrides it.
        Texts.use(Texts.userLocale());
        CommandLine commandLine = new CommandLine(new MtlsLabCommand());
        for (String name : subcommands) {
            commandLine.addSubcommand(subcommand(name));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        // --help in the same language as everything else (--lang is parsed by then).
        HelpLanguage.apply(commandLine);
        commandLine.setExecutionStrategy(HelpLanguage.choosingLanguageFirst(new CommandLine.RunLast()));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            // One line, like every other input error; the full usage is one --help away.
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println(Texts.text("cli.error.usage", ParseErrorWords.of(exception),
                    failed.getCommandSpec().qualifiedName()));
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PkiException pki) {
                cmd.getErr().println(Texts.text("cli.error", pki.oneLine()));
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }
}
