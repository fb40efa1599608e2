package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aValueSurvivesARestartAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("folder-made-on-first-write/settings.properties");
        new AppSettings(file).put(AppSettings.LANGUAGE, "pt-BR");
        new AppSettings(file).put(AppSettings.THEME, "dark");

        AppSettings reopened = new AppSettings(file);

        assertThat(reopened.get(AppSettings.LANGUAGE, null)).isEqualTo("pt-BR");
        assertThat(reopened.get(AppSettings.THEME, null)).isEqualTo("dark");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anUnwritableFolderIsNotTheUsersProblem() throws Exception {
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        AppSettings settings = new AppSettings(blocked.resolve("settings.properties"));

        settings.put(AppSettings.THEME, "dark");

        assertThat(settings.get(AppSettings.THEME, null)).isEqualTo("dark");
    }
}
