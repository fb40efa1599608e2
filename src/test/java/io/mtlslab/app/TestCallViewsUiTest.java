package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The test call screen's views as a user reads them (issue 10 §6 and §7). */
class TestCallViewsUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @AfterEach
    void english(FxRobot robot) {
        robot.interact(() -> {
            driver.context().fontStepProperty().set(1);
            driver.context().presenterProperty().set(false);
            if (!driver.context().i18n().locale().getLanguage().equals("en")) {
                driver.context().switchLanguage(java.util.Locale.ENGLISH);
            }
        });
    }

    private void startServerAndCallWithTheClient(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeRequired");
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", "client");
        robot.clickOn("#callButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(30);
    }

    /** The top of every empty row a user sees (even one pixel of it) below the last filled row of a table. */
    private static List<Double> emptyRowsShown(TableView<?> table) {
        Region flow = (Region) table.lookup(".virtual-flow");
        List<Double> shown = new ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.isEmpty() && row.getHeight() > 0
                    && row.getLayoutY() < flow.getHeight()) {
                shown.add(row.getLayoutY());
            }
        }
        return shown;
    }

    /** Issue 10 §6: the peer table is as tall as its rows; no sliver of an empty row below them, at any font size. */
    @Test
    void thePeerTableShowsNoEmptyTrailingRowAtAnyFontSize(FxRobot robot) {
        startServerAndCallWithTheClient(robot);
        TableView<?> table = robot.lookup("#identityTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSizeGreaterThan(5);
        for (int step : new int[] {1, 0, 4}) {
            for (boolean presenter : new boolean[] {false, true}) {
                robot.interact(() -> {
                    driver.context().fontStepProperty().set(step);
                    driver.context().presenterProperty().set(presenter);
                });
                relayout(robot);
                List<Double>[] empty = new List[1];
                robot.interact(() -> empty[0] = emptyRowsShown(table));
                assertThat(empty[0]).as("empty rows shown at font step " + step + (presenter ? " presenter" : ""))
                        .isEmpty();
            }
        }
    }

    /**
     * The peer table's field names ("Organizational unit (OU)", "Unidade organizacional (OU)") are
     * what a row is read by: never cut to "Organizational u…", at the smallest window, at any font
     * size, in presenter mode, in either language (they were cut even at 1240×800).
     */
    @Test
    void thePeerTableNeverCutsAFieldName(FxRobot robot) {
        startServerAndCallWithTheClient(robot);
        for (boolean portuguese : new boolean[] {false, true}) {
            if (portuguese) {
                robot.interact(() -> driver.context().switchLanguage(I18n.PT_BR));
                driver.waitIdle(10);
            }
            for (int step : new int[] {1, 0, 4}) {
                for (boolean presenter : new boolean[] {false, true}) {
                    robot.interact(() -> {
                        stage.setWidth(1024);
                        stage.setHeight(700);
                        driver.context().fontStepProperty().set(step);
                        driver.context().presenterProperty().set(presenter);
                    });
                    relayout(robot);
                    TableView<?> table = robot.lookup("#identityTable").queryAs(TableView.class);
                    String where = "font step " + step + (presenter ? " presenter" : "") + (portuguese ? " in pt-BR" : "");
                    List<String> cut = new ArrayList<>();
                    int[] names = new int[1];
                    robot.interact(() -> {
                        for (Node node : table.lookupAll(".table-cell")) {
                            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                                    && cell.getTableColumn() == table.getColumns().get(0)) {
                                names[0]++;
                                String shown = ScreensFitUiTest.cutText(cell);
                                if (shown != null) {
                                    cut.add(cell.getText() + " shown as " + shown);
                                }
                            }
                        }
                    });
                    assertThat(names[0]).as("field names shown, " + where).isGreaterThan(5);
                    assertThat(cut).as("field names cut, " + where).isEmpty();
                }
            }
        }
    }

    /**
     * Issue 10 §3/§6: the problem banner's summary and fix wrap onto more lines instead of ending in "…"
     * (they were cut at 1024×700 with the larger fonts), and its Dismiss button is never cut or pushed out.
     */
    @Test
    void theProblemBannerShowsItsWholeTextAndAnUncutDismissButton(FxRobot robot) {
        String longMessage = "the server at https://a-very-long-host-name.example.internal:8443/with/a/long/path "
                + "closed the connection while we were still reading its answer, ".repeat(3);
        for (boolean portuguese : new boolean[] {false, true}) {
            if (portuguese) {
                robot.interact(() -> driver.context().switchLanguage(I18n.PT_BR));
                driver.waitIdle(10);
            }
            for (String screen : List.of("call", "server", "identities")) {
                for (int step : new int[] {1, 4}) {
                    boolean presenter = step == 1 && portuguese;
                    robot.interact(() -> {
                        stage.setWidth(1024);
                        stage.setHeight(700);
                        driver.context().fontStepProperty().set(step);
                        driver.context().presenterProperty().set(presenter);
                        driver.context().navigate(screen);
                        driver.context().report(new IllegalStateException(longMessage));
                    });
                    relayout(robot);
                    Button dismiss = robot.lookup("#problemDismiss").queryButton();
                    Labeled summary = robot.lookup("#problemSummary").queryLabeled();
                    Labeled fix = robot.lookup("#problemFix").queryLabeled();
                    String where = screen + " at font step " + step + (presenter ? " presenter" : "") + (portuguese ? " in pt-BR" : "");
                    robot.interact(() -> {
                        assertThat(dismiss.isVisible()).as(where).isTrue();
                        assertThat(ScreensFitUiTest.cutText(dismiss)).as("Dismiss shown cut, " + where).isNull();
                        assertThat(ScreensFitUiTest.cutText(summary)).as("summary shown cut, " + where).isNull();
                        assertThat(ScreensFitUiTest.cutText(fix)).as("fix shown cut, " + where).isNull();
                        Bounds text = summary.localToScene(summary.getLayoutBounds());
                        assertThat(text.getMaxX()).as("summary left of Dismiss, " + where)
                                .isLessThanOrEqualTo(dismiss.localToScene(dismiss.getLayoutBounds()).getMinX());
                        Bounds bounds = dismiss.localToScene(dismiss.getLayoutBounds());
                        assertThat(bounds.getMaxX()).as("Dismiss inside the window, " + where)
                                .isLessThanOrEqualTo(stage.getScene().getWidth() + 1);
                        assertThat(bounds.getWidth()).as(where).isGreaterThan(10);
                    });
                }
            }
        }
    }
}
