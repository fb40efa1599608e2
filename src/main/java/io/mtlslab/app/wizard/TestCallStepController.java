package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/** Wizard step placeholder. */
public class TestCallStepController implements WizardStep {

    public TestCallStepController(AppContext context) {
    }

    @Override
    public ObservableBooleanValue ready() {
        return new SimpleBooleanProperty(true);
    }

    @Override
    public void complete(Runnable next) {
        next.run();
    }
}
