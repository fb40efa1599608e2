package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G5/G6: one click switches to Brazilian Portuguese; the looks switch without losing the screen. */
class LanguageUiTest extends AppUnderTest {

    // A fresh folder for each test, not one per class.
    @TempDir
    Path ownDir;

    @Override
    Path appDir() {
        return ownDir;
    }

    @Start
    void start(Stage stage) {
        launch(stage);
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
