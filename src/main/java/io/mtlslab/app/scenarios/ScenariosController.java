package io.mtlslab.app.scenarios;

import io.mtlslab.app.common.Tables;

import io.mtlslab.app.AppContext;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.scenario.ServerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;

/** The scenario matrix screen: every attack and mistake against one mode (or all), pass/fail per row. */
public class ScenariosController {

    private final AppContext context;
    private final ScenarioModel model;

    @FXML private ComboBox<ServerMode> mode;
    @FXML private Button runScenariosButton;
    @FXML private Button cancelScenariosButton;
    @FXML private ProgressBar scenarioProgress;
    @FXML private Label scenarioSummary;
    @FXML private Label modeDescription;
    @FXML private TableView<ScenarioResult> scenarioTable;
    @FXML private Label scenarioDetailTitle;
    @FXML private Label scenarioDetailText;

    public ScenariosController(AppContext context) {
        this.context = context;
        this.model = context.model(ScenarioModel.class, () -> new ScenarioModel(context));
    }

    @FXML
    private void initialize() {
        List<ServerMode> modes = new ArrayList<>();
        modes.add(null);
        modes.addAll(List.of(ServerMode.values()));
        mode.setItems(FXCollections.observableArrayList(modes));
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServerMode value) {
                return value == null ? context.text("scenarios.mode.all") : modeName(value);
            }

            @Override
            public ServerMode fromString(String text) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(model.mode);
        modeDescription.textProperty().bind(Bindings.createStringBinding(() -> model.mode.get() == null
                ? context.text("scenarios.mode.all.text") : model.mode.get().description(), model.mode));
        runScenariosButton.disableProperty().bind(context.tasks().busyProperty().or(context.workspaceProperty().isNull()));
        cancelScenariosButton.disableProperty().bind(model.runningProperty().not());
        scenarioProgress.progressProperty().bind(model.progressProperty());
        scenarioProgress.visibleProperty().bind(model.runningProperty());
        // Before a run the summary is empty: it takes no room (it left a blank band under the mode row).
        scenarioSummary.managedProperty().bind(scenarioSummary.textProperty().isNotEmpty());
        scenarioSummary.visibleProperty().bind(scenarioSummary.managedProperty());
        scenarioTable.setItems(model.results());
        scenarioTable.setPlaceholder(new Label(context.text("scenarios.empty")));
        scenarioTable.getColumns().add(column("scenarios.col.mode", r -> modeName(r.mode()), 100));
        scenarioTable.getColumns().add(column("scenarios.col.scenario", r -> r.scenario().label(), 240));
        scenarioTable.getColumns().add(column("scenarios.col.expected", r -> r.expected().shortText(), 170));
        scenarioTable.getColumns().add(column("scenarios.col.actual", ScenarioResult::actualText, 230));
        TableColumn<ScenarioResult, String> status = column("scenarios.col.result", this::statusText, 100);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll("cell-pass", "cell-fail");
                setText(empty ? null : value);
                ScenarioResult row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().add(row.status() == ScenarioResult.Status.FAIL ? "cell-fail" : "cell-pass");
                }
            }
        });
        scenarioTable.getColumns().add(status);
        scenarioTable.getColumns().add(column("scenarios.col.diagnosis",
                r -> r.diagnosis() == null ? "" : r.diagnosis().summary(), 340));
        Tables.readable(scenarioTable, context.text("action.copy"));
        Tables.widthsInEm(scenarioTable, 8, 16, 12, 16, 7, 22);
        scenarioTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ScenarioResult result, boolean empty) {
                super.updateItem(result, empty);
                getStyleClass().removeAll("row-pass", "row-fail");
                if (!empty && result != null) {
                    getStyleClass().add(result.status() == ScenarioResult.Status.FAIL || result.attackSucceeded()
                            ? "row-fail" : "row-pass");
                }
            }
        });
        scenarioTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail(row));
        context.viewScope().onChange(model.results(), (ListChangeListener<ScenarioResult>) change -> summarize());
        summarize();
    }

    private String statusText(ScenarioResult result) {
        String text = context.text("scenarios.status." + result.status().name());
        return result.attackSucceeded() ? text + " · " + context.text("scenarios.attack") : text;
    }

    /** "9 of 10 attacks blocked · 2 bypasses · 28 passed · 0 failed": the lesson first, then the bookkeeping. */
    private void summarize() {
        List<ScenarioResult> ran = model.results().stream().filter(r -> r.status() != ScenarioResult.Status.SKIPPED).toList();
        long attacks = ran.stream().filter(r -> r.scenario().attack()).count();
        long bypasses = ran.stream().filter(ScenarioResult::attackSucceeded).count();
        long pass = ran.stream().filter(r -> r.status() == ScenarioResult.Status.PASS).count();
        long fail = ran.stream().filter(r -> r.status() == ScenarioResult.Status.FAIL).count();
        scenarioSummary.setText(model.results().isEmpty() ? ""
                : context.text("scenarios.summary", attacks - bypasses, attacks, bypasses, pass, fail));
        scenarioSummary.getStyleClass().removeAll("cell-pass", "cell-fail");
        if (!model.results().isEmpty()) {
            scenarioSummary.getStyleClass().add(bypasses > 0 || fail > 0 ? "cell-fail" : "cell-pass");
        }
    }

    /** The mode in words ("optional, handler does not check"), not its CLI id ({@code optional-bypass}). */
    private String modeName(ServerMode mode) {
        return mode.displayName();
    }

    private void detail(ScenarioResult row) {
        if (row == null) {
            scenarioDetailTitle.setText(context.text("scenarios.pick"));
            scenarioDetailText.setText("");
            return;
        }
        scenarioDetailTitle.setText(row.scenario().label() + " — " + modeName(row.mode()));
        StringBuilder text = new StringBuilder();
        text.append(context.text("scenarios.col.expected")).append(": ").append(row.expected().shortText())
                .append(" — ").append(row.expected().meaning()).append('\n');
        text.append(context.text("scenarios.col.actual")).append(": ").append(row.actualText()).append('\n');
        Diagnosis diagnosis = row.diagnosis();
        if (diagnosis != null) {
            text.append('\n').append(diagnosis.summary()).append('\n').append(diagnosis.cause()).append('\n')
                    .append(context.text("call.fix", diagnosis.fix()));
        }
        scenarioDetailText.setText(text.toString());
    }

    private TableColumn<ScenarioResult, String> column(String key, Function<ScenarioResult, String> value, double width) {
        TableColumn<ScenarioResult, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    @FXML
    private void run() {
        context.problemProperty().set(null);
        model.run();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
