package io.mtlslab.cli;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Renewal;
import io.mtlslab.pki.Workspace;
import io.mtlslab.workshop.BatchIssuance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab renew NAME}: re-issues an identity with the same subject and SANs and a new validity. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = "Re-issue an identity with a new validity, keeping its subject and SANs; optionally with a new"
                + " key, and revoking the old certificate (reason superseded) in the same step.")
public final class RenewCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The identity to renew, e.g. server or aluno01.")
    String name;

    @Option(names = "--days", paramLabel = "N", description = "Validity of the new certificate (default: ${DEFAULT-VALUE}).")
    int days = 365;

    @Option(names = "--new-key", description = "Generate a new key of the same type instead of keeping the old one.")
    boolean newKey;

    @Option(names = "--revoke-old", description = "Revoke the old certificate (superseded) and publish crl.pem.")
    boolean revokeOld;

    @Option(names = "--key-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of NAME.key, if it is encrypted (the renewed key keeps it).")
    char[] keyPassword;

    @Option(names = "--ca-key-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of the issuing CA's key, if it is encrypted.")
    char[] caKeyPassword;

    @Override
    public Integer call() {
        Renewal.Request request = new Renewal.Request(days, newKey, revokeOld);
        Workspace ws = workspace.open();
        Renewal.Result result = Renewal.renew(ws, name, request, keyPassword, caKeyPassword);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("renewed %s: serial %s (was %s), valid until %s, %s key%n", name,
                Certificates.serialHex(result.renewed().certificate()), result.oldSerialHex(),
                result.renewed().certificate().getNotAfter().toInstant(), newKey ? "new" : "same");
        if (result.revocation() != null) {
            out.printf("revoked the old certificate %s (superseded); published %s%n", result.oldSerialHex(), ws.crlFile());
        }
        if (result.staleP12() && BatchIssuance.rewriteP12(ws, name)) {
            out.printf("rewrote %s with the renewed certificate (same password as before)%n", ws.p12File(name).getFileName());
        } else if (result.staleP12()) {
            out.printf("note: %s still holds the old certificate; export it again (mtls-lab bundle %s)%n",
                    ws.p12File(name).getFileName(), name);
        }
        return 0;
    }
}
