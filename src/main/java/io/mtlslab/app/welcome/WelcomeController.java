package io.mtlslab.app.welcome;

import io.mtlslab.app.AppContext;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The first screen (G1): Quick start, or the guided wizard. */
public class WelcomeController {

    private final AppContext context;
    private final QuickStart quickStart;
    private final List<Label> stepLabels = new ArrayList<>();

    @FXML private Button quickStartButton;
    @FXML private Button wizardButton;
    @FXML private VBox progressCard;
    @FXML private VBox stepBox;
    @FXML private ProgressBar quickProgress;

    public WelcomeController(AppContext context) {
        this.context = context;
        this.quickStart = context.model(QuickStart.class, () -> new QuickStart(context));
    }

    @FXML
    private void initialize() {
        quickStartButton.disableProperty().bind(context.workspaceProperty().isNull()
                .or(context.tasks().busyProperty()));
        wizardButton.disableProperty().bind(quickStart.runningProperty());
        for (int i = 0; i < QuickStart.STEPS.size(); i++) {
            Label label = new Label();
            label.setId("quickStep" + i);
            stepLabels.add(label);
            stepBox.getChildren().add(label);
        }
        progressCard.visibleProperty().bind(quickStart.stepProperty().greaterThanOrEqualTo(0));
        progressCard.managedProperty().bind(progressCard.visibleProperty());
        quickProgress.progressProperty().bind(quickStart.stepProperty().divide((double) QuickStart.STEPS.size()));
        context.viewScope().onChange(quickStart.stepProperty(), (old, now) -> render(now.intValue()));
        render(quickStart.stepProperty().get());
    }

    private void render(int current) {
        for (int i = 0; i < stepLabels.size(); i++) {
            Label label = stepLabels.get(i);
            label.getStyleClass().removeAll("step-done", "step-active", "step-pending");
            String mark = i < current ? "✔" : i == current ? "➜" : "•";
            label.setText(mark + "  " + context.text(QuickStart.STEPS.get(i)));
            label.getStyleClass().add(i < current ? "step-done" : i == current ? "step-active" : "step-pending");
        }
    }

    @FXML
    private void quickStart() {
        context.problemProperty().set(null);
        quickStart.run();
    }

    @FXML
    private void openWizard() {
        context.navigate("wizard");
    }

    @FXML
    private void inspect() {
        context.navigate("inspect");
    }
}
