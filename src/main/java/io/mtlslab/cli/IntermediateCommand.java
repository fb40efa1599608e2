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

/** {@code mtls-lab intermediate create}: an intermediate CA below the root (root → intermediate → leaf). */
@Command(name = "intermediate", description = "Manage intermediate CAs.", mixinStandardHelpOptions = true,
        subcommands = IntermediateCommand.Create.class)
final class IntermediateCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an intermediate CA signed by --issuer (default ca); issue leaves from it with --issuer NAME.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace;

        @Mixin
        SubjectOptions subject;

        @Mixin
        IssueOptions issue;

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
            Workspace.checkName(name);
            CertificateSpec certificate = issue.apply(CertificateSpec.builder(Role.INTERMEDIATE_CA)
                    .subject(subject.subject("TI", "MinhaCA Intermediate")).pathLength(pathLength), 1825).build();
            char[] keyPassword = issue.keyPassword();
            char[] issuerPassword = issue.issuerKeyPassword();
            Workspace ws = workspace.open();
            Credential created = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
            IssuedSummary.print(spec.commandLine().getOut(), ws, name, created);
            return 0;
        }
    }
}
