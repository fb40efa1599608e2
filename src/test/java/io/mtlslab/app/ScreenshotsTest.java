package io.mtlslab.app;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Renders the real screens to PNG: the README's pictures. Writes to {@code target/screenshots}, or
 * to the folder given by {@code -Dmtlslab.screenshots=src/site} (the documented command).
 */
class ScreenshotsTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void rendersTheMainScreens(FxRobot robot) {
        Path out = Path.of(System.getProperty("mtlslab.screenshots", "target/screenshots"));
        Snapshots.save(robot, stage.getScene(), out.resolve("welcome.png"));

        robot.clickOn("#navWizard");
        UiText.choose(robot, "#caKey", "ec-p256");
        robot.clickOn("#nextButton");
        driver.waitIdle(30);
        UiText.retype(robot, "#serverSans", "dns:localhost, ip:127.0.0.300");
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("wizard.png"));
        UiText.retype(robot, "#serverSans", "dns:localhost, ip:127.0.0.1, ip:::1");

        robot.clickOn("#navWelcome");
        robot.clickOn("#quickStartButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 60);
        driver.waitIdle(30);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call.png"));
        robot.clickOn("#presenterButton");
        driver.waitIdle(5);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call-presenter.png"));
        robot.clickOn("#presenterButton");

        robot.clickOn("#themeButton");
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);
        robot.clickOn(robot.lookup("#identityList .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "client".equals(l.getText())).queryAs(javafx.scene.Node.class));
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("identities-dark.png"));
        robot.clickOn("#themeButton");

        robot.clickOn("#navServer");
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("echo-server.png"));

        if (robot.lookup("#navScenarios").tryQuery().isPresent()) {
            robot.clickOn("#navScenarios");
            if (robot.lookup("#runScenariosButton").tryQuery().isPresent()) {
                robot.clickOn("#runScenariosButton");
                driver.waitUntil(() -> !driver.context().tasks().isBusy(), 120);
                driver.waitIdle(60);
            }
            Snapshots.save(robot, stage.getScene(), out.resolve("scenario-matrix.png"));
        }
    }
}
