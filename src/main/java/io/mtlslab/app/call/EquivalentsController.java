package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Copy;
import io.mtlslab.call.Equivalents;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The same call for other tools (curl, openssl, Go, Java, Python), one tab each with a Copy button. */
public class EquivalentsController {

    private final AppContext context;

    @FXML private TabPane equivalentTabs;

    public EquivalentsController(AppContext context) {
        this.context = context;
    }

    /** Shows the equivalents of a call; {@code null} empties the tabs. */
    void render(Equivalents equivalents) {
        equivalentTabs.getTabs().clear();
        if (equivalents != null) {
            for (Map.Entry<String, String> entry : equivalents.asMap().entrySet()) {
                equivalentTabs.getTabs().add(tab(entry.getKey(), entry.getValue()));
            }
        }
    }

    private Tab tab(String tool, String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        area.setPrefRowCount(10);
        Button copy = new Button(context.text("call.copy", tool));
        copy.setId("copy-" + tool);
        copy.setOnAction(event -> Copy.text(text));
        HBox bar = new HBox(copy);
        VBox box = new VBox(8, bar, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return new Tab(tool, box);
    }
}
