package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.call.CallModel;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10 §5: an identity issued with a key password ({@code --key-password}) can be viewed without
 * it, exported and called with after the GUI asks for it; a wrong password is an inline error in the dialog.
 */
class EncryptedKeyUiTest extends AppUnderTest {

    private static final String KEY_PASSWORD = "correct horse 42";

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
        workspace.issue("locked", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TI", "Locked"))
                .keyType(KeyType.EC_P256).build(), Workspace.CA, false, KEY_PASSWORD.toCharArray(), null);
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void showsAnEncryptedKeyIdentityAndExportsItAfterAskingForThePassword(FxRobot robot) throws Exception {
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);
        robot.clickOn(cell(robot, "locked"));
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#detailTitle")).startsWith("locked");
        assertThat(robot.lookup("#detailGrid .label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("Private key", "encrypted; its password is asked for when the key is needed (export)");

        @SuppressWarnings("unchecked")
        ComboBox<ExportFormat> format = robot.lookup("#exportFormat").queryAs(ComboBox.class);
        robot.interact(() -> format.setValue(ExportFormat.P12));
        robot.clickOn("#exportPassword").write("changeit");
        robot.clickOn("#exportHereButton");
        driver.waitIdle(10);
        driver.waitUntil(() -> robot.lookup("#keyPasswordField").tryQuery().isPresent(), 10);

        robot.clickOn("#keyPasswordField").write("not the password");
        robot.clickOn("#keyPasswordUnlock");
        driver.waitIdle(20);
        assertThat(UiText.shown(robot, "#keyPasswordError")).startsWith("Wrong password");
        assertThat(robot.lookup("#keyPasswordField").tryQuery()).as("the dialog stays open").isPresent();
        Path p12 = driver.workspaceDir().resolve("locked.p12");
        assertThat(p12).doesNotExist();

        UiText.retype(robot, "#keyPasswordField", KEY_PASSWORD);
        assertThat(UiText.shown(robot, "#keyPasswordError")).as("typing clears the error").isEmpty();
        robot.clickOn("#keyPasswordUnlock");
        driver.waitIdle(20);
        driver.waitUntil(() -> robot.lookup("#keyPasswordField").tryQuery().isEmpty(), 10);
        // The export starts when the dialog closes: wait for it too.
        driver.waitIdle(20);
        driver.waitUntil(() -> !UiText.shown(robot, "#exportResult").isEmpty(), 20);

        assertThat(UiText.shown(robot, "#exportResult")).startsWith("Written:");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "changeit".toCharArray());
        }
        assertThat(store.getKey("locked", "changeit".toCharArray())).as("the key is in the .p12").isNotNull();
    }

    @Test
    void cancellingThePasswordDialogWritesNothing(FxRobot robot) {
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);
        robot.clickOn(cell(robot, "locked"));
        driver.waitIdle(10);
        @SuppressWarnings("unchecked")
        ComboBox<ExportFormat> format = robot.lookup("#exportFormat").queryAs(ComboBox.class);
        robot.interact(() -> format.setValue(ExportFormat.KEY));
        robot.clickOn("#exportHereButton");
        driver.waitIdle(10);
        driver.waitUntil(() -> robot.lookup("#keyPasswordCancel").tryQuery().isPresent(), 10);
        robot.clickOn("#keyPasswordCancel");
        driver.waitIdle(10);

        assertThat(robot.lookup("#keyPasswordField").tryQuery()).isEmpty();
        assertThat(driver.workspaceDir().resolve("locked-pkcs8.key")).doesNotExist();
        // The certificate alone needs no password at all.
        robot.interact(() -> format.setValue(ExportFormat.PEM));
        robot.clickOn("#exportHereButton");
        driver.waitIdle(10);
        assertThat(robot.lookup("#keyPasswordField").tryQuery()).isEmpty();
        assertThat(driver.workspaceDir().resolve("locked.crt")).isRegularFile();
    }

    @Test
    void aCallWithAnEncryptedKeyIdentityAsksForThePasswordOnceAndAuthenticates(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeRequired");
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#serverState")).startsWith("Listening on https://localhost:");

        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", "locked");
        robot.clickOn("#callButton");
        driver.waitUntil(() -> robot.lookup("#keyPasswordField").tryQuery().isPresent(), 30);
        assertThat(driver.context().problemProperty().get()).as("asked, not an error banner").isNull();
        robot.clickOn("#keyPasswordField").write(KEY_PASSWORD);
        robot.clickOn("#keyPasswordUnlock");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(20);

        CallModel call = driver.context().model(CallModel.class, () -> new CallModel(driver.context()));
        assertThat(call.resultProperty().get().outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
        assertThat(call.resultProperty().get().report().askedVsPresented().sent().subject()).contains("CN=Locked");

        // The unlocked key is kept for this session: the next call asks nothing.
        robot.clickOn("#callButton");
        driver.waitIdle(30);
        assertThat(robot.lookup("#keyPasswordField").tryQuery()).isEmpty();
        assertThat(call.resultProperty().get().outcome().kind()).isEqualTo(CallOutcome.Kind.MUTUALLY_AUTHENTICATED);
    }

    private static Node cell(FxRobot robot, String name) {
        return robot.lookup("#identityList .table-cell").match(n -> n instanceof Labeled l && name.equals(l.getText()))
                .queryAs(Node.class);
    }
}
