package io.mtlslab.cli;

import io.mtlslab.Version;
import picocli.CommandLine.IVersionProvider;

/** Tells picocli the version from the jar manifest (or the build's resource). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mtls-lab " + Version.current()};
    }
}
