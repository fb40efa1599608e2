package io.mtlslab.cli;

import io.mtlslab.pki.SecureFiles;
import io.mtlslab.scenario.LegacyTlsChild;
import io.mtlslab.scenario.ServerMode;
import io.mtlslab.server.TlsProviderChoice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mtls-lab legacy-tls-cells}, hidden: the child process a scenario matrix starts when its own
 * Java runtime can no longer speak TLS 1.1 (see {@link LegacyTlsChild}). Not for people: it writes the
 * TLS 1.1 cells of the given modes as JSON to {@code --out}.
 */
@Command(name = LegacyTlsChild.COMMAND, hidden = true,
        description = "Internal: the scenario matrix's TLS 1.1 cells, run in a fresh Java runtime.")
final class LegacyTlsCellsCommand implements Callable<Integer> {

    @Option(names = "--scratch", required = true, description = "The scenario scratch area (the workspace's .scenarios).")
    Path scratch;

    @Option(names = "--crl", description = "The scenario CRL the echo server enforces.")
    Path crl;

    @Option(names = "--out", required = true, description = "Where to write the cells as JSON.")
    Path out;

    @Option(names = "--tls-provider", defaultValue = "auto", description = "auto, openssl or jdk.")
    String provider;

    @Parameters(paramLabel = "MODE", arity = "1..*", description = "Server mode ids.")
    List<String> modes;

    @Override
    public Integer call() {
        String json = LegacyTlsChild.runHere(scratch, crl, TlsProviderChoice.parse(provider),
                modes.stream().map(ServerMode::parse).toList());
        SecureFiles.write(out, json.getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
