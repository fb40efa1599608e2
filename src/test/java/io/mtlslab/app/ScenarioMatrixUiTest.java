package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.scenario.Scenario;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.testing.TestPki;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** M1 from the GUI: the matrix runs off the FX thread and every row passes against the secure server. */
class ScenarioMatrixUiTest extends AppUnderTest {

    @BeforeAll
    static void seed() {
        TestPki.seedWorkspace(dir.resolve("workspace"));
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void scenarioMatrixShowsEveryRowPassingInSecureMode(FxRobot robot) {
        robot.clickOn("#navScenarios");
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
}
