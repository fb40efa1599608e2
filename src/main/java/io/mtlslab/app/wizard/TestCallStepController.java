package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.server.ServerModel;
import io.mtlslab.app.welcome.QuickStartLinks;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Wizard step 5: call the echo server as the new client; "Finish" shows the result on the test call screen. */
public class TestCallStepController implements WizardStep {

    private final AppContext context;
    private final ServerModel server;

    @FXML private Label wizardCallTarget;

    public TestCallStepController(AppContext context) {
        this.context = context;
        this.server = context.model(ServerModel.class, () -> new ServerModel(context));
    }

    @FXML
    private void initialize() {
        wizardCallTarget.textProperty().bind(server.statusTextProperty());
    }

    @Override
    public ObservableBooleanValue ready() {
        return server.serverProperty().isNotNull();
    }

    @Override
    public void complete(Runnable next) {
        QuickStartLinks.callAs(context, "client", next);
    }
}
