package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.Exports;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10 §7: background work uses what the screen showed when the user clicked, not what a field
 * says when a worker gets round to it (workers never read JavaFX properties), and the identities list
 * shows the identity clicked last however fast the clicks. Every worker is held busy so that the
 * click's work waits in the queue while the field changes.
 */
class BackgroundWorkUiTest extends AppUnderTest {

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
        SecureFiles.writeSecret(dir.resolve("client-inspect.p12"), Exports.export(workspace.credential("client", null),
                ExportFormat.P12, "client", "p12-password".toCharArray()));
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void inspectReadsThePasswordGivenWhenTheFileWasOpened(FxRobot robot) {
        robot.clickOn("#navInspect");
        robot.clickOn("#inspectPassword").write("p12-password");
        Runnable release = driver.holdWorkers(robot);
        robot.interact(() -> driver.context().model(InspectModel.class, InspectModel::new)
                .open(dir.resolve("client-inspect.p12")));
        UiText.retype(robot, "#inspectPassword", "typed later");
        release.run();
        driver.waitIdle(20);

        assertThat(UiText.shown(robot, "#inspectError")).isEmpty();
        assertThat(UiText.shown(robot, "#inspectTitle")).contains("client-inspect.p12");
    }

    @Test
    void aBatchUsesTheCsvNamedWhenItWasStarted(FxRobot robot) throws IOException {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, "name,cn,ou,email\ndora,Dora,ALUNOS,\neve,Eve,ALUNOS,\n");
        robot.clickOn("#navWorkshop");
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Labeled l
                && "Class from a CSV".equals(l.getText())).queryAs(Node.class));
        TextField path = robot.lookup("#csvPath").queryAs(TextField.class);
        robot.interact(() -> path.setText(csv.toString()));
        Runnable release = driver.holdWorkers(robot);
        robot.clickOn("#batchButton");
        robot.interact(() -> path.setText(dir.resolve("no-such.csv").toString()));
        release.run();
        driver.waitIdle(60);

        assertThat(UiText.shown(robot, "#batchStatus")).startsWith("2 issued");
        assertThat(driver.workspaceDir().resolve("dora.p12")).isRegularFile();
    }

    @Test
    void fastClicksInTheIdentitiesListShowTheLastOneClicked(FxRobot robot) {
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);
        for (String[] clicks : new String[][] {{"server", "client"}, {"client", "ca"}, {"ca", "server"}}) {
            Runnable release = driver.holdWorkers(robot);
            robot.clickOn(cell(robot, clicks[0]));
            robot.clickOn(cell(robot, clicks[1]));
            release.run();
            driver.waitIdle(20);
            assertThat(UiText.shown(robot, "#detailTitle")).startsWith(clicks[1] + " ");
        }
    }

    private static Node cell(FxRobot robot, String name) {
        return robot.lookup("#identityList .table-cell").match(n -> n instanceof Labeled l && name.equals(l.getText()))
                .queryAs(Node.class);
    }
}
