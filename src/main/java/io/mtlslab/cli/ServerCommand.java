package io.mtlslab.cli;

import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtls-lab server issue}: a server certificate (EKU serverAuth) with SANs. */
@Command(name = "server", description = "Server certificates.", mixinStandardHelpOptions = true,
        subcommands = ServerCommand.Issue.class)
final class ServerCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a server certificate: server.pem and server.key (default CN=localhost, "
                    + "SANs localhost, 127.0.0.1, ::1, RSA 2048, 365 days).")
    static final class Issue extends IssuingCommand {

        @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.SERVER,
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--issuer", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "The CA that signs it: ca or an intermediate (default ${DEFAULT-VALUE}).")
        String issuer;

        @Override
        public Integer call() {
            issueAndPrint(name, certificate(name, Role.SERVER, "TI", "localhost", null, 365), issuer);
            return 0;
        }
    }
}
