package io.mtlslab.cli;

import io.mtlslab.pki.UserDataFolder;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dir WS} option every workspace command shares (a picocli mixin). */
final class WorkspaceOption {

    @Option(names = "--dir", paramLabel = "WS",
            description = "Workspace folder (default: the per-user data folder, ${DEFAULT-VALUE}).")
    Path dir = UserDataFolder.defaultWorkspace();

    Workspace open() {
        return Workspace.open(dir);
    }
}
