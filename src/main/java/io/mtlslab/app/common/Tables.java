package io.mtlslab.app.common;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What every table of the app does so that a cell can always be read in full and copied: a tooltip
 * with the whole text, a "Copy" context menu and Ctrl+C; and column widths in em, so that the larger
 * font steps and presenter mode widen the columns instead of cutting every cell to "…".
 */
public final class Tables {

    private Tables() {
    }

    /**
     * Gives the table's text columns cells with the full text as tooltip and a Copy menu, and makes
     * Ctrl+C copy the selected cell (or the selected row, tab-separated).
     */
    public static <S> void readable(TableView<S> table, String copyLabel) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            if ((Object) column.getCellFactory() == TableColumn.DEFAULT_CELL_FACTORY) {
                @SuppressWarnings("unchecked")
                TableColumn<S, Object> any = (TableColumn<S, Object>) column;
                any.setCellFactory(c -> new ReadableCell<>(copyLabel));
            }
        }
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(event -> {
            if (copy.match(event)) {
                String text = selectedText(table);
                if (text != null) {
                    Copy.text(text);
                }
                event.consume();
            }
        });
    }

    /** The focused cell's text, or the selected row's cells joined by tabs; null when nothing is selected. */
    static <S> String selectedText(TableView<S> table) {
        TablePosition<S, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused != null && focused.getTableColumn() != null && focused.getRow() >= 0) {
            Object value = focused.getTableColumn().getCellData(focused.getRow());
            return value == null ? "" : value.toString();
        }
        int row = table.getSelectionModel().getSelectedIndex();
        if (row < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (TableColumn<S, ?> column : table.getColumns()) {
            Object value = column.getCellData(row);
            text.append(text.isEmpty() ? "" : "\t").append(value == null ? "" : value);
        }
        return text.toString();
    }

    /**
     * Sets the columns' preferred widths in em of the table's font, and keeps every column at least as
     * wide as its header text, again whenever the font size changes (A−/A+, presenter mode). The columns
     * fill the table; when their least widths add up to more than the table, it scrolls sideways instead
     * of cutting (see {@link #fitColumns}). Every table that calls this has the flex-last-column policy.
     */
    public static void widthsInEm(TableView<?> table, double... ems) {
        Set<Labeled> watched = Collections.newSetFromMap(new WeakHashMap<>());
        Runnable[] apply = new Runnable[1];
        ChangeListener<Font> refit = (obs, old, now) -> apply[0].run();
        apply[0] = () -> {
            double em = fontSize(table);
            for (int i = 0; i < ems.length && i < table.getColumns().size(); i++) {
                TableColumn<?, ?> column = table.getColumns().get(i);
                Labeled header = header(table, column);
                double headerWidth = 0;
                if (header != null) {
                    if (watched.add(header)) {
                        header.fontProperty().addListener(refit);
                    }
                    Text text = new Text(column.getText());
                    text.setFont(header.getFont());
                    headerWidth = text.getLayoutBounds().getWidth() + header.getFont().getSize() * 1.5;
                }
                double least = Math.max(3 * em, Math.max(headerWidth, wholeTextsWidth(column, header)));
                column.setMinWidth(least);
                column.setPrefWidth(Math.max(least, ems[i] * em));
            }
            fitColumnsLater(table);
        };
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(apply[0]));
        table.sceneProperty().addListener((obs, old, scene) -> Platform.runLater(apply[0]));
        table.widthProperty().addListener((obs, old, now) -> fitColumnsLater(table));
        apply[0].run();
    }

    private static final String FIT_PENDING = "mtlslab.fitColumnsPending";
    private static final String WHOLE_TEXTS = "mtlslab.wholeTexts";

    /**
     * Keeps the column at least as wide as the widest of these texts (with {@link #widthsInEm}), for a
     * column of short names that must never be cut, such as the field names of a two-sided table.
     */
    public static void keepWhole(TableColumn<?, ?> column, java.util.Collection<String> texts) {
        column.getProperties().put(WHOLE_TEXTS, java.util.List.copyOf(texts));
    }

    private static double wholeTextsWidth(TableColumn<?, ?> column, Labeled header) {
        if (header == null || !(column.getProperties().get(WHOLE_TEXTS) instanceof java.util.List<?> texts)) {
            return 0;
        }
        double widest = 0;
        for (Object value : texts) {
            Text text = new Text(String.valueOf(value));
            text.setFont(header.getFont());
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        // the cell's padding on both sides, as for the header
        return widest + header.getFont().getSize() * 1.5;
    }

    /**
     * {@link #fitColumns} after the current pulse, once however often it is asked for: it changes the
     * table's resize policy, which must not happen while the scene applies its CSS or lays it out.
     */
    private static void fitColumnsLater(TableView<?> table) {
        if (table.getProperties().put(FIT_PENDING, Boolean.TRUE) == null) {
            Platform.runLater(() -> {
                table.getProperties().remove(FIT_PENDING);
                fitColumns(table);
            });
        }
    }

    /**
     * The columns fill the table's width where their least widths fit in it (the last column takes what is
     * left); where they do not, they keep their preferred widths and the table scrolls sideways. A
     * constrained resize policy never shows the sideways scroll bar: squeezed, it left the identities
     * list showing "Val" and no Key or Subject column at all. The policy also runs only when the table's
     * width changes, so after new column widths it is run again here.
     */
    private static <S> void fitColumns(TableView<S> table) {
        double least = 0;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            least += column.getMinWidth();
        }
        // room for a vertical scroll bar, which the table may show once its rows fill it
        double room = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight() - fontSize(table);
        if (table.getWidth() <= 0) {
            return;
        }
        if (least > room) {
            if (table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                // the constrained policy had squeezed every column to its least width: back to the preferred ones
                TableView.ResizeFeatures<S> features = new TableView.ResizeFeatures<>(table, null, 0.0);
                for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
                    features.setColumnWidth(column, column.getPrefWidth());
                }
            }
            return;
        }
        if (table.getColumnResizePolicy() != TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    /**
     * Makes the table exactly as tall as its rows (fixed cell size from CSS), so that a short table
     * shows no empty trailing rows and a long one no scroll bar.
     */
    public static void heightToRows(TableView<?> table) {
        Runnable fit = () -> {
            Node header = table.lookup(".column-header-background");
            double headerHeight = header instanceof javafx.scene.layout.Region r ? r.getHeight() : 0;
            double cell = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
            int rows = Math.max(1, table.getItems().size());
            // Exactly the rows, rounded up to the pixel: one pixel more showed the top edge of an empty
            // row below the last one (the rows sit at whole pixels, the fixed cell size in em is fractional).
            double height = headerHeight + Math.ceil(rows * cell) + table.snappedTopInset() + table.snappedBottomInset();
            table.setPrefHeight(height);
            table.setMinHeight(height);
            table.setMaxHeight(height);
        };
        table.getItems().addListener((javafx.collections.ListChangeListener<Object>) change -> fit.run());
        table.fixedCellSizeProperty().addListener((obs, old, now) -> fit.run());
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                Node header = table.lookup(".column-header-background");
                if (header instanceof javafx.scene.layout.Region r) {
                    r.heightProperty().addListener((o, a, b) -> fit.run());
                }
                fit.run();
            }
        });
        fit.run();
    }

    private static double fontSize(TableView<?> table) {
        Node label = table.lookup(".column-header .label");
        return label instanceof Labeled l ? l.getFont().getSize() : Font.getDefault().getSize();
    }

    private static Labeled header(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".column-header .label")) {
            if (node instanceof Labeled label && column.getText() != null && column.getText().equals(label.getText())) {
                return label;
            }
        }
        return null;
    }

    /** A text cell whose full text is its tooltip and which can be copied from its context menu. */
    public static final class ReadableCell<S, T> extends TableCell<S, T> {
        private final Tooltip tooltip = new Tooltip();
        private final ContextMenu menu = new ContextMenu();

        public ReadableCell(String copyLabel) {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
            MenuItem copy = new MenuItem(copyLabel);
            copy.setOnAction(event -> Copy.text(getText()));
            menu.getItems().add(copy);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item.toString();
            setText(text);
            tooltip.setText(text);
            setTooltip(text == null || text.isEmpty() ? null : tooltip);
            setContextMenu(text == null ? null : menu);
        }
    }
}
