package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.IdentityEntry;
import java.nio.file.Files;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** G3/G4: the identities list with status, and exporting an identity as PKCS#12. */
class IdentitiesUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void listsTheSeedIdentitiesAndExportsTheClientAsPkcs12(FxRobot robot) {
        robot.clickOn("#navIdentities");
        @SuppressWarnings("unchecked")
        TableView<IdentityEntry> list = robot.lookup("#identityList").queryAs(TableView.class);
        assertThat(list.getItems()).extracting(IdentityEntry::name).containsExactly("ca", "server", "client");
        assertThat(robot.lookup(".status-valid").queryAll()).hasSize(3);

        robot.clickOn(robot.lookup("#identityList .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "client".equals(l.getText())).queryAs(javafx.scene.Node.class));
        driver.waitIdle(10);
        robot.clickOn("#exportHereButton");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#exportResult")).contains("needs a password");
        assertThat(Files.exists(driver.workspaceDir().resolve("client.p12"))).isFalse();

        robot.clickOn("#exportPassword").write("changeit");
        robot.clickOn("#exportHereButton");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#exportResult")).startsWith("Written:");
        assertThat(Files.exists(driver.workspaceDir().resolve("client.p12"))).isTrue();
    }
}
