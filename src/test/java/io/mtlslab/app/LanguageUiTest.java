package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
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

    /** An empty field's hint ("Password (.p12 / encrypted key)") stays readable in every look; dark hid it. */
    @Test
    void anEmptyFieldsHintIsReadableInEveryLook(FxRobot robot) {
        robot.clickOn("#navInspect");
        driver.waitIdle(10);
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean presenter : new boolean[] {false, true}) {
                robot.interact(() -> {
                    driver.context().darkProperty().set(dark);
                    driver.context().presenterProperty().set(presenter);
                });
                driver.waitIdle(5);
                TextField field = robot.lookup("#inspectPassword").queryAs(TextField.class);
                Text hint = robot.from(field).lookup((Text t) -> field.getPromptText().equals(t.getText())).query();
                var fills = field.getBackground().getFills();
                // Modena paints the inside as a short gradient into -fx-control-inner-background: its last stop.
                Paint inside = fills.get(fills.size() - 1).getFill();
                Color behind = inside instanceof LinearGradient gradient
                        ? gradient.getStops().get(gradient.getStops().size() - 1).getColor() : (Color) inside;
                assertThat(contrast((Color) hint.getFill(), behind))
                        .as("hint against the field, dark " + dark + ", presenter " + presenter).isGreaterThanOrEqualTo(3.0);
            }
        }
    }

    private static double contrast(Color a, Color b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
