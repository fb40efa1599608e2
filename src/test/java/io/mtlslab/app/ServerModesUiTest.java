package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.server.TlsProviderChoice;
import io.mtlslab.tls.NativeTls;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** S2/S3 from the GUI: the optional-mode pitfall and the secure mode's rejection, each with its diagnosis. */
class ServerModesUiTest extends SeededAppUnderTest {

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

    /** Issue 11: the screen and the status bar say which TLS runs (BoringSSL by default where it loads). */
    @Test
    void serverScreenAndStatusBarNameTheTlsProviderTheServerRunsOn(FxRobot robot) {
        boolean boringSsl = TlsProviderChoice.processDefault() != TlsProviderChoice.JDK && NativeTls.available();
        String expected = boringSsl ? "BoringSSL" : "JDK " + Runtime.version().feature() + " (SunJSSE)";

        startServer(robot, "#modeRequired");

        assertThat(UiText.shown(robot, "#tlsProvider")).startsWith("TLS by " + expected);
        assertThat(UiText.shown(robot, "#serverStatus")).contains("· TLS: " + expected);
        if (!boringSsl && TlsProviderChoice.processDefault() == TlsProviderChoice.AUTO) {
            assertThat(UiText.shown(robot, "#tlsProvider")).contains("did not load");
        }
        robot.clickOn("#stopButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#serverStatus")).doesNotContain("TLS");
        assertThat(robot.lookup("#tlsProvider").query().isVisible()).isFalse();
    }

    @Test
    void secureModeRejectsACallWithoutCertificateWithItsDiagnosis(FxRobot robot) {
        startServer(robot, "#modeRequired");
        assertThat(UiText.shown(robot, "#secureBadge")).startsWith("SECURE");

        assertThat(callWithoutClientCertificate(robot)).isEqualTo("Rejected: no client certificate was sent");
        assertThat(UiText.shown(robot, "#diagnosisFix")).startsWith("Fix: ");

        // The same result after the language switch: the core's diagnosis re-renders in Portuguese.
        robot.clickOn("#languageButton");
        driver.waitIdle(10);
        robot.clickOn("#navCall");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#diagnosisSummary"))
                .startsWith("O servidor exige um certificado do cliente e nenhum foi enviado.");
        assertThat(UiText.shown(robot, "#diagnosisCause")).startsWith("Nenhum certificado foi enviado porque");
        assertThat(robot.lookup("#diagnosisFix").queryLabeled().getText()).contains("Escolha uma identidade de cliente");
    }

    /** Issue 10 §2: a bad port is a field error beside the field; the running server keeps running. */
    @Test
    void aBadPortIsAnInlineErrorAndNeverStopsTheRunningServer(FxRobot robot) {
        startServer(robot, "#modeRequired");
        String listening = UiText.shown(robot, "#serverState");

        for (String bad : new String[] {"99999", "eighty"}) {
            UiText.retype(robot, "#port", bad);
            driver.waitIdle(10);
            assertThat(UiText.shown(robot, "#portError")).contains("\"" + bad + "\"").contains("1 to 65535")
                    .contains("running server is not affected");
            assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isTrue();
            assertThat(UiText.shown(robot, "#serverState")).isEqualTo(listening);
            assertThat(driver.context().model(io.mtlslab.app.server.ServerModel.class, () -> null).isRunning()).isTrue();
            assertThat(UiText.shown(robot, "#problemSummary")).isEmpty();
        }
        UiText.retype(robot, "#port", "0");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#portError")).isEmpty();
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
    }

    /** Issue 10 §2: the screen shows the mode that runs; ticked options wait for Restart and say so. */
    @Test
    void tickingAnUnsafeModeOnARunningServerShowsItAsPendingUntilRestart(FxRobot robot) {
        startServer(robot, "#modeRequired");
        String listening = UiText.shown(robot, "#serverState");

        robot.clickOn("#modeOptional");
        robot.clickOn("#handlerChecks");
        driver.waitIdle(5);

        assertThat(UiText.shown(robot, "#secureBadge")).startsWith("SECURE");
        assertThat(UiText.shown(robot, "#serverState")).isEqualTo(listening);
        assertThat(UiText.shown(robot, "#runningMode")).isEqualTo("Running mode: client certificate required");
        assertThat(UiText.shown(robot, "#pendingChanges")).startsWith("Changes apply on Restart")
                .contains("client certificate optional, the handler does not check").contains("UNSAFE");
        assertThat(UiText.shown(robot, "#serverStatus")).contains("client certificate required").doesNotContain("optional");

        robot.clickOn("#startButton");
        driver.waitIdle(30);

        assertThat(UiText.shown(robot, "#secureBadge")).startsWith("UNSAFE");
        assertThat(UiText.shown(robot, "#pendingChanges")).isEmpty();
        assertThat(UiText.shown(robot, "#serverStatus")).contains("client certificate optional, the handler does not check")
                .contains(" · 2 unsafe choices · ").doesNotContain("((").doesNotContain("))");

        // A choice the mode's name does not tell (the system CA store) still counts down there.
        robot.clickOn("#trustSystem");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#serverStatus")).contains(" · 3 unsafe choices · ");
    }

    /**
     * Issue 10 §2 and §5: a port already in use is a banner in words, the technical message behind Details
     * without a Java stack trace (which goes to the log file), the running server keeps running, and the
     * banner goes away once a start works.
     */
    @Test
    void aPortInUseIsExplainedWithoutAStackTraceAndTheBannerGoesWhenAStartWorks(FxRobot robot) throws Exception {
        startServer(robot, "#modeRequired");
        String listening = UiText.shown(robot, "#serverState");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            UiText.retype(robot, "#port", Integer.toString(taken.getLocalPort()));
            robot.clickOn("#startButton");
            driver.waitIdle(30);

            assertThat(UiText.shown(robot, "#problemSummary")).contains("port " + taken.getLocalPort())
                    .contains("already in use").doesNotStartWith("port:");
            assertThat(robot.lookup("#problemDetails").queryAs(javafx.scene.control.TitledPane.class).isExpanded()).isFalse();
            String details = robot.lookup("#problemDetails .text-area").queryAs(javafx.scene.control.TextArea.class).getText();
            assertThat(details).startsWith("What happened: port " + taken.getLocalPort()).contains("Technical message:")
                    .contains("BindException").doesNotContain("\tat ").doesNotContain("at io.netty");
            java.nio.file.Path log = dir.resolve("mtls-lab-errors.log");
            assertThat(details).contains("The full trace is in " + log);
            assertThat(java.nio.file.Files.readString(log)).contains("\tat ");
            assertThat(UiText.shown(robot, "#serverState")).isEqualTo(listening);
        }
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);

        assertThat(UiText.shown(robot, "#problemSummary")).isEmpty();
        assertThat(UiText.shown(robot, "#serverState")).startsWith("Listening on https://localhost:");
    }

    /** Issue 10 §2: a result no longer describes what would happen once the server's mode changed. */
    @Test
    void aCallResultIsMarkedOutOfDateWhenTheServerChangesAndFreshAfterTheNextCall(FxRobot robot) {
        startServer(robot, "#modeRequired");
        assertThat(callWithoutClientCertificate(robot)).isEqualTo("Rejected: no client certificate was sent");
        assertThat(UiText.shown(robot, "#staleNote")).isEmpty();

        startServer(robot, "#modeOptional");
        robot.clickOn("#navCall");
        driver.waitIdle(5);
        assertThat(UiText.shown(robot, "#staleNote")).startsWith("Out of date");
        assertThat(robot.lookup("#outcomeBox").query().getPseudoClassStates())
                .contains(javafx.css.PseudoClass.getPseudoClass("stale"));

        robot.clickOn("#callButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#staleNote")).isEmpty();
        assertThat(UiText.shown(robot, "#outcomeTitle")).isEqualTo("TLS worked, but the application answered 401 Unauthorized");

        UiText.choose(robot, "#identity", "client");
        assertThat(UiText.shown(robot, "#staleNote")).startsWith("Out of date");
    }

    /**
     * Issue 10 §7: a call that hangs (a port that accepts but never speaks TLS) greys out only the call,
     * never the server's Stop, and the user can cancel it.
     */
    @Test
    void aHangingCallLeavesStopUsableAndCanBeCancelled(FxRobot robot) throws Exception {
        startServer(robot, "#modeRequired");
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            robot.clickOn("#navCall");
            UiText.retype(robot, "#target", "https://127.0.0.1:" + silent.getLocalPort() + "/");
            robot.clickOn("#callButton");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#callButton").queryButton().isDisabled()).isTrue();
            assertThat(robot.lookup("#cancelCallButton").queryButton().isVisible()).isTrue();

            robot.clickOn("#navServer");
            assertThat(robot.lookup("#stopButton").queryButton().isDisabled()).as("Stop while a call hangs").isFalse();
            robot.clickOn("#navCall");
            robot.clickOn("#cancelCallButton");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

            assertThat(robot.lookup("#callButton").queryButton().isDisabled()).isFalse();
            assertThat(robot.lookup("#cancelCallButton").queryButton().isVisible()).isFalse();
        }
    }
}
