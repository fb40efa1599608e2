package io.mtlslab.app.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

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
        keepWordsWhole(key);
        Label text = new Label(value == null || value.isBlank() ? "—" : value);
        text.getStyleClass().add("kv-value");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        addRow(rows++, key, text);
        return text;
    }

    /**
     * A name wraps between its words, never inside one: squeezed by a long value in a narrow pane, the
     * names' column once shrank until "Sujeito" showed as "S / uj / ei / to". Its narrowest is its
     * longest word, in the font the CSS gives it (which changes with A−/A+ and presenter mode).
     */
    private static void keepWordsWhole(Label name) {
        name.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Insets insets = name.getInsets();
            return longestWord(name.getText(), name.getFont()) + insets.getLeft() + insets.getRight();
        }, name.textProperty(), name.fontProperty(), name.insetsProperty()));
    }

    static double longestWord(String text, Font font) {
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        for (String word : text == null ? new String[0] : text.split("\\s+")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 1;
    }
}
