package io.mtlslab.cli;

import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
    @CommandLine.Option(names = "--lang", paramLabel = "en|pt-BR", scope = CommandLine.ScopeType.INHERIT,
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
     * The sub-commands, in the order the usage lists them: name (as in its {@code @Command}) and how
     * to make it. One line each; {@code LazyCommandTreeTest} checks each name against its annotation.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("ca", CaCommand::new);
        SUBCOMMANDS.put("intermediate", IntermediateCommand::new);
        SUBCOMMANDS.put("server", ServerCommand::new);
        SUBCOMMANDS.put("client", ClientCommand::new);
        SUBCOMMANDS.put("import-ca", ImportCaCommand::new);
        SUBCOMMANDS.put("sign-csr", SignCsrCommand::new);
        SUBCOMMANDS.put("export", ExportCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("lint", LintCommand::new);
        SUBCOMMANDS.put("list", ListCommand::new);
        SUBCOMMANDS.put("revoke", RevokeCommand::new);
        SUBCOMMANDS.put("crl", CrlCommand::new);
        SUBCOMMANDS.put("renew", RenewCommand::new);
        SUBCOMMANDS.put("batch", BatchCommand::new);
        SUBCOMMANDS.put("bundle", BundleCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("init", InitCommand::new);
        SUBCOMMANDS.put("call", CallCommand::new);
        SUBCOMMANDS.put("load", LoadCommand::new);
        SUBCOMMANDS.put("audit", AuditCommand::new);
        SUBCOMMANDS.put("scenarios", ScenariosCommand::new);
    }

    /** Root options that take a value: the value is not a sub-command's name. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--lang");

    /** Runs the command line with the process's streams and returns the exit status. */
    public static int run(String... args) {
        return commandLineFor(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args);
    }

    /** The configured command line with every sub-command; tests pass their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configured(out, err, SUBCOMMANDS.keySet());
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
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++; // its value
            } else if (ROOT_OPTIONS_WITH_VALUE.stream().anyMatch(option -> arg.startsWith(option + "="))) {
                continue;
            } else if (arg.equals("-V") || arg.equals("--version")) {
                version = true;
            } else if (!arg.startsWith("-") && SUBCOMMANDS.containsKey(arg)) {
                return List.of(arg);
            } else {
                return SUBCOMMANDS.keySet(); // help, an unknown name or option, "--": picocli's words need them all
            }
        }
        return version ? List.of() : SUBCOMMANDS.keySet();
    }

    private static CommandLine configured(PrintWriter out, PrintWriter err, Collection<String> subcommands) {
        // Each run starts in the user's language; --lang, once parsed, overrides it.
        Texts.use(java.util.Locale.getDefault());
        CommandLine commandLine = new CommandLine(new MtlsLabCommand());
        for (String name : subcommands) {
            commandLine.addSubcommand(SUBCOMMANDS.get(name).get());
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            // One line, like every other input error; the full usage is one --help away.
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("error: " + exception.getMessage() + " — see '"
                    + failed.getCommandSpec().qualifiedName() + " --help'");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PkiException pki) {
                cmd.getErr().println("error: " + pki.oneLine());
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }
}
