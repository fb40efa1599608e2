package io.mtlslab.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A wizard form's two columns (field names on the left, fields on the right) become one column, each
 * name above its field, when the form is too narrow for a name and its field side by side: at
 * 1024×700 with the largest font or in presenter mode, "Organizational unit (OU)" once broke into
 * "Organizatio / nal" beside its field, and keeping it whole cut the key drop-down to "RSA 40…".
 *
 * <p>Which layout is shown follows the form's width and its names' fonts (A−, A+, presenter mode). The
 * names keep their words whole in both: stacked, a name has the whole width. While stacked the form
 * has the pseudo-class {@code :stacked}.
 */
public final class FormLayout {

    private static final PseudoClass STACKED = PseudoClass.getPseudoClass("stacked");

    /** How wide a text field must stay beside its name, in the form's font size (ems). */
    private static final double FIELD_EMS = 12;

    private final GridPane form;
    private final List<Placement> sideBySide = new ArrayList<>();
    private boolean stacked;

    private FormLayout(GridPane form) {
        this.form = form;
        for (Node child : form.getChildren()) {
            sideBySide.add(new Placement(child, row(child), column(child)));
        }
    }

    /** True for a form this class lays out: a {@code form} grid whose children include field names. */
    static boolean isForm(Node node) {
        return node instanceof GridPane grid && grid.getStyleClass().contains("form")
                && grid.getChildren().stream().anyMatch(FormLayout::isName);
    }

    /** Watches {@code form}'s width and its names' fonts, and stacks it while side by side does not fit. */
    static void stackWhenNarrow(GridPane form) {
        FormLayout layout = new FormLayout(form);
        form.widthProperty().addListener((obs, old, now) -> layout.update());
        for (Placement placement : layout.sideBySide) {
            if (placement.node() instanceof Label label) {
                label.fontProperty().addListener((obs, old, now) -> layout.update());
            }
        }
    }

    /** The width side by side needs: the widest name, the gap, and the widest field's least width. */
    double sideBySideWidth() {
        double names = 0;
        double fields = 0;
        double em = 0;
        for (Placement placement : sideBySide) {
            Node node = placement.node();
            if (isName(node)) {
                Label name = (Label) node;
                names = Math.max(names, name.prefWidth(-1));
                em = Math.max(em, name.getFont().getSize());
            } else if (placement.column() == 1 && !(node instanceof Label)) {
                fields = Math.max(fields, node.minWidth(-1));
            }
        }
        return names + form.getHgap() + Math.max(fields, FIELD_EMS * em)
                + form.getInsets().getLeft() + form.getInsets().getRight();
    }

    private void update() {
        double width = form.getWidth();
        if (width <= 0) {
            return;
        }
        boolean narrow = width < sideBySideWidth();
        if (narrow != stacked) {
            stacked = narrow;
            // Not inside the parent's layout pass, which this runs in: the parent would keep the old height for
            // a frame and the stacked form, twice as tall, would overlap what follows it.
            Platform.runLater(() -> {
                place();
                form.pseudoClassStateChanged(STACKED, stacked);
                form.requestLayout();
            });
        }
    }

    /** Side by side: the FXML's rows and columns. Stacked: in the same order, each name on a row above its field. */
    private void place() {
        if (!stacked) {
            for (Placement placement : sideBySide) {
                GridPane.setConstraints(placement.node(), placement.column(), placement.row(), 1, 1);
            }
            return;
        }
        List<Placement> ordered = new ArrayList<>(sideBySide);
        ordered.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.column(), b.column()));
        int row = -1;
        int lastRow = Integer.MIN_VALUE;
        for (Placement placement : ordered) {
            if (placement.row() != lastRow || placement.column() == 1) {
                row++; // a new row of the FXML, and the field below its name
            }
            lastRow = placement.row();
            GridPane.setConstraints(placement.node(), 0, row, GridPane.REMAINING, 1);
        }
    }

    private static boolean isName(Node node) {
        return node instanceof Label && node.getStyleClass().contains("form-label");
    }

    private static int row(Node node) {
        Integer row = GridPane.getRowIndex(node);
        return row == null ? 0 : row;
    }

    private static int column(Node node) {
        Integer column = GridPane.getColumnIndex(node);
        return column == null ? 0 : column;
    }

    private record Placement(Node node, int row, int column) {
    }
}
