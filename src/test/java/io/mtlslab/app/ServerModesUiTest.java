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

    /** The seed's pitfall 001: a 200 without a client certificate must read as a bypass, never as a success. */
    @Test
    void optionalModeWithACarelessHandlerShowsTheBypassInRedNotASuccess(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeOptional");
        robot.clickOn("#handlerChecks");
        startServer(robot, "#modeOptional");

        String title = callWithoutClientCertificate(robot);

        assertThat(title).isEqualTo("Likely authentication bypass: HTTP 200 without a client certificate");
        assertThat(title).doesNotStartWith("Success");
        assertThat(robot.lookup("#outcomeBox").query().getStyleClass()).contains("outcome-fail").doesNotContain("outcome-ok");
        assertThat(UiText.shown(robot, "#diagnosisSummary"))
                .isEqualTo("The server asked for a client certificate, none was sent, and it answered 200 anyway.");
        assertThat(UiText.shown(robot, "#diagnosisCause")).contains("authentication bypass");
        // read the label itself: UiText.shown drops underscores (mnemonics), and the fix is full of them
        assertThat(robot.lookup("#diagnosisFix").queryLabeled().getText()).contains("tls.RequireAndVerifyClientCert",
                "ssl_verify_client on",
                "setNeedClientAuth(true)");
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
