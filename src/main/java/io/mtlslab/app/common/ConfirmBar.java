package io.mtlslab.app.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An inline "are you sure?" under a destructive action: what will be lost, a button that does it and
 * one that does not. Inline rather than a modal dialog, so that keyboard users and headless UI tests
 * reach it like any other control. Ids: {@code <id>Text}, {@code <id>Yes}, {@code <id>No}.
 */
public final class ConfirmBar extends VBox {

    private final Label text = new Label();
    private final Button yes = new Button();
    private final Button no = new Button();

    public ConfirmBar() {
        getStyleClass().add("confirm-bar");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        yes.getStyleClass().add("danger");
        yes.setMinWidth(Region.USE_PREF_SIZE);
        no.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(8, 8, yes, no);
        getChildren().addAll(text, buttons);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        no.setOnAction(event -> setVisible(false));
        // a hidden question is no question: screen readers and tests must not find it
        visibleProperty().addListener((obs, old, shown) -> {
            if (!shown) {
                text.setText("");
            }
        });
        idProperty().addListener((obs, old, id) -> {
            text.setId(id + "Text");
            yes.setId(id + "Yes");
            no.setId(id + "No");
        });
    }

    /** Shows {@code question}; {@code action} runs only when the user presses {@code yesText}. */
    public void ask(String question, String yesText, String noText, Runnable action) {
        text.setText(question);
        yes.setText(yesText);
        no.setText(noText);
        yes.setOnAction(event -> {
            setVisible(false);
            action.run();
        });
        setVisible(true);
        yes.requestFocus();
    }

    public void dismiss() {
        setVisible(false);
    }
}
