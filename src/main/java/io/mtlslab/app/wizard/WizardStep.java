package io.mtlslab.app.wizard;

import javafx.beans.value.ObservableBooleanValue;

/** One page of the wizard: says when its input is good enough, and does its work on "Next". */
public interface WizardStep {

    /** True when "Next" may be pressed. */
    ObservableBooleanValue ready();

    /** Does the step's work (in the background) and calls {@code next} when it succeeded. */
    void complete(Runnable next);

    /** Called each time the step is shown. */
    default void shown() {
    }
}
