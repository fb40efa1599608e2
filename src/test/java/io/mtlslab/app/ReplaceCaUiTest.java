package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.SecureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Issue 10 §5: replacing the CA from the wizard asks first, says what it orphans, and keeps the old pair. */
class ReplaceCaUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void replacingTheCaAsksWithTheOrphansAndKeepsADatedBackup(FxRobot robot) throws Exception {
        Path workspace = driver.workspaceDir();
        byte[] oldCa = Files.readAllBytes(workspace.resolve("ca.pem"));
        byte[] oldKey = Files.readAllBytes(workspace.resolve("ca.key"));
        robot.clickOn("#navWizard");
        UiText.choose(robot, "#caKey", "EC P-256 (recommended)");
        robot.clickOn("#replaceExisting");

        robot.clickOn("#nextButton");
        driver.waitIdle(10);
        String question = UiText.shown(robot, "#replaceConfirmText");
        assertThat(question).startsWith("Replacing the CA orphans 2 identities (server, client)")
                .containsPattern("kept as ca-backup-\\d{8}-\\d{6}\\.pem / ca-backup-\\d{8}-\\d{6}\\.key");
        robot.clickOn("#replaceConfirmNo");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#replaceConfirmText")).isEmpty();
        assertThat(Files.readAllBytes(workspace.resolve("ca.pem"))).isEqualTo(oldCa);
        assertThat(robot.lookup("#caCn").tryQuery()).isPresent();

        robot.clickOn("#nextButton");
        driver.waitIdle(10);
        String confirmed = UiText.shown(robot, "#replaceConfirmText");
        robot.clickOn("#replaceConfirmYes");
        driver.waitIdle(60);

        assertThat(Files.readAllBytes(workspace.resolve("ca.pem"))).isNotEqualTo(oldCa);
        List<Path> backups;
        try (Stream<Path> files = Files.list(workspace)) {
            backups = files.filter(f -> f.getFileName().toString().startsWith("ca-backup-")).sorted().toList();
        }
        assertThat(backups).hasSize(2);
        Path keyBackup = backups.stream().filter(f -> f.toString().endsWith(".key")).findFirst().orElseThrow();
        Path certBackup = backups.stream().filter(f -> f.toString().endsWith(".pem")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(certBackup)).isEqualTo(oldCa);
        assertThat(Files.readAllBytes(keyBackup)).isEqualTo(oldKey);
        assertThat(SecureFiles.isOwnerOnly(keyBackup)).isTrue();
        assertThat(confirmed).contains(certBackup.getFileName().toString(), keyBackup.getFileName().toString());
    }
}
