package io.mtlslab.app.common;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Two columns of "what: value" lines, the names in the muted key style and the values wrapped: an
 * identity's details, a call's handshake. Names and values wrap rather than being cut or widening
 * a narrow pane (the identity details sit in one at 1024×700 with the largest font). Usable from FXML as {@code <KeyValueGrid fx:id="..."/>}.
 */
public final class KeyValueGrid extends GridPane {

    private int rows;

    public KeyValueGrid() {
        getStyleClass().add("form");
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    /** Removes every line. */
    public void clear() {
        getChildren().clear();
        rows = 0;
    }

    /** Adds the line {@code name: value} below the others; a missing or blank value shows as "—". */
    public Label add(String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add("kv-key");
        key.setWrapText(true);
        key.setMinHeight(Region.USE_PREF_SIZE);
        Fit.keepWordsWhole(key); // "Sujeito" once showed as S/uj/ei/to beside a long value
        Label text = new Label(value == null || value.isBlank() ? "—" : value);
        text.getStyleClass().add("kv-value");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        addRow(rows++, key, text);
        return text;
    }
}
