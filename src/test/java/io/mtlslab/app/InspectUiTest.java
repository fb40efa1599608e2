package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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

    @Test
    void aLongPathShowsItsFileNameWhenSetForTheUser(FxRobot robot) throws Exception {
        robot.clickOn("#navInspect");
        Path folder = Files.createDirectories(driver.workspaceDir().resolve(
                "a-folder-with-a-long-name-for-the-class/".repeat(6)));
        Path file = Files.copy(driver.workspaceDir().resolve("short.pem"), folder.resolve("student.pem"),
                StandardCopyOption.REPLACE_EXISTING);
        TextField field = robot.lookup("#inspectPath").queryAs(TextField.class);

        // opened from elsewhere (a dropped file, the identities' Inspect…) while the path field has the focus
        robot.interact(() -> field.requestFocus());
        robot.interact(() -> driver.context().model(InspectModel.class, InspectModel::new).open(file));
        driver.waitIdle(20);
        relayout(robot);
        assertEndShown(field, file.toString());

        // set while the user is elsewhere on the screen
        robot.clickOn("#inspectPassword");
        String other = folder.resolve("another-student.pem").toString();
        robot.interact(() -> field.setText(other));
        relayout(robot);
        assertEndShown(field, other);
    }

    private static void assertEndShown(TextField field, String path) {
        Text shown = field.lookupAll(".text").stream().filter(node -> node instanceof Text text && path.equals(text.getText()))
                .map(Text.class::cast).findFirst().orElseThrow();
        Bounds text = shown.localToScene(shown.getLayoutBounds());
        Bounds box = field.localToScene(field.getLayoutBounds());
        assertThat(text.getWidth()).as("the path is longer than the field").isGreaterThan(box.getWidth());
        assertThat(text.getMaxX()).as("the path's end (its file name) is inside the field")
                .isLessThanOrEqualTo(box.getMaxX());
    }
}
