package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** G5/G6: one click switches to Brazilian Portuguese; the looks switch without losing the screen. */
@ExtendWith(ApplicationExtension.class)
class LanguageUiTest {

    @TempDir
    Path dir;

    AppDriver driver;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        driver = AppDriver.start(stage, dir);
    }

    @BeforeEach
    void ready() {
        driver.awaitReady();
    }

    @AfterEach
    void stop(FxRobot robot) {
        driver.stop(robot);
    }

    @Test
    void switchingToPortugueseChangesVisibleLabels(FxRobot robot) {
        assertThat(UiText.shown(robot, "#navIdentities")).isEqualTo("Identities");
        robot.clickOn("#languageButton");
        driver.waitIdle(10);

        assertThat(UiText.shown(robot, "#navIdentities")).isEqualTo("Identidades");
        assertThat(UiText.shown(robot, "#quickStartButton")).isEqualTo("Início rápido");
        assertThat(UiText.shown(robot, "#languageButton")).isEqualTo("English");
    }

    @Test
    void presenterModeAndDarkThemeRestyleTheWindow(FxRobot robot) {
        robot.clickOn("#presenterButton");
        robot.clickOn("#themeButton");

        assertThat(stage.getScene().getRoot().getStyleClass()).contains("presenter", "dark");
        robot.clickOn("#presenterButton");
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain("presenter");
    }
}
