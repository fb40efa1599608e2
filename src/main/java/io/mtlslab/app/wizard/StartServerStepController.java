package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.server.ServerModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Wizard step 4: start the echo server in the secure mode, on the chosen port. */
public class StartServerStepController implements WizardStep {

    private final AppContext context;
    private final ServerModel server;

    @FXML private TextField wizardPort;
    @FXML private Label wizardServerState;
    @FXML private Label wizardPortError;

    public StartServerStepController(AppContext context) {
        this.context = context;
        this.server = context.model(ServerModel.class, () -> new ServerModel(context));
    }

    @FXML
    private void initialize() {
        wizardPort.textProperty().bindBidirectional(server.port);
        wizardServerState.textProperty().bind(server.statusTextProperty());
        // Why Next is greyed out, under the field, as the user types.
        wizardPortError.textProperty().bind(server.portErrorProperty());
        wizardPortError.visibleProperty().bind(server.portErrorProperty().isNotNull());
    }

    @Override
    public ObservableBooleanValue ready() {
        return server.portErrorProperty().isNull();
    }

    @Override
    public void complete(Runnable next) {
        if (server.portErrorProperty().get() != null) {
            wizardPort.requestFocus();
            return;
        }
        server.resetToSecure();
        server.start(next, () -> { });
    }
}
