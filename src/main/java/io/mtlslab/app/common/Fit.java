package io.mtlslab.app.common;

import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

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
        if (node instanceof TextField field && field.getStyleClass().contains("path")) {
            showPathEnd(field);
        }
        if (FormLayout.isForm(node)) {
            FormLayout.stackWhenNarrow((GridPane) node);
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
        if (labeled.isWrapText() && labeled.getMinWidth() == Region.USE_COMPUTED_SIZE
                && !labeled.minWidthProperty().isBound() && !labeled.getStyleClass().contains("code")) {
            keepWordsWhole(labeled);
        }
    }

    /**
     * A wrapping text breaks between its words, never inside one: squeezed, a label once showed
     * "Sujeito" as "S / uj / ei / to" and "Revogue" as "Revo / gue". Its narrowest is its longest word of
     * letters, in the font the CSS gives it (which changes with A−/A+ and presenter mode); paths, DNs and
     * fingerprints may still break where they must, and so may code (style class {@code code}). A form's
     * field names keep theirs too: where a name and its field do not fit side by side, {@link FormLayout}
     * puts the name above the field.
     */
    public static void keepWordsWhole(Labeled labeled) {
        labeled.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Insets insets = labeled.getInsets();
            double graphic = labeled.getGraphic() == null ? 0
                    : labeled.getGraphic().prefWidth(-1) + labeled.getGraphicTextGap();
            return longestWord(labeled.getText(), labeled.getFont()) + graphic + insets.getLeft() + insets.getRight();
        }, labeled.textProperty(), labeled.fontProperty(), labeled.insetsProperty(), labeled.graphicProperty()));
    }

    /**
     * A path field (style class {@code path}) shows the end of its path, the file or folder it names: a
     * long path once showed "/tmp/junit-63919" and "…/workspace/wo" and never the name that matters. The
     * caret goes to the end when the path is set or the field resized while it does not have the focus
     * (a chosen or dropped file); where the user clicks, types or selects is left alone.
     */
    static void showPathEnd(TextField field) {
        InvalidationListener toEnd = changed -> {
            if (!field.isFocused()) {
                Platform.runLater(field::end);
            }
        };
        field.textProperty().addListener(toEnd);
        field.widthProperty().addListener(toEnd);
    }

    /** The width of the widest word of letters in {@code text}, with its trailing punctuation. */
    static double longestWord(String text, Font font) {
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        for (String word : text == null ? new String[0] : text.split("\\s+")) {
            if (WORD.matcher(word).matches()) {
                probe.setText(word);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
        }
        return widest == 0 ? 0 : Math.ceil(widest) + 1;
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}'’-]+[,.;:!?)]*");
}
