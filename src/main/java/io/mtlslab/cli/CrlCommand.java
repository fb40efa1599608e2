package io.mtlslab.cli;

import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtls-lab crl}: prints or exports the CA's CRL, publishing a fresh one when asked or when there is none. */
@Command(name = "crl", mixinStandardHelpOptions = true,
        description = {"Print the CA's certificate revocation list (PEM), or write it to a file with --out.",
            "Publishes crl.pem first if the workspace has none yet, or with --refresh (a new CRL number and"
                + " nextUpdate; needs ca.key)."})
public final class CrlCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CRL (PEM) to FILE instead of printing it.")
    Path out;

    @Option(names = "--refresh", description = "Sign and publish a fresh crl.pem before printing it.")
    boolean refresh;

    @Option(names = "--ca-key-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of ca.key, if it is encrypted (prompted when given without a value).")
    char[] caKeyPassword;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        X509CRL crl = refresh ? null : CrlIssuer.published(ws);
        if (crl == null) {
            crl = CrlIssuer.publish(ws, caKeyPassword);
        }
        String pem = CrlIssuer.pem(crl);
        if (out != null) {
            SecureFiles.write(out, pem.getBytes(StandardCharsets.US_ASCII));
            int entries = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
            spec.commandLine().getOut().printf("wrote %s (%d revoked, next update %s)%n", out.toAbsolutePath(),
                    entries, crl.getNextUpdate().toInstant());
        } else {
            spec.commandLine().getOut().print(pem);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
