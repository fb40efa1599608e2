package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.Exports;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtls-lab client issue}: a client certificate (EKU clientAuth), optionally also as a .p12. */
@Command(name = "client", description = "Client certificates.", mixinStandardHelpOptions = true,
        subcommands = ClientCommand.Issue.class)
final class ClientCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a client certificate: client.pem and client.key (default CN=Cliente, "
                    + "OU=CODIGODOCLIENTE, RSA 2048, 365 days); with --p12-password also client.p12.")
    static final class Issue extends IssuingCommand {

        @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.CLIENT,
                description = "File base name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--issuer", paramLabel = "NAME", defaultValue = Workspace.CA,
                description = "The CA that signs it: ca or an intermediate (default ${DEFAULT-VALUE}).")
        String issuer;

        @Option(names = "--p12-password", paramLabel = "PW",
                description = "Also write NAME.p12 (modern AES encryption) with this password (value, env:VAR or file:PATH).")
        String p12Password;

        @Override
        public Integer call() {
            CertificateSpec certificate = certificate(name, Role.CLIENT, "CODIGODOCLIENTE", "Cliente", null, 365);
            char[] keyPassword = issue.keyPassword();
            char[] issuerPassword = issue.issuerKeyPassword();
            char[] p12 = Passwords.resolve("p12-password", p12Password);
            Workspace ws = workspace.open();
            Path p12File = ws.p12File(name);
            if (p12 != null) {
                SecureFiles.requireAbsent(issue.force, p12File);
            }
            io.mtlslab.pki.IdentityEntry replaced = replacedEntry(ws, name);
            Credential issued = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
            if (p12 != null) {
                SecureFiles.writeSecret(p12File, Exports.export(issued, ExportFormat.P12, name, p12));
                print(ws, name, issued, p12File);
            } else {
                print(ws, name, issued);
            }
            afterReplacing(ws, name, replaced, p12 != null);
            return 0;
        }
    }
}
