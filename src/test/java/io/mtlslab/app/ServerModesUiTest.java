package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.TestPki;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** S2/S3 from the GUI: the optional-mode pitfall and the secure mode's rejection, each with its diagnosis. */
class ServerModesUiTest extends AppUnderTest {

    @BeforeAll
    static void seed() {
        TestPki.seedWorkspace(dir.resolve("workspace"));
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    private void startServer(FxRobot robot, String modeButton) {
        robot.clickOn("#navServer");
        robot.clickOn(modeButton);
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#serverState")).startsWith("Listening on https://localhost:");
    }

    private String callWithoutClientCertificate(FxRobot robot) {
        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", "(no client certificate)");
        robot.clickOn("#callButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(30);
        return UiText.shown(robot, "#outcomeTitle");
    }

    @Test
    void optionalModeLetsACallWithoutCertificateThroughTlsAndTheHandlerAnswers401(FxRobot robot) {
        startServer(robot, "#modeOptional");
        assertThat(UiText.shown(robot, "#secureBadge")).startsWith("UNSAFE");

        assertThat(callWithoutClientCertificate(robot)).isEqualTo("TLS worked, but the application answered 401 Unauthorized");
    }

    @Test
    void secureModeRejectsACallWithoutCertificateWithItsDiagnosis(FxRobot robot) {
        startServer(robot, "#modeRequired");
        assertThat(UiText.shown(robot, "#secureBadge")).startsWith("SECURE");

        assertThat(callWithoutClientCertificate(robot)).isEqualTo("Rejected: no client certificate was sent");
        assertThat(UiText.shown(robot, "#diagnosisFix")).startsWith("Fix: ");
    }

    @Test
    void aBadPortIsShownAsAReadableProblemWithDetailsBehindIt(FxRobot robot) {
        robot.clickOn("#navServer");
        UiText.retype(robot, "#port", "99999");
        robot.clickOn("#startButton");
        driver.waitIdle(10);

        assertThat(UiText.shown(robot, "#problemSummary")).isEqualTo("port: port 99999 is out of range");
        assertThat(UiText.shown(robot, "#problemFix")).contains("choose a port from 1 to 65535");
        assertThat(robot.lookup("#problemDetails").queryAs(javafx.scene.control.TitledPane.class).isExpanded()).isFalse();
        robot.clickOn("#problemDismiss");
        assertThat(UiText.shown(robot, "#problemSummary")).isEmpty();
    }
}
