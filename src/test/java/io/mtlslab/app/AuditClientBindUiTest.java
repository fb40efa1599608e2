package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.audit.AuditModel;
import io.mtlslab.audit.ClientAudit;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The GUI's client audit offers the CLI's {@code --bind}: where the bad servers listen, this machine only
 * (127.0.0.1) unless the user writes another address; an address that is not this machine's is an error
 * in the GUI's words, and nothing starts.
 */
class AuditClientBindUiTest extends SeededAppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void clientAuditListensWhereTheUserSays(FxRobot robot) throws Exception {
        robot.clickOn("#navAudit");
        driver.waitIdle(10);
        robot.interact(() -> robot.lookup("#auditTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        assertThat(robot.lookup("#clientBind").queryTextInputControl().getText()).isEqualTo("127.0.0.1");

        UiText.retype(robot, "#clientBind", "999.1.1.1");
        robot.clickOn("#startClientAuditButton");
        driver.waitIdle(60);
        assertThat(driver.context().problemProperty().get()).as("error banner").isNotNull();
        assertThat(driver.context().problemProperty().get().summary()).isEqualTo("'999.1.1.1' is not an address of this machine.");
        assertThat(driver.context().problemProperty().get().fix()).isEqualTo("Write 127.0.0.1, or an IP address of this machine.");
        AuditModel model = driver.context().model(AuditModel.class, () -> new AuditModel(driver.context()));
        assertThat(model.clientAuditProperty().get()).isNull();
        assertThat(robot.lookup("#startClientAuditButton").queryButton().isDisabled()).isFalse();

        UiText.retype(robot, "#clientBind", "127.0.0.1");
        robot.clickOn("#startClientAuditButton");
        driver.waitIdle(60);
        @SuppressWarnings("unchecked")
        TableView<ClientAudit.Endpoint> endpoints = robot.lookup("#endpointTable").queryAs(TableView.class);
        assertThat(endpoints.getItems()).isNotEmpty();
        assertThat(robot.lookup("#clientBind").queryTextInputControl().isDisabled()).as("fixed while the servers run").isTrue();
        int port = URI.create(endpoints.getItems().get(0).url()).getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            assertThat(socket.isConnected()).isTrue();
        }
        robot.clickOn("#stopClientAuditButton");
        driver.waitIdle(30);
        assertThat(robot.lookup("#clientBind").queryTextInputControl().isDisabled()).isFalse();
    }
}
