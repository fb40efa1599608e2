package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 10 §5: the Identities pre-flight tells a revoked certificate and one from a replaced CA apart
 * from a good one, instead of "No problems found".
 */
class PreflightUiTest extends AppUnderTest {

    @BeforeAll
    static void revokeTheClientThenReplaceTheCa() {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
        CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);
        // The wizard's "Replace the existing ca.pem": the same name, a new key.
        workspace.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build(), true, null);
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    private String lintOf(FxRobot robot, String name) {
        robot.clickOn(robot.lookup("#identityList .table-cell").match(n -> n instanceof Labeled l
                && name.equals(l.getText())).queryAs(Node.class));
        driver.waitIdle(10);
        return robot.lookup("#detailGrid .label").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(text -> text != null).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void showsTheRevokedClientAndTheCertificatesOfTheReplacedCa(FxRobot robot) {
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);

        String client = lintOf(robot, "client");
        assertThat(client).contains("was revoked on", "Key compromise", "another CA with the same name")
                .doesNotContain("No problems found");
        String server = lintOf(robot, "server");
        assertThat(server).contains("another CA with the same name", "renew it").doesNotContain("was revoked");
        String ca = lintOf(robot, "ca");
        assertThat(ca).doesNotContain("another CA with the same name", "was revoked");
    }
}
