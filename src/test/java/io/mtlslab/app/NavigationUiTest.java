package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 10 §6: the Go menu's shortcuts read "Ctrl+1" and really navigate; focus lands on the screen's first field. */
class NavigationUiTest extends AppUnderTest {

    private static final List<String> NAV = List.of("#navWelcome", "#navWizard", "#navIdentities", "#navServer",
            "#navCall", "#navScenarios", "#navInspect", "#navWorkshop", "#navAudit");
    private static final List<KeyCode> DIGITS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9);

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void theGoMenuShowsCtrlAndADigitAndEachShortcutOpensItsScreen(FxRobot robot) {
        Menu go = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(2);
        List<String> shown = go.getItems().stream().map(MenuItem::getAccelerator).map(a -> a.getDisplayText()).toList();
        assertThat(shown).containsExactly("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8",
                "Ctrl+9");

        for (int i = DIGITS.size() - 1; i >= 0; i--) {
            robot.press(KeyCode.CONTROL, DIGITS.get(i)).release(DIGITS.get(i), KeyCode.CONTROL);
            driver.waitIdle(10);
            assertThat(robot.lookup(NAV.get(i)).queryAs(ToggleButton.class).isSelected()).as("Ctrl+" + (i + 1)).isTrue();
        }
    }

    @Test
    void focusLandsOnTheScreensFirstFieldAfterNavigation(FxRobot robot) {
        robot.clickOn("#navCall");
        driver.waitIdle(10);
        // the screen moves focus in a Platform.runLater after its first layout: wait for it, then check
        driver.waitUntil(() -> focused(robot) == robot.lookup("#target").query(), 10);
        assertThat(focused(robot)).isSameAs(robot.lookup("#target").query());

        robot.clickOn("#navServer");
        driver.waitIdle(10);
        driver.waitUntil(() -> focused(robot) == robot.lookup("#port").query(), 10);
        assertThat(focused(robot)).isSameAs(robot.lookup("#port").query()).isInstanceOf(TextInputControl.class);
    }

    private Node focused(FxRobot robot) {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void theWorkspacePathStaysOnOneLineCutAtItsStartAndWholeOnHover(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            driver.context().presenterProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label path = robot.lookup("#workspaceLabel").queryAs(Label.class);
        String whole = "Workspace: " + driver.workspaceDir();

        assertThat(path.getText()).isEqualTo(whole);
        assertThat(path.getTooltip().getText()).isEqualTo(whole);
        assertThat(path.isWrapText()).isFalse();
        String shown = ScreensFitUiTest.cutText(path);
        if (shown != null) { // cut where the bar is too narrow: the end of the path is what stays
            assertThat(shown).startsWith(path.getEllipsisString());
            assertThat(whole).endsWith(shown.substring(path.getEllipsisString().length()));
        }
        robot.interact(() -> driver.context().presenterProperty().set(false));
    }

    @Test
    void everyScreenStartsAtTheSameLeftEdgeWhicheverNavigationButtonIsSelected(FxRobot robot) {
        for (boolean portuguese : new boolean[] {false, true}) {
            if (portuguese) {
                robot.interact(() -> driver.context().switchLanguage(io.mtlslab.app.common.I18n.PT_BR));
                driver.waitIdle(10);
            }
            java.util.Set<Double> edges = new java.util.TreeSet<>();
            for (String button : List.of("#navWelcome", "#navWizard", "#navIdentities", "#navServer", "#navCall",
                    "#navScenarios", "#navInspect", "#navWorkshop", "#navAudit")) {
                robot.clickOn(button);
                driver.waitIdle(10);
                relayout(robot);
                Node center = robot.lookup("#centerBox").query();
                robot.interact(() -> edges.add(center.localToScene(center.getLayoutBounds()).getMinX()));
            }
            assertThat(edges).as("the screens' left edge" + (portuguese ? " in Portuguese" : "")).hasSize(1);
        }
    }
}
