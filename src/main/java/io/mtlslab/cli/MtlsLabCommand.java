package io.mtlslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mtls-lab} command line: the root command and its sub-commands. */
@Command(name = "mtls-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Issue mTLS certificates, run an mTLS echo server, make and diagnose test calls.")
public final class MtlsLabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        return new CommandLine(new MtlsLabCommand()).execute(args);
    }
}
