package io.mtlslab.cli;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TrustAnchor;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Who calls and whom it trusts, shared by {@code call} and {@code load} (a picocli mixin): the
 * workspace, the client identity (or none), the trust anchors and the TLS versions.
 */
final class CallTargetOptions {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--client", paramLabel = "NAME",
            description = "Workspace identity to present (default: client, when it exists).")
    String client;

    @Option(names = "--no-client", description = "Present no client certificate.")
    boolean noClient;

    @Option(names = "--ca", paramLabel = "FILE", description = "Trust the certificates of this PEM file (default: the workspace CA).")
    Path caFile;

    @Option(names = "--system-trust", description = "Trust the system CA store instead of the workspace CA.")
    boolean systemTrust;

    @Option(names = "--tls", paramLabel = "VERSIONS", description = "TLS versions to offer, e.g. 1.2,1.3 (default).")
    String tls;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Read timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = 10;

    /** The identity presented, once {@link #builder} ran; {@code null} without one. */
    String presented;

    /** A call to {@code url} with these options; checks them first (exit 2 on contradictions). */
    CallRequest.Builder builder(String url) {
        if (client != null && noClient) {
            throw PkiException.of("client", "optionsContradict", "--client", "--no-client");
        }
        if (caFile != null && systemTrust) {
            throw PkiException.of("ca", "optionsContradict", "--ca", "--system-trust");
        }
        if (caFile != null && !Files.isRegularFile(caFile)) {
            throw PkiException.of("ca", "fileMissing", String.valueOf(caFile));
        }
        CallRequest.Builder builder = CallRequest.builder(url).readTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        Workspace ws = workspace.open();
        if (caFile != null) {
            builder.trust(TrustAnchor.pemFile(caFile));
        } else if (systemTrust) {
            builder.trust(TrustAnchor.system());
        }
        if (Files.exists(ws.certificateFile(Workspace.CA))) {
            builder.workspace(ws);
        }
        if (!noClient) {
            String name = client != null ? client : Workspace.CLIENT;
            if (client != null || Files.exists(ws.certificateFile(name))) {
                builder.identity(ClientIdentity.fromWorkspace(ws, name, null));
                presented = name;
            }
        }
        if (tls != null) {
            builder.protocols(CallRequest.parseProtocols(tls));
        }
        return builder;
    }
}
