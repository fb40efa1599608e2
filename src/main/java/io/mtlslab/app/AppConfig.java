package io.mtlslab.app;

import io.mtlslab.pki.UserDataFolder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps its things, injectable so that tests never touch the user's real folders.
 *
 * @param workspace    the workspace to open, or {@code null} for the remembered / default one
 * @param settingsFile the small properties file remembering the last workspace, language and looks
 * @param serverPort   the echo server's port (8443; tests use 0 for a free port)
 * @param locale       the language to start in, or {@code null} for the remembered / OS one
 */
public record AppConfig(Path workspace, Path settingsFile, int serverPort, Locale locale) {

    /** From system properties {@code mtlslab.workspace}, {@code mtlslab.settings}, {@code mtlslab.port}. */
    public static AppConfig fromSystemProperties() {
        String workspace = System.getProperty("mtlslab.workspace");
        String settings = System.getProperty("mtlslab.settings");
        Path defaultSettings = UserDataFolder.defaultWorkspace().getParent().resolve("gui.properties");
        return new AppConfig(workspace == null ? null : Path.of(workspace),
                settings == null ? defaultSettings : Path.of(settings),
                Integer.getInteger("mtlslab.port", 8443), null);
    }

    /** A throw-away configuration under {@code dir}: its own workspace and settings, a free port. */
    public static AppConfig isolated(Path dir, Locale locale) {
        return new AppConfig(dir.resolve("workspace"), dir.resolve("gui.properties"), 0, locale);
    }
}
