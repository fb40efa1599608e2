package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Fxml;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Our wizard shell: the list of steps on the left, the current step's page in the middle, Back and
 * Next below. Each step is its own FXML + controller over the shared {@link WizardModel}.
 */
public class WizardController {

    /** The steps in order: message key of the title and the step's FXML. */
    static final List<String[]> STEPS = List.of(
            new String[] {"wizard.step.ca", "wizard/CaStep.fxml"},
            new String[] {"wizard.step.server", "wizard/ServerCertStep.fxml"},
            new String[] {"wizard.step.client", "wizard/ClientCertStep.fxml"},
            new String[] {"wizard.step.start", "wizard/StartServerStep.fxml"},
            new String[] {"wizard.step.call", "wizard/TestCallStep.fxml"});

    private final AppContext context;
    private final WizardModel model;
    private final List<Fxml.View<WizardStep>> pages = new ArrayList<>();
    private final List<Label> stepLabels = new ArrayList<>();

    @FXML private VBox stepList;
    @FXML private StackPane page;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    public WizardController(AppContext context) {
        this.context = context;
        this.model = context.model(WizardModel.class, WizardModel::new);
    }

    @FXML
    private void initialize() {
        for (int i = 0; i < STEPS.size(); i++) {
            Label label = new Label((i + 1) + ".  " + context.text(STEPS.get(i)[0]));
            label.getStyleClass().add("wizard-step");
            label.setId("wizardStep" + i);
            label.setWrapText(true);
            stepLabels.add(label);
            stepList.getChildren().add(label);
            pages.add(null);
        }
        backButton.disableProperty().bind(model.step.isEqualTo(0).or(context.tasks().busyProperty()));
        context.viewScope().onChange(model.step, (old, now) -> showStep(now.intValue()));
        showStep(model.step.get());
    }

    private Fxml.View<WizardStep> pageAt(int index) {
        if (pages.get(index) == null) {
            pages.set(index, Fxml.load(context, STEPS.get(index)[1]));
        }
        return pages.get(index);
    }

    private void showStep(int index) {
        Fxml.View<WizardStep> view = pageAt(index);
        Parent root = view.root();
        page.getChildren().setAll(root);
        for (int i = 0; i < stepLabels.size(); i++) {
            Label label = stepLabels.get(i);
            label.getStyleClass().removeAll("current", "done");
            if (i == index) {
                label.getStyleClass().add("current");
            } else if (i < index) {
                label.getStyleClass().add("done");
            }
        }
        boolean last = index == STEPS.size() - 1;
        nextButton.setText(context.text(last ? "wizard.finish" : "wizard.next"));
        nextButton.disableProperty().unbind();
        nextButton.disableProperty().bind(Bindings.not(view.controller().ready()).or(context.tasks().busyProperty()));
        view.controller().shown();
    }

    @FXML
    private void back() {
        if (model.step.get() > 0) {
            model.step.set(model.step.get() - 1);
        }
    }

    @FXML
    private void next() {
        int index = model.step.get();
        // Failures are shown by the step; Next is disabled while its work runs (tasks busy).
        pageAt(index).controller().complete(() -> {
            if (index < STEPS.size() - 1) {
                model.step.set(index + 1);
            } else {
                model.step.set(0);
                context.navigate("call");
            }
        });
    }
}
