package io.mtlslab.app;

import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the app remembers between runs (last workspace, language, theme, font size): a small
 * properties file in the user data folder. Nothing secret is ever written here.
 */
public final class AppSettings {

    public static final String LAST_WORKSPACE = "lastWorkspace";
    public static final String LANGUAGE = "language";
    public static final String THEME = "theme";
    public static final String FONT_STEP = "fontStep";

    private final Path file;
    private final Properties values = new Properties();

    public AppSettings(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file only costs the remembered choices; start with defaults.
                values.clear();
            }
        }
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(values.getProperty(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Remembers a value; a settings file that cannot be written is not worth bothering the user. */
    public void put(String key, String value) {
        values.setProperty(key, value);
        if (file == null) {
            return;
        }
        try {
            StringWriter text = new StringWriter();
            values.store(text, "mTLS Lab GUI settings");
            // Atomically: a crash mid-write must not leave a truncated file that loses every setting.
            SecureFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | PkiException e) {
            System.getLogger(AppSettings.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot save settings to " + file + ": " + e.getMessage());
        }
    }
}
