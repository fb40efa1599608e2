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

/** {@code mtls-lab server issue}: a server certificate (EKU serverAuth) with SANs. */
@Command(name = "server", description = "Server certificates.", mixinStandardHelpOptions = true,
        subcommands = ServerCommand.Issue.class)
final class ServerCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a server certificate: server.pem and server.key (default CN=localhost, "
                    + "SANs localhost, 127.0.0.1, ::1, RSA 2048, 365 days).")
    static final class Issue implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Mixin
        SubjectOptions subject;

        @Mixin
        IssueOptions issue;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.SERVER,
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--issuer", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "The CA that signs it: ca or an intermediate (default ${DEFAULT-VALUE}).")
        String issuer;

        @Override
        public Integer call() {
            Workspace.checkName(name);
            CertificateSpec certificate = issue.apply(CertificateSpec.builder(Role.SERVER)
                    .subject(subject.subject("TI", "localhost")), 365).build();
            char[] keyPassword = issue.keyPassword();
            char[] issuerPassword = issue.issuerKeyPassword();
            Workspace ws = workspace.open();
            Credential issued = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
            IssuedSummary.print(spec.commandLine().getOut(), ws, name, issued);
            return 0;
        }
    }
}
