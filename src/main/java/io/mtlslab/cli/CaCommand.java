package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtls-lab ca create}: the root CA ({@code ca.pem}, {@code ca.key}), as the seed's first step. */
@Command(name = "ca", description = "Manage the certificate authority.", mixinStandardHelpOptions = true,
        subcommands = CaCommand.Create.class)
final class CaCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a root CA: ca.pem and ca.key (default RSA 4096, 3650 days, CN=MinhaCA, OU=TI).")
    static final class Create extends IssuingCommand {

        @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--path-len", paramLabel = "N", description = "basicConstraints pathLen (default: none).")
        Integer pathLength;

        @Override
        public Integer call() {
            CertificateSpec certificate = certificate(name, Role.ROOT_CA, "TI", "MinhaCA", pathLength, 3650);
            char[] keyPassword = issue.keyPassword();
            Workspace ws = workspace.open();
            print(ws, name, ws.createRootCa(name, certificate, issue.force, keyPassword));
            return 0;
        }
    }
}
