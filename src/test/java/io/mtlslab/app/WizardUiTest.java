package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G2: the wizard checks every field as the user types and completes with good input. */
class WizardUiTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void wizardRefusesEmptyCnAndInvalidIpSanThenCompletes(FxRobot robot) throws Exception {
        robot.clickOn("#navWizard");
        Button next = robot.lookup("#nextButton").queryButton();

        UiText.retype(robot, "#caCn", "");
        assertThat(UiText.shown(robot, "#caCnError")).contains("common name (CN) must not be empty");
        assertThat(next.isDisabled()).isTrue();
        UiText.retype(robot, "#caCn", "Workshop CA");
        assertThat(UiText.shown(robot, "#caCnError")).isEmpty();
        UiText.choose(robot, "#caKey", "EC P-256 (recommended)");
        robot.clickOn("#nextButton");
        driver.waitIdle(30);

        UiText.retype(robot, "#serverSans", "dns:localhost, ip:300.1.2.3");
        assertThat(UiText.shown(robot, "#serverSansError")).contains("300.1.2.3").contains("not an IP address");
        assertThat(next.isDisabled()).isTrue();
        UiText.retype(robot, "#serverSans", "dns:localhost, ip:127.0.0.1");
        assertThat(UiText.shown(robot, "#serverSansError")).isEmpty();
        UiText.choose(robot, "#serverKey", "EC P-256 (recommended)");
        robot.clickOn("#nextButton");
        driver.waitIdle(30);

        UiText.choose(robot, "#clientKey", "EC P-256 (recommended)");
        robot.clickOn("#nextButton");
        driver.waitIdle(30);

        UiText.retype(robot, "#wizardPort", "99999");
        assertThat(UiText.shown(robot, "#wizardPortError")).contains("\"99999\" is not a port").contains("1 to 65535");
        assertThat(next.isDisabled()).isTrue();
        UiText.retype(robot, "#wizardPort", "0");
        assertThat(UiText.shown(robot, "#wizardPortError")).isEmpty();
        assertThat(next.isDisabled()).isFalse();
        robot.clickOn("#nextButton");
        driver.waitIdle(30);
        robot.clickOn("#nextButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(30);

        assertThat(UiText.shown(robot, "#outcomeTitle")).startsWith("Success: HTTP 200");
        for (String file : List.of("ca.pem", "ca.key", "server.pem", "server.key", "client.pem", "client.key")) {
            assertThat(Files.exists(driver.workspaceDir().resolve(file))).as(file).isTrue();
        }
        assertThat(Files.readString(driver.workspaceDir().resolve("workspace.json"))).contains("Workshop CA");
    }
}
