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
        Charset console = consoleCharset(System.getProperty("native.encoding"));
        if (console != null) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, console));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, console));
        }
        Charset charset = console != null ? console : Charset.defaultCharset();
        return commandLine(new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true)).execute(args);
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

    /** The configured command line; tests pass their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        // Each run starts in the user's language; --lang, once parsed, overrides it.
        Texts.use(Texts.userLocale());
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
        // --help in the same language as everything else (--lang is parsed by then).
        HelpLanguage.apply(commandLine);
        commandLine.setExecutionStrategy(HelpLanguage.choosingLanguageFirst(new CommandLine.RunLast()));
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
