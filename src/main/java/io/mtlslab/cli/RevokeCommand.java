package io.mtlslab.cli;

import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.Revocation;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab revoke NAME}: revokes an identity and publishes the CA's {@code crl.pem}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke an identity of the workspace and publish the CA's crl.pem.",
            "The echo server (mtls-lab serve) refuses the revoked certificate from its next handshake on."})
public final class RevokeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The identity to revoke, e.g. client or aluno01.")
    String name;

    @Option(names = "--reason", paramLabel = "R", description = "RFC 5280 reason: unspecified (default), keyCompromise,"
            + " cACompromise, affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn.")
    String reason = RevocationReason.UNSPECIFIED.id();

    @Option(names = "--ca-key-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of ca.key, if it is encrypted (prompted when given without a value).")
    char[] caKeyPassword;

    @Override
    public Integer call() {
        RevocationReason parsed = RevocationReason.parse(reason);
        Workspace ws = workspace.open();
        List<Revocation> revoked = CrlIssuer.revokeAll(ws, name, parsed, caKeyPassword);
        Revocation revocation = revoked.get(0);
        spec.commandLine().getOut().printf("revoked %s (serial %s, reason %s); published %s with %d entr%s%n",
                name, revocation.serialHex(), revocation.reason().id(), ws.crlFile(),
                CrlIssuer.revocations(ws).size(), CrlIssuer.revocations(ws).size() == 1 ? "y" : "ies");
        if (revoked.size() > 1) {
            // certificates this name had before a renewal or a re-issue: still valid, so revoked with it
            spec.commandLine().getOut().printf("also revoked %d earlier certificate%s of %s (serial %s)%n",
                    revoked.size() - 1, revoked.size() == 2 ? "" : "s", name, String.join(", ",
                            revoked.subList(1, revoked.size()).stream().map(Revocation::serialHex).toList()));
        }
        return 0;
    }
}
