package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.call.CallModel;
import io.mtlslab.app.scenarios.ScenarioModel;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.scenario.Outcome;
import io.mtlslab.scenario.Scenario;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.scenario.ServerMode;
import io.mtlslab.tls.ServerTlsProfile;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** M1 from the GUI: the matrix runs off the FX thread and every row passes against the secure server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioMatrixUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    @Order(2)
    void scenarioMatrixShowsEveryRowPassingInSecureMode(FxRobot robot) {
        robot.clickOn("#navScenarios");
        relayout(robot);
        // Before a run there is no summary, and no blank band where it will go.
        Node modeRow = robot.lookup("#mode").query().getParent();
        Node description = robot.lookup("#modeDescription").query();
        double gap = description.localToScene(description.getLayoutBounds()).getMinY()
                - modeRow.localToScene(modeRow.getLayoutBounds()).getMaxY();
        double spacing = ((VBox) description.getParent()).getSpacing();
        assertThat(gap).as("room between the mode row and its description").isLessThanOrEqualTo(spacing + 1);
        robot.clickOn("#runScenariosButton");
        driver.waitUntil(() -> !driver.context().tasks().isBusy(), 180);
        driver.waitIdle(10);

        @SuppressWarnings("unchecked")
        TableView<ScenarioResult> table = robot.lookup("#scenarioTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(table.getItems()).allSatisfy(row -> {
            assertThat(row.mode().id()).isEqualTo("secure");
            assertThat(row.status()).as(row.scenario().label()).isNotEqualTo(ScenarioResult.Status.FAIL);
            assertThat(row.attackSucceeded()).as(row.scenario().label()).isFalse();
        });
        long attacks = table.getItems().stream().filter(row -> row.scenario().attack()
                && row.status() != ScenarioResult.Status.SKIPPED).count();
        assertThat(attacks).isPositive();
        assertThat(UiText.shown(robot, "#scenarioSummary"))
                .startsWith(attacks + " of " + attacks + " attacks blocked · 0 bypasses · ").endsWith(" · 0 failed");
        assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("secure");

        // The same rows after the language switch: scenario, expected, actual and mode cells in Portuguese.
        robot.clickOn("#languageButton");
        driver.waitIdle(10);
        robot.clickOn("#navScenarios");
        driver.waitIdle(10);
        @SuppressWarnings("unchecked")
        TableView<ScenarioResult> portuguese = robot.lookup("#scenarioTable").queryAs(TableView.class);
        int valid = portuguese.getItems().indexOf(portuguese.getItems().stream()
                .filter(row -> row.scenario() == Scenario.VALID_CLIENT).findFirst().orElseThrow());
        int expired = portuguese.getItems().indexOf(portuguese.getItems().stream()
                .filter(row -> row.scenario() == Scenario.EXPIRED_CLIENT).findFirst().orElseThrow());
        assertThat(portuguese.getColumns().get(0).getText()).isEqualTo("Modo");
        assertThat(portuguese.getColumns().get(0).getCellData(valid)).isEqualTo("seguro");
        assertThat(portuguese.getColumns().get(1).getCellData(valid)).isEqualTo("cliente válido");
        assertThat(portuguese.getColumns().get(1).getCellData(expired)).isEqualTo("certificado do cliente expirado");
        assertThat(portuguese.getColumns().get(2).getCellData(expired)).isEqualTo("recusada (EXPIRED)");
        assertThat((String) portuguese.getColumns().get(3).getCellData(expired)).startsWith("recusada (EXPIRED, lado do");
        assertThat((String) portuguese.getColumns().get(5).getCellData(expired)).startsWith("O servidor recusou seu certificado");
        assertThat(UiText.shown(robot, "#scenarioSummary")).startsWith(attacks + " de " + attacks + " ataques bloqueados");
    }

    /**
     * Issue 10 §6: in the GUI a call always comes before the matrix, and after it this Java runtime refuses
     * TLS 1.1 for good. The TLS 1.1 rows must still run (in a child Java process), not say "not available":
     * the downgrade is accepted in legacy-tls mode and refused for its protocol version in secure mode.
     *
     * <p>First in the class: a matrix run before any TLS use lifts the ban for the whole JVM (the surefire
     * JVM is shared, so an earlier test class may have done so too; {@code LegacyTlsChildTest} forces the
     * child either way).
     */
    @Test
    @Order(1)
    void tls11RowsRunAfterACallMadeInTheSameProcess(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeRequired");
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        robot.clickOn("#navCall");
        robot.clickOn("#callButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(30);
        CallModel call = driver.context().model(CallModel.class, () -> new CallModel(driver.context()));
        assertThat(call.resultProperty().get().outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
        boolean banned = !ServerTlsProfile.jdkAllows("TLSv1.1");

        robot.clickOn("#navScenarios");
        for (ServerMode mode : java.util.List.of(ServerMode.LEGACY_TLS, ServerMode.SECURE)) {
            robot.interact(() -> driver.context().model(ScenarioModel.class, () -> new ScenarioModel(driver.context()))
                    .mode.set(mode));
            robot.clickOn("#runScenariosButton");
            driver.waitUntil(() -> !driver.context().tasks().isBusy(), 180);
            driver.waitIdle(10);
            @SuppressWarnings("unchecked")
            TableView<ScenarioResult> table = robot.lookup("#scenarioTable").queryAs(TableView.class);
            ScenarioResult tls11 = table.getItems().stream().filter(row -> row.scenario() == Scenario.TLS11_ONLY_CLIENT)
                    .findFirst().orElseThrow();
            assertThat(tls11.status()).as("TLS 1.1 row in %s: %s", mode.id(), tls11.actualText())
                    .isEqualTo(ScenarioResult.Status.PASS);
            assertThat(tls11.actual()).isEqualTo(mode == ServerMode.LEGACY_TLS ? Outcome.ACCEPTED : Outcome.REFUSED);
            int row = table.getItems().indexOf(tls11);
            assertThat((String) table.getColumns().get(3).getCellData(row)).as("actual cell")
                    .startsWith(mode == ServerMode.LEGACY_TLS ? "200 OK as CN=Cliente" : "refused (PROTOCOL_VERSION, ");
            assertThat(table.getItems()).noneMatch(r -> r.status() == ScenarioResult.Status.FAIL);
            if (banned) {
                assertThat(tls11.call()).as("a cell from the child process carries no call details").isNull();
            }
        }
    }
}
