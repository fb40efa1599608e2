package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.wizard.WizardModel;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.KeyType;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10 §7: a batch (workshop) and key generation (wizard) can be cancelled, each with its own
 * busy state. A cancelled batch keeps and lists what it issued; a cancelled key generation writes nothing.
 */
class CancelUiTest extends AppUnderTest {

    private static final int ROWS = 2000;

    @TempDir
    Path ownDir;

    @Override
    Path appDir() {
        return ownDir;
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void cancellingABatchStopsItAndKeepsTheRowsIssuedSoFar(FxRobot robot) throws IOException {
        TestPki.seedWorkspace(driver.workspaceDir());
        Path csv = ownDir.resolve("big-class.csv");
        Files.writeString(csv, "name,cn,ou,email\n" + IntStream.range(0, ROWS)
                .mapToObj(i -> "s" + i + ",Student " + i + ",ALUNOS,").collect(Collectors.joining("\n")) + "\n");
        robot.clickOn("#navWorkshop");
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Labeled l
                && "Class from a CSV".equals(l.getText())).queryAs(Node.class));
        robot.interact(() -> robot.lookup("#csvPath").queryAs(TextField.class).setText(csv.toString()));
        Button cancel = robot.lookup("#batchCancelButton").queryButton();
        assertThat(cancel.isVisible()).as("no Cancel before a batch runs").isFalse();

        robot.clickOn("#batchButton");
        driver.waitUntil(cancel::isVisible, 10);
        assertThat(robot.lookup("#batchButton").queryButton().isDisabled()).as("one batch at a time").isTrue();
        robot.clickOn(cancel);
        driver.waitIdle(120);

        assertThat(cancel.isVisible()).isFalse();
        assertThat(robot.lookup("#batchButton").queryButton().isDisabled()).isFalse();
        assertThat(UiText.shown(robot, "#batchStatus")).startsWith("Cancelled: ");
        List<IdentityEntry> students = driver.context().workspace().identities().stream()
                .filter(e -> e.name().startsWith("s")).filter(e -> !e.name().equals("server")).toList();
        assertThat(students).as("cancelled well before the end").hasSizeLessThan(ROWS);
        // What was issued before the cancel is whole: recorded, with its files, and listed on screen.
        for (IdentityEntry student : students) {
            assertThat(driver.workspaceDir().resolve(student.name() + ".pem")).isRegularFile();
            assertThat(driver.workspaceDir().resolve(student.name() + ".p12")).isRegularFile();
        }
        assertThat(UiText.shown(robot, "#batchStatus")).startsWith("Cancelled: " + students.size() + " issued");
    }

    @Test
    void cancellingKeyGenerationWritesNothingAndFreesTheWizard(FxRobot robot) throws Exception {
        WizardModel model = driver.context().model(WizardModel.class, WizardModel::new);
        CountDownLatch generating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        model.keyMaker = type -> {
            generating.countDown();
            try {
                finish.await();
                return type.generate();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                finished.countDown();
            }
        };
        robot.interact(() -> model.caKeyType.set(KeyType.EC_P256));
        robot.clickOn("#navWizard");
        robot.clickOn("#nextButton");
        driver.waitUntil(() -> generating.getCount() == 0, 10);
        Button cancel = robot.lookup("#stepCancel").queryButton();
        driver.waitUntil(cancel::isVisible, 10);
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        robot.clickOn(cancel);
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#stepError")).startsWith("Key generation cancelled");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).as("the wizard is free again").isFalse();
        assertThat(cancel.isVisible()).isFalse();

        // The generator cannot be interrupted: when it ends anyway, its key is dropped, nothing written.
        finish.countDown();
        finished.await();
        driver.waitIdle(10);
        assertThat(driver.workspaceDir().resolve("ca.pem")).doesNotExist();
        assertThat(driver.workspaceDir().resolve("ca.key")).doesNotExist();
        assertThat(model.step.get()).isZero();

        // And the step still works afterwards.
        model.keyMaker = KeyType::generate;
        robot.clickOn("#nextButton");
        driver.waitIdle(30);
        assertThat(driver.workspaceDir().resolve("ca.pem")).isRegularFile();
        assertThat(model.step.get()).isEqualTo(1);
    }
}
