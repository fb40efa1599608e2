package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Audit screen's two forms share a tab pane: the short server form must not sit on top of an empty
 * band as tall as the client tab's two tables, and the client tab must still show both tables whole.
 */
class AuditLayoutUiTest extends SeededAppUnderTest {

    /** Room for the tab body's padding, the pane's border and the screen's spacing; the old band was ~350 px. */
    private static final double MAX_GAP_IN_EM = 4;

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void serverFormHasNoEmptyBandUnderItAtTheSmallestWindow(FxRobot robot) {
        checkBothTabs(robot, 1024, 700);
    }

    @Test
    void serverFormHasNoEmptyBandUnderItAtFullHd(FxRobot robot) {
        checkBothTabs(robot, 1920, 1080);
    }

    private void checkBothTabs(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.clickOn("#navAudit");
        driver.waitIdle(10);
        TabPane tabs = robot.lookup("#auditTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        settle(robot);

        double em = robot.lookup("#runAuditButton").queryButton().getFont().getSize();
        double lastControl = bounds(robot, "#runAuditButton").getMaxY();
        double nextElement = bounds(robot, "#caKeyPassword").getMinY();
        assertThat(nextElement - lastControl).as("gap under the server form at %dx%d", width, height)
                .isBetween(0.0, MAX_GAP_IN_EM * em);

        // The client tab (the one a tab pane sized to the selected tab broke once) still shows both tables whole.
        robot.interact(() -> tabs.getSelectionModel().select(1));
        settle(robot);
        Bounds connections = bounds(robot, "#connectionTable");
        Bounds endpoints = bounds(robot, "#endpointTable");
        assertThat(endpoints.getHeight()).as("endpoint table height").isGreaterThan(3 * em);
        assertThat(connections.getHeight()).as("connection table height").isGreaterThan(3 * em);
        assertThat(connections.getMaxY()).as("connection table inside the tab pane")
                .isLessThanOrEqualTo(bounds(robot, "#auditTabs").getMaxY());
        assertThat(bounds(robot, "#caKeyPassword").getMinY() - connections.getMaxY())
                .as("gap under the client form at %dx%d", width, height).isBetween(0.0, MAX_GAP_IN_EM * em);

        robot.interact(() -> tabs.getSelectionModel().select(0));
        settle(robot);
        assertThat(bounds(robot, "#caKeyPassword").getMinY() - bounds(robot, "#runAuditButton").getMaxY())
                .as("gap under the server form after a round trip").isBetween(0.0, MAX_GAP_IN_EM * em);
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds bounds(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getLayoutBounds());
    }
}
