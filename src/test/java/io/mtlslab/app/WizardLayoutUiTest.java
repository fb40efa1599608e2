package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The wizard's forms at every size: field names beside their fields where there is room, above them where not. */
class WizardLayoutUiTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void fieldNamesMoveAboveTheirFieldsWhereSideBySideDoesNotFitAndBackBesideThem(FxRobot robot) {
        robot.clickOn("#navWizard");
        Node field = robot.lookup("#caOu").query();
        Label name = (Label) field.getParent().getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Label label && label.getText().equals("Organizational unit (OU)"))
                .findFirst().orElseThrow();

        showAt(robot, 1920, 1080, 1, false);
        Bounds nameBox = name.localToScene(name.getLayoutBounds());
        Bounds fieldBox = field.localToScene(field.getLayoutBounds());
        assertThat(nameBox.getMaxX()).as("side by side at 1920x1080: the name ends left of its field")
                .isLessThanOrEqualTo(fieldBox.getMinX());
        assertThat(nameBox.getMinY()).isLessThan(fieldBox.getMaxY());

        showAt(robot, 1024, 700, 1, true);
        nameBox = name.localToScene(name.getLayoutBounds());
        fieldBox = field.localToScene(field.getLayoutBounds());
        assertThat(nameBox.getMaxY()).as("presenter mode at 1024x700: the name above its field")
                .isLessThanOrEqualTo(fieldBox.getMinY() + 0.5);
        assertThat(nameBox.getMinX()).isEqualTo(fieldBox.getMinX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(ScreensFitUiTest.brokenWord(name)).as("a word of the name broken across lines").isNull();
        assertThat(robot.lookup("#caKey").queryComboBox().getWidth()).as("the key drop-down keeps its text")
                .isGreaterThanOrEqualTo(robot.lookup("#caKey").queryComboBox().prefWidth(-1) - 0.5);

        showAt(robot, 1920, 1080, 1, false);
        nameBox = name.localToScene(name.getLayoutBounds());
        fieldBox = field.localToScene(field.getLayoutBounds());
        assertThat(nameBox.getMaxX()).as("beside its field again").isLessThanOrEqualTo(fieldBox.getMinX());

        // The server's and the client's steps, with the largest font at 1024x700: every name whole.
        UiText.choose(robot, "#caKey", "EC P-256 (recommended)");
        showAt(robot, 1024, 700, 4, false);
        for (String step : List.of("#serverCn", "#clientCn")) {
            robot.clickOn("#nextButton");
            driver.waitIdle(30);
            relayout(robot);
            Node stepField = robot.lookup(step).query();
            List<Label> names = stepField.getParent().getChildrenUnmodifiable().stream()
                    .filter(node -> node.getStyleClass().contains("form-label")).map(Label.class::cast).toList();
            assertThat(names).as("field names on the step of " + step).hasSizeGreaterThan(3);
            for (Label each : names) {
                assertThat(ScreensFitUiTest.brokenWord(each)).as("a word of \"" + each.getText() + "\" broken").isNull();
            }
        }
    }

    private void showAt(FxRobot robot, double width, double height, int fontStep, boolean presenter) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            driver.context().fontStepProperty().set(fontStep);
            driver.context().presenterProperty().set(presenter);
        });
        relayout(robot);
    }
}
