package io.mtlslab.cli;

import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import io.mtlslab.workshop.BatchIssuance;
import io.mtlslab.workshop.StudentBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab bundle NAME | --all}: the zip to hand to a student. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Export a client identity as a zip for a student: certificate, key, .p12 (modern and"
                + " legacy), the CA certificate and a README with ready-to-run curl, openssl, Go, Java and Python"
                + " commands for the given host and port.",
            "With --all, one zip per client identity of the workspace (revoked ones left out)."})
public final class BundleCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The client identity, e.g. aluno01.")
    String name;

    @Option(names = "--all", description = "Bundle every client identity of the workspace.")
    boolean all;

    @Option(names = "--host", paramLabel = "HOST", description = "Host the students call (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the echo server (default: ${DEFAULT-VALUE}).")
    int port = 8443;

    @Option(names = "--hmac", description = "Also hand out the HMAC secret (created if the identity has none) and a"
            + " README section that signs requests, for a server run with --require-hmac.")
    boolean hmac;

    @Option(names = "--out", paramLabel = "FILE", description = "The zip to write (default: NAME-bundle.zip in the"
            + " workspace); with --all, the folder for the zips (default: the workspace).")
    Path out;

    @Override
    public Integer call() {
        if (all == (name != null)) {
            throw all ? PkiException.of("name", "bundleNameAndAll") : PkiException.of("name", "bundleNoName");
        }
        StudentBundle.Target target = new StudentBundle.Target(host, port);
        Workspace ws = workspace.open();
        if (hmac) {
            HmacSecrets secrets = HmacSecrets.of(ws);
            ws.identities().stream().filter(e -> all ? e.role() == Role.CLIENT : e.name().equals(name))
                    .forEach(e -> secrets.getOrCreate(e.name()));
        }
        if (all) {
            List<Path> zips = StudentBundle.exportAll(ws, target, out != null ? out : ws.dir(), BatchIssuance.Progress.NONE);
            zips.forEach(zip -> spec.commandLine().getOut().println("wrote " + zip));
            spec.commandLine().getOut().printf("%d bundles for %s%n", zips.size(), target.url());
        } else {
            Path zip = StudentBundle.export(ws, name, target, out);
            spec.commandLine().getOut().printf("wrote %s for %s%n", zip, target.url());
        }
        return 0;
    }
}
