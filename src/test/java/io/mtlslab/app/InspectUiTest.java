package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G4/P7: opening a certificate file shows its subject, its SANs and the pre-flight lint's findings. */
class InspectUiTest extends AppUnderTest {

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
        // Ten days left: the lint warns that it expires soon.
        workspace.issue("short", CertificateSpec.builder(Role.SERVER).subject(SubjectName.seed("TI", "api.example.test"))
                .subjectAltNames(List.of(io.mtlslab.pki.SubjectAltName.dns("api.example.test")))
                .keyType(KeyType.EC_P256).days(10).build(), Workspace.CA, false, null, null);
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    private List<String> labels(FxRobot robot) {
        return robot.lookup("#inspectResult .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void openingACertificateShowsSubjectSansAndLintFindings(FxRobot robot) {
        robot.clickOn("#navInspect");
        UiText.retype(robot, "#inspectPath", driver.workspaceDir().resolve("short.pem").toString());
        robot.clickOn("#inspectPathButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#inspectTitle").isEmpty(), 20);
        driver.waitIdle(10);

        assertThat(UiText.shown(robot, "#inspectTitle")).startsWith("short.pem · PEM · certificate");
        List<String> shown = labels(robot);
        assertThat(shown).anyMatch(text -> text.contains("CN=api.example.test"));
        assertThat(shown).anyMatch(text -> text.contains("api.example.test") && text.toUpperCase().contains("DNS"));
        assertThat(shown).contains("mTLS pre-flight check", "WARNING");
        assertThat(robot.lookup(".lint-finding").queryAllAs(Label.class)).isNotEmpty();
    }
}
