package io.mtlslab.app.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Makes a loaded screen keep its texts whole at every size and font step: a wrapping label never
 * gets less height than its wrapped text needs (so a squeezed screen scrolls instead of cutting
 * "The …"), and buttons and drop-downs never get narrower than their text (their rows wrap instead).
 * Applied by {@link Fxml#load}; CSS may turn wrapping on later, so it listens.
 */
public final class Fit {

    private Fit() {
    }

    public static void apply(Node node) {
        if (node instanceof Labeled labeled && !(node instanceof javafx.scene.control.Cell<?>)) {
            // a push button keeps its one line whole; an option (check box, radio) may wrap instead
            if (labeled instanceof ButtonBase && !labeled.isWrapText() && labeled.getMinWidth() == Region.USE_COMPUTED_SIZE
                    && !labeled.getStyleClass().contains("nav-button")) {
                labeled.setMinWidth(Region.USE_PREF_SIZE);
            }
            wrapWhole(labeled);
            labeled.wrapTextProperty().addListener((obs, old, now) -> wrapWhole(labeled));
        }
        if (node instanceof ComboBoxBase<?> box && box.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            apply(scroll.getContent());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                apply(child);
            }
        }
    }

    private static void wrapWhole(Labeled labeled) {
        if (labeled.isWrapText() && labeled.getMinHeight() == Region.USE_COMPUTED_SIZE) {
            labeled.setMinHeight(Region.USE_PREF_SIZE);
        }
    }
}
