package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G1: one click from an empty workspace to a successful mTLS call with the identity table filled. */
class QuickStartUiTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void quickStartEndsWithSuccessfulCallShowingTheClientIdentity(FxRobot robot) {
        robot.clickOn("#quickStartButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 60);
        driver.waitIdle(30);

        assertThat(robot.lookup("#outcomeTitle").queryAs(Labeled.class).getText()).startsWith("Success: HTTP 200");
        List<String> cells = robot.lookup("#identityTable .table-cell").queryAllAs(TableCell.class).stream()
                .map(cell -> cell.getText() == null ? "" : cell.getText()).toList();
        assertThat(cells).contains("Cliente", "CODIGODOCLIENTE", "localhost");
        for (String file : List.of("ca.pem", "ca.key", "server.pem", "server.key", "client.pem", "client.key")) {
            assertThat(Files.exists(driver.workspaceDir().resolve(file))).as(file).isTrue();
        }
    }
}
