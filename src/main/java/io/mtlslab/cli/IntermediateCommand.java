package io.mtlslab.cli;

import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtls-lab intermediate create}: an intermediate CA below the root (root → intermediate → leaf). */
@Command(name = "intermediate", description = "Manage intermediate CAs.", mixinStandardHelpOptions = true,
        subcommands = IntermediateCommand.Create.class)
final class IntermediateCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an intermediate CA signed by --issuer (default ca); issue leaves from it with --issuer NAME.")
    static final class Create extends IssuingCommand {

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "intermediate",
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--issuer", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "The CA that signs it (default ${DEFAULT-VALUE}).")
        String issuer;

        @Option(names = "--path-len", paramLabel = "N", defaultValue = "0",
                description = "basicConstraints pathLen (default ${DEFAULT-VALUE}: it may sign leaves only).")
        Integer pathLength;

        @Override
        public Integer call() {
            issueAndPrint(name, certificate(name, Role.INTERMEDIATE_CA, "TI", "MinhaCA Intermediate", pathLength, 1825),
                    issuer);
            return 0;
        }
    }
}
