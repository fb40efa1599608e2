package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.ConfirmBar;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The bottom of an issuing step: "replace the existing files?" when there are some, the progress of
 * key generation, and the step's own failure message.
 */
public class StepFooter extends VBox {

    private final CheckBox replace = new CheckBox();
    private final Label status = new Label();
    private final Label error = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final HBox working;
    private final ConfirmBar confirm = new ConfirmBar();
    private String yesText = "";
    private String noText = "";
    private final javafx.scene.control.Button cancel = new javafx.scene.control.Button();
    private Runnable cancelAction;

    public StepFooter() {
        getStyleClass().add("card");
        replace.setId("replaceExisting");
        replace.setWrapText(true);
        error.setId("stepError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        status.setId("stepStatus");
        status.getStyleClass().add("help");
        status.setWrapText(true);
        progress.setPrefWidth(260);
        cancel.setId("stepCancel");
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setVisible(false);
        cancel.setOnAction(event -> {
            if (cancelAction != null) {
                cancelAction.run();
            }
        });
        working = new HBox(10, progress, status, cancel);
        working.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        confirm.setId("replaceConfirm");
        getChildren().addAll(replace, confirm, working, error);
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        replace.managedProperty().bind(replace.visibleProperty());
    }

    /** Wires the footer to the app; {@code existing} says whether the step's files already exist. */
    public void setup(AppContext context, BooleanProperty replaceExisting, boolean existing, String files) {
        replace.setText(context.text("wizard.replace", files));
        replace.selectedProperty().bindBidirectional(replaceExisting);
        replace.setVisible(existing);
        progress.visibleProperty().bind(context.tasks().busyProperty());
        status.textProperty().bind(context.tasks().messageProperty());
        working.visibleProperty().bind(context.tasks().busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        cancel.setText(context.text("wizard.keys.cancel"));
        yesText = context.text("wizard.replaceCa.yes");
        noText = context.text("wizard.replaceCa.no");
        context.viewScope().onChange(replaceExisting, (old, now) -> confirm.dismiss());
        visibleProperty().bind(replace.visibleProperty().or(context.tasks().busyProperty())
                .or(error.textProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }

    /** Asks before a destructive step: {@code text} says what is lost; {@code yes} runs only on the button. */
    public void askConfirmation(String text, Runnable yes) {
        confirm.ask(text, yesText, noText, yes);
    }

    /**
     * Shows a Cancel button next to the progress while {@code action} is set; {@code null} hides it.
     * Key generation cannot be interrupted, so the action must make sure nothing is written afterwards.
     */
    public void setCancel(Runnable action) {
        cancelAction = action;
        cancel.setVisible(action != null);
    }

    public void showError(String message) {
        error.setText(message == null ? "" : message);
    }

    public void setExisting(boolean existing) {
        replace.setVisible(existing);
    }
}
