package io.mtlslab.app.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The strip above every screen where a background failure is shown: summary, fix and a collapsed
 * "Details" pane with the technical trace. Never a stack trace alone, never nothing.
 */
public final class ProblemBanner extends VBox {

    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    public ProblemBanner(I18n i18n) {
        getStyleClass().add("problem-banner");
        setId("problemBanner");
        Label summary = new Label();
        summary.setId("problemSummary");
        summary.getStyleClass().add("problem-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label fix = new Label();
        fix.setId("problemFix");
        fix.getStyleClass().add("problem-fix");
        fix.setWrapText(true);
        fix.setMinHeight(Region.USE_PREF_SIZE);
        Button close = new Button(i18n.get("error.dismiss"));
        close.setId("problemDismiss");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(event -> problem.set(null));
        // A BorderPane, not an HBox: it gives the texts the width left beside the button when it asks
        // their height, so a long summary wraps onto more lines instead of ending in "…".
        VBox texts = new VBox(summary, fix);
        texts.setMinWidth(0);
        BorderPane top = new BorderPane(texts);
        top.setRight(close);
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);
        BorderPane.setMargin(close, new Insets(0, 0, 0, 10));
        top.getStyleClass().add("problem-top");
        TextArea trace = new TextArea();
        trace.setEditable(false);
        trace.getStyleClass().add("mono");
        trace.setPrefRowCount(8);
        TitledPane details = new TitledPane(i18n.get("error.details"), trace);
        details.setExpanded(false);
        details.setId("problemDetails");
        getChildren().addAll(top, details);
        visibleProperty().bind(problem.isNotNull());
        managedProperty().bind(visibleProperty());
        problem.addListener((obs, old, value) -> {
            summary.setText(value == null ? "" : value.summary());
            fix.setText(value == null || value.fix() == null ? "" : value.fix());
            fix.setVisible(value != null && value.fix() != null);
            fix.setManaged(fix.isVisible());
            trace.setText(value == null ? "" : value.details());
            details.setExpanded(false);
        });
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }
}
