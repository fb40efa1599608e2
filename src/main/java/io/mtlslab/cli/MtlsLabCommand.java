package io.mtlslab.cli;

import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
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

    /** Runs the command line with the process's streams and returns the exit status. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured command line; tests pass their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        // Each run starts in the user's language; --lang, once parsed, overrides it.
        Texts.use(java.util.Locale.getDefault());
        CommandLine commandLine = new CommandLine(new MtlsLabCommand());
        // Sub-commands are registered here, one line each.
        commandLine.addSubcommand(new CaCommand());
        commandLine.addSubcommand(new IntermediateCommand());
        commandLine.addSubcommand(new ServerCommand());
        commandLine.addSubcommand(new ClientCommand());
        commandLine.addSubcommand(new ImportCaCommand());
        commandLine.addSubcommand(new SignCsrCommand());
        commandLine.addSubcommand(new ExportCommand());
        commandLine.addSubcommand(new InspectCommand());
        commandLine.addSubcommand(new LintCommand());
        commandLine.addSubcommand(new ListCommand());
        commandLine.addSubcommand(new RevokeCommand());
        commandLine.addSubcommand(new CrlCommand());
        commandLine.addSubcommand(new RenewCommand());
        commandLine.addSubcommand(new BatchCommand());
        commandLine.addSubcommand(new BundleCommand());
        commandLine.addSubcommand(new ServeCommand());
        commandLine.addSubcommand(new InitCommand());
        commandLine.addSubcommand(new CallCommand());
        commandLine.addSubcommand(new LoadCommand());
        commandLine.addSubcommand(new AuditCommand());
        commandLine.addSubcommand(new ScenariosCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            // One line, like every other input error; the full usage is one --help away.
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println(Texts.text("cli.error.usage", exception.getMessage(),
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
