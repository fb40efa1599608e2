package io.mtlslab.pki;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user data folder of each OS, where the default workspace lives (never the install folder):
 * Linux {@code $XDG_DATA_HOME/mtls-lab} (or {@code ~/.local/share/mtls-lab}), macOS
 * {@code ~/Library/Application Support/mTLS Lab}, Windows {@code %APPDATA%\mTLS Lab}.
 */
public final class UserDataFolder {

    private UserDataFolder() {
    }

    /** The default workspace folder for this user on this OS. */
    public static Path defaultWorkspace() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv())
                .resolve("workspace");
    }

    /** The application's data folder, from explicit inputs so that every OS can be tested anywhere. */
    static Path resolve(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming"))
                    .resolve("mTLS Lab");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "mTLS Lab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("mtls-lab");
    }
}
