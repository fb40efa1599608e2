package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab ca create}: the root CA ({@code ca.pem}, {@code ca.key}), as the seed's first step. */
@Command(name = "ca", description = "Manage the certificate authority.", mixinStandardHelpOptions = true,
        subcommands = CaCommand.Create.class)
final class CaCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a root CA: ca.pem and ca.key (default RSA 4096, 3650 days, CN=MinhaCA, OU=TI).")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Mixin
        SubjectOptions subject;

        @Mixin
        IssueOptions issue;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--path-len", paramLabel = "N", description = "basicConstraints pathLen (default: none).")
        Integer pathLength;

        @Override
        public Integer call() {
            Workspace.checkName(name);
            CertificateSpec certificate = issue.apply(CertificateSpec.builder(Role.ROOT_CA)
                    .subject(subject.subject("TI", "MinhaCA")).pathLength(pathLength), 3650).build();
            char[] keyPassword = issue.keyPassword();
            Workspace ws = workspace.open();
            Credential ca = ws.createRootCa(name, certificate, issue.force, keyPassword);
            IssuedSummary.print(spec.commandLine().getOut(), ws, name, ca);
            return 0;
        }
    }
}
