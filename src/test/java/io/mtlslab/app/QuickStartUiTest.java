package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G1: one click from an empty workspace to a successful mTLS call with the identity table filled. */
class QuickStartUiTest extends AppUnderTest {

    // A fresh workspace for each test: each starts from what it sets up itself.
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

    private void quickStart(FxRobot robot) {
        robot.clickOn("#quickStartButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 60);
        driver.waitIdle(30);
    }

    @Test
    void quickStartEndsWithSuccessfulCallShowingTheClientIdentity(FxRobot robot) {
        quickStart(robot);

        assertThat(robot.lookup("#outcomeTitle").queryAs(Labeled.class).getText()).startsWith("Success: HTTP 200");
        List<String> cells = robot.lookup("#identityTable .table-cell").queryAllAs(TableCell.class).stream()
                .map(cell -> cell.getText() == null ? "" : cell.getText()).toList();
        assertThat(cells).contains("Cliente", "CODIGODOCLIENTE", "localhost");
        for (String file : List.of("ca.pem", "ca.key", "server.pem", "server.key", "client.pem", "client.key")) {
            assertThat(Files.exists(driver.workspaceDir().resolve(file))).as(file).isTrue();
        }
    }

    /** Quick start goes through `mtls-lab init`'s code (SeedSet), which keeps what the workspace has. */
    @Test
    void quickStartKeepsTheWorkspaceCaAndIssuesTheServerAndClientFromIt(FxRobot robot) throws Exception {
        Workspace workspace = Workspace.open(driver.workspaceDir());
        workspace.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("Turma", "CA da turma")).keyType(KeyType.EC_P256).build(), false, null);
        byte[] caPem = Files.readAllBytes(workspace.certificateFile(Workspace.CA));

        quickStart(robot);

        assertThat(robot.lookup("#outcomeTitle").queryAs(Labeled.class).getText()).startsWith("Success: HTTP 200");
        assertThat(Files.readAllBytes(workspace.certificateFile(Workspace.CA))).isEqualTo(caPem);
        X509Certificate ca = Pem.readCertificate(workspace.certificateFile(Workspace.CA));
        for (String name : List.of(Workspace.SERVER, Workspace.CLIENT)) {
            X509Certificate issued = Pem.readCertificate(workspace.certificateFile(name));
            issued.verify(ca.getPublicKey());
        }
    }
}
