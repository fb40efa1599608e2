package io.mtlslab.audit;

import io.mtlslab.pki.Workspace;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a server audit needs: the target, the workspace whose CA the target is meant to trust, the
 * valid client identity to compare with, and which probes to run.
 *
 * @param client the workspace identity the server should accept (default {@code client})
 * @param caKeyPassword the CA key's password when it is encrypted; {@code null} otherwise
 */
public record ServerAuditRequest(URI url, Workspace workspace, String client, char[] caKeyPassword,
                                 Set<Probe> probes, Duration timeout) {

    public ServerAuditRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(workspace, "workspace");
        client = client == null ? Workspace.CLIENT : client;
        probes = probes == null || probes.isEmpty() ? EnumSet.allOf(Probe.class) : EnumSet.copyOf(probes);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
