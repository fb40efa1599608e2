package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.call.LoadModel;
import io.mtlslab.app.common.I18n;
import io.mtlslab.load.LoadReport;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 11 §2 in the GUI: the Test call screen's load test against the echo server started here. */
class LoadUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @AfterEach
    void english(FxRobot robot) {
        robot.interact(() -> {
            if (!driver.context().i18n().locale().getLanguage().equals("en")) {
                driver.context().switchLanguage(Locale.ENGLISH);
            }
        });
    }

    private void serveAndOpenTheLoadTest(FxRobot robot, String identity) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeRequired");
        serveAndOpen(robot, identity);
    }

    private void serveAndOpen(FxRobot robot, String identity) {
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", identity);
        robot.clickOn("#loadToggle");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LoadReport report() {
        return driver.context().model(LoadModel.class, () -> null).reportProperty().get();
    }

    /** The handshake counts of the chart's bars, left to right. */
    private java.util.stream.LongStream bars(FxRobot robot) {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#loadChart").queryAs(BarChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).isNotEmpty();
        return chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).mapToLong(Number::longValue);
    }

    private long chartTotal(FxRobot robot) {
        return bars(robot).sum();
    }

    private NumberAxis countAxis(FxRobot robot) {
        return (NumberAxis) robot.lookup("#loadChart").queryAs(BarChart.class).getYAxis();
    }

    private List<String> countAxisLabels(FxRobot robot) {
        NumberAxis axis = countAxis(robot); // the labels it draws: its formatter's text for each tick
        return axis.getTickMarks().stream().map(tick -> axis.getTickLabelFormatter().toString(tick.getValue())).toList();
    }

    private long tallestBar(FxRobot robot) {
        return bars(robot).max().orElse(0);
    }

    @Test
    void twentyHandshakesAreCountedShownAsFiguresAndChartedAndReadInPortuguese(FxRobot robot) {
        serveAndOpenTheLoadTest(robot, "client");
        UiText.retype(robot, "#loadConcurrency", "2");
        UiText.retype(robot, "#loadAmount", "20");
        robot.clickOn("#loadButton");
        driver.waitUntil(() -> report() != null, 120);
        driver.waitIdle(30);

        LoadReport report = report();
        assertThat(report.calls()).isEqualTo(20);
        assertThat(report.succeeded()).isEqualTo(20);
        assertThat(report.handshakes()).isEqualTo(20);
        assertThat(report.cancelled()).isFalse();
        assertThat(UiText.shown(robot, "#loadHeadline")).startsWith("20 calls in ");
        assertThat(robot.lookup("#loadFigures .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText))
                .contains("20 in all: 20 succeeded, 0 failed", "HTTP 200 × 20")
                .anyMatch(text -> text.startsWith("p50 ") && text.contains(" · max "))
                .anyMatch(text -> text.contains("handshakes/s (20 full handshakes)"))
                .contains("Load client busy")
                .anyMatch(text -> text.matches("\\d+% of its network threads' time.*"));
        assertThat(robot.lookup("#loadFailures .label").queryLabeled().getText()).isEqualTo("No call failed.");
        assertThat(chartTotal(robot)).isEqualTo(20);
        assertThat(countAxisLabels(robot)).as("whole handshakes, from 0 past the tallest bar")
                .allMatch(label -> label.matches("\\d+")).contains("0")
                .anyMatch(label -> Integer.parseInt(label) >= tallestBar(robot));
        assertThat(countAxis(robot).getTickLabelFormatter().toString(1000)).isEqualTo("1,000");
        assertThat(robot.lookup("#cancelLoadButton").queryButton().isVisible()).isFalse();

        robot.interact(() -> driver.context().switchLanguage(I18n.PT_BR));
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#loadHeadline")).startsWith("20 chamadas em ");
        assertThat(UiText.shown(robot, "#loadToggle")).isEqualTo("Teste de carga…");
        assertThat(chartTotal(robot)).isEqualTo(20);
        assertThat(countAxisLabels(robot)).allMatch(label -> label.matches("\\d+"));
        assertThat(countAxis(robot).getTickLabelFormatter().toString(1000)).isEqualTo("1.000");
    }

    @Test
    void callsWithoutACertificateAreGroupedUnderTheirDiagnosis(FxRobot robot) {
        serveAndOpenTheLoadTest(robot, "(no client certificate)");
        UiText.retype(robot, "#loadConcurrency", "2");
        UiText.retype(robot, "#loadAmount", "10");
        robot.clickOn("#loadButton");
        driver.waitUntil(() -> report() != null, 120);
        driver.waitIdle(30);

        assertThat(report().failed()).isEqualTo(10);
        // the label itself: UiText.shown drops underscores (mnemonics), and the code has them
        assertThat(robot.lookup("#loadFailure-NO_CLIENT_CERTIFICATE").queryLabeled().getText())
                .isEqualTo("10 × Rejected: no client certificate was sent  (NO_CLIENT_CERTIFICATE)");
    }

    /** The seed's pitfall under load: answers to calls without a certificate are flagged, not a quiet success. */
    @Test
    void answersWithoutAClientCertificateAreFlaggedAsAPossibleBypass(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeOptional");
        robot.clickOn("#handlerChecks");
        serveAndOpen(robot, "(no client certificate)");
        UiText.retype(robot, "#loadAmount", "4");
        robot.clickOn("#loadButton");
        driver.waitUntil(() -> report() != null, 120);
        driver.waitIdle(30);

        assertThat(report().succeeded()).isEqualTo(4);
        assertThat(UiText.shown(robot, "#loadWithoutCertificate"))
                .startsWith("4 calls were answered without a client certificate").contains("authentication bypass");
    }

    @Test
    void aBadFormIsExplainedAndCancelStopsARunningLoad(FxRobot robot) {
        serveAndOpenTheLoadTest(robot, "client");
        UiText.retype(robot, "#loadConcurrency", "0");
        assertThat(UiText.shown(robot, "#loadError")).contains("\"0\"").contains("1 to 256");
        assertThat(robot.lookup("#loadButton").queryButton().isDisabled()).isTrue();
        UiText.retype(robot, "#loadConcurrency", "1");
        assertThat(UiText.shown(robot, "#loadError")).isEmpty();

        // a run of ten minutes, cancelled as soon as it reports progress
        robot.interact(() -> driver.context().model(LoadModel.class, () -> null).unit.set(LoadModel.Unit.SECONDS));
        UiText.retype(robot, "#loadAmount", "600");
        robot.clickOn("#loadButton");
        driver.waitUntil(() -> driver.context().model(LoadModel.class, () -> null).progressProperty().get() != null, 60);
        assertThat(robot.lookup("#loadButton").queryButton().isDisabled()).isTrue();
        assertThat(UiText.shown(robot, "#loadStatus")).contains("handshakes/s");
        robot.clickOn("#cancelLoadButton");
        driver.waitUntil(() -> report() != null, 60);
        driver.waitIdle(30);

        assertThat(report().cancelled()).isTrue();
        assertThat(UiText.shown(robot, "#loadHeadline")).startsWith("Cancelled after ");
        assertThat(robot.lookup("#loadButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelLoadButton").queryButton().isVisible()).isFalse();
    }
}
