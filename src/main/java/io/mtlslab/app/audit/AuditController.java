package io.mtlslab.app.audit;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.ConfirmBar;
import io.mtlslab.app.common.Tables;
import io.mtlslab.app.server.ServerModel;
import io.mtlslab.audit.AuditReport;
import io.mtlslab.audit.AuditReports;
import io.mtlslab.audit.ClientAudit;
import io.mtlslab.audit.ClientConnection;
import io.mtlslab.audit.Probe;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * The Audit screen: point mTLS Lab at your own server (the server audit's probes) or your own client
 * (the client audit's bad servers), watch the report card fill, read each finding's evidence and fix
 * per server kind, and export the report as HTML and JSON. All state lives in {@link AuditModel}.
 */
public class AuditController {

    private static final List<String> SEVERITY_CLASSES = List.of("finding-critical", "finding-high", "finding-medium",
            "finding-low", "finding-info", "passed", "not-run", "error", "incomplete");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AppContext context;
    private final AuditModel model;

    @FXML private TabPane auditTabs;
    @FXML private ConfirmBar exportConfirm;
    @FXML private Tab serverTab;
    @FXML private Tab clientTab;
    @FXML private TextField auditUrl;
    @FXML private Button useEchoServerButton;
    @FXML private ComboBox<String> auditClient;
    @FXML private TextField auditTimeout;
    @FXML private MenuButton probesButton;
    @FXML private Button runAuditButton;
    @FXML private Button cancelAuditButton;
    @FXML private TextField clientBind;
    @FXML private Button startClientAuditButton;
    @FXML private Button stopClientAuditButton;
    @FXML private Label clientTrust;
    @FXML private Label notStartedText;
    @FXML private TableView<ClientAudit.Endpoint> endpointTable;
    @FXML private TableView<ClientConnection> connectionTable;
    @FXML private PasswordField caKeyPassword;
    @FXML private ProgressBar auditProgress;
    @FXML private Label auditProgressText;
    @FXML private Label auditSummary;
    @FXML private TableView<ProbeResult> findingTable;
    @FXML private Label findingTitle;
    @FXML private Label findingText;
    @FXML private GridPane findingFixes;
    @FXML private TextField exportPath;
    @FXML private Button browseExportButton;
    @FXML private Button exportButton;
    @FXML private Label exportedText;

    public AuditController(AppContext context) {
        this.context = context;
        this.model = context.model(AuditModel.class, () -> new AuditModel(context));
    }

    @FXML
    private void initialize() {
        auditTabs.getSelectionModel().select(model.kindProperty().get() == AuditModel.Kind.CLIENT ? clientTab : serverTab);
        setUpServerForm();
        setUpClientForm();
        setUpProgress();
        setUpFindings();
        if (model.exportBase.get().isEmpty() && context.workspace() != null) {
            model.exportBase.set(context.workspace().dir().resolve("audit-report").toString());
        }
        exportPath.textProperty().bindBidirectional(model.exportBase);
        exportButton.disableProperty().bind(model.reportProperty().isNull());
        exportedText.textProperty().bind(Bindings.createStringBinding(() -> model.exportedProperty().get().isEmpty() ? ""
                : context.text("audit.export.done", model.exportedProperty().get().stream().map(Path::toString)
                        .collect(Collectors.joining(", "))), model.exportedProperty()));
        for (Label line : List.of(auditProgressText, auditSummary, exportedText, notStartedText)) {
            // an empty line takes no room: the report card starts right under the form
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.textProperty().isNotEmpty());
        }
    }

    // ---- the forms

    private void setUpServerForm() {
        auditUrl.textProperty().bindBidirectional(model.url);
        auditTimeout.textProperty().bindBidirectional(model.timeoutSeconds);
        List<String> names = new ArrayList<>();
        Workspace workspace = context.workspace();
        if (workspace != null) {
            for (IdentityEntry entry : workspace.identities()) {
                if (entry.role() == io.mtlslab.pki.Role.CLIENT) {
                    names.add(entry.name());
                }
            }
        }
        auditClient.setItems(FXCollections.observableArrayList(names));
        auditClient.valueProperty().bindBidirectional(model.client);
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        useEchoServerButton.disableProperty().bind(server.serverProperty().isNull());

        MenuItem all = new MenuItem(context.text("audit.probes.all"));
        all.setOnAction(event -> Arrays.stream(Probe.values()).forEach(p -> model.probeSelected(p).set(true)));
        MenuItem none = new MenuItem(context.text("audit.probes.none"));
        none.setOnAction(event -> Arrays.stream(Probe.values()).forEach(p -> model.probeSelected(p).set(false)));
        probesButton.getItems().setAll(all, none, new SeparatorMenuItem());
        for (Probe probe : Probe.values()) {
            CheckMenuItem item = new CheckMenuItem(probe.title() + " · " + probe.id());
            item.setId("probe-" + probe.id());
            item.selectedProperty().bindBidirectional(model.probeSelected(probe));
            item.selectedProperty().addListener((obs, old, now) -> probeCount());
            probesButton.getItems().add(item);
        }
        probesButton.setId("probesButton");
        probeCount();
        runAuditButton.disableProperty().bind(model.runningProperty().or(context.tasks().busyProperty())
                .or(context.workspaceProperty().isNull()));
        cancelAuditButton.disableProperty().bind(model.runningProperty().not().or(model.cancellingProperty())
                .or(model.kindProperty().isNotEqualTo(AuditModel.Kind.SERVER)));
    }

    private void probeCount() {
        long selected = Arrays.stream(Probe.values()).filter(p -> model.probeSelected(p).get()).count();
        probesButton.setText(context.text("audit.probes", selected, Probe.values().length));
    }

    private void setUpClientForm() {
        startClientAuditButton.disableProperty().bind(model.runningProperty().or(context.tasks().busyProperty())
                .or(context.workspaceProperty().isNull()));
        stopClientAuditButton.disableProperty().bind(model.clientAuditProperty().isNull());
        clientBind.textProperty().bindBidirectional(model.bindAddress);
        clientBind.disableProperty().bind(model.clientAuditProperty().isNotNull().or(model.runningProperty()));
        clientTrust.setText(context.workspace() == null ? ""
                : context.text("audit.client.trust", context.workspace().certificateFile(Workspace.CA)));
        notStartedText.textProperty().bind(Bindings.createStringBinding(() -> model.notStartedProperty().get().isEmpty()
                ? "" : context.text("audit.client.notStarted", model.notStartedProperty().get().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().text()).collect(Collectors.joining("; "))),
                model.notStartedProperty()));

        endpointTable.setItems(model.endpoints());
        endpointTable.setPlaceholder(new Label(context.text("audit.client.empty")));
        endpointTable.getColumns().add(column("audit.client.col.server", e -> e.server().title()));
        endpointTable.getColumns().add(column("audit.client.col.url", ClientAudit.Endpoint::url));
        endpointTable.getColumns().add(column("audit.client.col.presents", ClientAudit.Endpoint::presents));
        Tables.readable(endpointTable, context.text("action.copy"));
        Tables.widthsInEm(endpointTable, 18, 20, 20);

        connectionTable.setItems(model.connections());
        connectionTable.setPlaceholder(new Label(context.text("audit.client.noConnections")));
        connectionTable.getColumns().add(column("audit.client.col.time", c -> TIME.format(c.at())));
        connectionTable.getColumns().add(column("audit.client.col.server", c -> c.server().id()));
        connectionTable.getColumns().add(column("audit.client.col.handshake", c -> c.handshakeCompleted()
                ? context.text("audit.client.handshake.done", c.protocol())
                : context.text("audit.client.handshake.refused")));
        connectionTable.getColumns().add(column("audit.client.col.certificate", c -> c.clientCertificate() == null
                ? context.text("audit.client.certificate.none") : c.clientCertificate()));
        connectionTable.getColumns().add(column("audit.client.col.request", c -> context.text(c.requestCompleted()
                ? "audit.client.request.sent" : "audit.client.request.none")
                + (c.failure() == null ? "" : " (" + c.failure() + ")")));
        Tables.readable(connectionTable, context.text("action.copy"));
        Tables.widthsInEm(connectionTable, 6, 14, 10, 18, 16);
    }

    private void setUpProgress() {
        auditProgress.visibleProperty().bind(model.runningProperty());
        auditProgress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.totalProperty().get() <= 0 ? -1
                : (double) model.doneProperty().get() / model.totalProperty().get(),
                model.doneProperty(), model.totalProperty()));
        auditProgressText.textProperty().bind(Bindings.createStringBinding(this::progressText, model.runningProperty(),
                model.cancellingProperty(), model.doneProperty(), model.totalProperty(), model.reportProperty(),
                model.kindProperty()));
        auditProgressText.setId("auditProgressText");
    }

    private String progressText() {
        int done = model.doneProperty().get();
        int total = model.totalProperty().get();
        AuditReport report = model.reportProperty().get();
        if (model.kindProperty().get() == AuditModel.Kind.CLIENT) {
            return model.clientAuditProperty().get() == null && !model.runningProperty().get() ? ""
                    : context.text("audit.client.progress", done, total);
        }
        if (model.cancellingProperty().get()) {
            return context.text("audit.server.cancelling", done, total);
        }
        if (model.runningProperty().get()) {
            return context.text("audit.server.progress", Math.min(done + 1, total), total);
        }
        if (report != null && report.cancelled()) {
            return context.text("audit.server.cancelled", done, total);
        }
        return "";
    }

    // ---- the report card

    private void setUpFindings() {
        findingTable.setItems(model.results());
        findingTable.setPlaceholder(new Label(context.text("audit.empty")));
        TableColumn<ProbeResult, String> result = column("audit.col.result", AuditReports::label);
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeAll(SEVERITY_CLASSES);
                setText(empty ? null : value);
                ProbeResult row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().addAll("audit-result", AuditReports.cssClass(row));
                }
            }
        });
        findingTable.getColumns().add(result);
        findingTable.getColumns().add(column("audit.col.probe", this::title));
        findingTable.getColumns().add(column("audit.col.verdict", ProbeResult::verdict));
        Tables.readable(findingTable, context.text("action.copy"));
        Tables.widthsInEm(findingTable, 7, 18, 24);
        findingTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ProbeResult item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(SEVERITY_CLASSES);
                if (!empty && item != null) {
                    getStyleClass().add(AuditReports.cssClass(item));
                }
            }
        });
        findingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail(row));
        context.viewScope().onChange(model.reportProperty(), (old, report) -> summarize());
        context.viewScope().onChange(model.results(), (javafx.collections.ListChangeListener<ProbeResult>) change -> summarize());
        summarize();
        detail(null);
    }

    /** "3 findings, the worst critical · 14 passed · 2 not run", coloured by the worst finding. */
    private void summarize() {
        List<ProbeResult> results = model.results();
        auditSummary.getStyleClass().removeAll(SEVERITY_CLASSES);
        if (results.isEmpty()) {
            auditSummary.setText("");
            return;
        }
        List<ProbeResult> findings = results.stream().filter(r -> r.status() == ProbeResult.Status.FINDING).toList();
        ProbeResult worst = findings.stream().min((a, b) -> a.severity().compareTo(b.severity())).orElse(null);
        long passed = results.stream().filter(r -> r.status() == ProbeResult.Status.PASSED).count();
        long notRun = results.stream().filter(r -> r.status() == ProbeResult.Status.NOT_RUN).count();
        long errors = results.stream().filter(r -> r.status() == ProbeResult.Status.ERROR).count();
        String summary = context.text("audit.summary", findings.size(),
                worst == null ? "" : AuditReports.label(worst), passed, notRun, errors);
        // Errors and nothing worse: the audit could not test (e.g. the server was not reachable), never green.
        boolean incomplete = new io.mtlslab.audit.AuditReport("", "", java.time.Instant.now(), results, false)
                .incomplete();
        auditSummary.setText(incomplete ? context.text("audit.summary.incomplete", summary) : summary);
        auditSummary.getStyleClass().addAll("audit-result", incomplete ? "incomplete"
                : worst == null ? "passed" : AuditReports.cssClass(worst));
    }

    private void detail(ProbeResult row) {
        findingFixes.getChildren().clear();
        findingTitle.getStyleClass().removeAll(SEVERITY_CLASSES);
        if (row == null) {
            findingTitle.setText(context.text("audit.pick"));
            findingText.setText("");
            return;
        }
        findingTitle.setText(AuditReports.label(row) + " · " + title(row) + " · " + row.id());
        findingTitle.getStyleClass().addAll("audit-result", AuditReports.cssClass(row));
        StringBuilder text = new StringBuilder();
        if (!row.sent().isEmpty()) {
            text.append(context.text("audit.detail.sent", row.sent())).append('\n');
        }
        if (!row.happened().isEmpty()) {
            text.append(context.text("audit.detail.happened", row.happened())).append('\n');
        }
        text.append(context.text("audit.detail.verdict", row.verdict()));
        findingText.setText(text.toString());
        if (findingFixes.getColumnConstraints().isEmpty()) {
            ColumnConstraints name = new ColumnConstraints();
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ColumnConstraints fix = new ColumnConstraints();
            fix.setHgrow(Priority.ALWAYS);
            fix.setMinWidth(0);
            findingFixes.getColumnConstraints().setAll(name, fix);
        }
        int line = 0;
        for (var entry : row.fixes().entrySet()) {
            String key = "audit.stack." + entry.getKey();
            Label stack = new Label(context.i18n().has(key) ? context.text(key) : entry.getKey());
            stack.getStyleClass().add("form-label");
            stack.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label fix = new Label(entry.getValue());
            fix.setWrapText(true);
            fix.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            fix.getStyleClass().add("code");
            findingFixes.addRow(line++, stack, fix);
        }
    }

    /** The probe's or bad server's title in the language on screen. */
    private String title(ProbeResult result) {
        return AuditReports.title(model.kindProperty().get() == AuditModel.Kind.CLIENT ? "client" : "server", result);
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        return column;
    }

    // ---- actions

    @FXML
    private void useEchoServer() {
        var server = context.model(ServerModel.class, () -> new ServerModel(context)).serverProperty().get();
        if (server != null) {
            model.url.set(server.url());
        }
    }

    @FXML
    private void runServerAudit() {
        context.problemProperty().set(null);
        try {
            model.runServerAudit(password());
        } catch (PkiException e) {
            context.report(e);
        }
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void startClientAudit() {
        context.problemProperty().set(null);
        model.startClientAudit(password());
    }

    @FXML
    private void stopClientAudit() {
        model.stopClientAudit();
    }

    /** The CA key's password when one is typed (only an encrypted ca.key needs one). */
    private char[] password() {
        String typed = caKeyPassword.getText();
        return typed == null || typed.isEmpty() ? null : typed.toCharArray();
    }

    @FXML
    private void browseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("audit.export.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        Path current = Path.of(model.exportBase.get().isEmpty() ? "audit-report" : model.exportBase.get());
        if (current.toAbsolutePath().getParent() != null && current.toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName() + ".html");
        File file = chooser.showSaveDialog(exportPath.getScene().getWindow());
        if (file != null) {
            model.exportBase.set(file.toPath().toString().replaceFirst("\\.html$", ""));
        }
    }

    @FXML
    private void export() {
        context.problemProperty().set(null);
        String base = model.exportBase.get() == null ? "" : model.exportBase.get().strip();
        if (base.isEmpty()) {
            context.report(PkiException.of("export", "auditNoExportName"));
            return;
        }
        try {
            Path target = Path.of(base);
            List<String> existing = AuditModel.exportTargets(target).stream().filter(java.nio.file.Files::exists)
                    .map(path -> path.getFileName().toString()).toList();
            if (existing.isEmpty()) {
                model.export(target);
            } else {
                // Never replace a report (or any file) the user already has without asking.
                exportConfirm.ask(context.text("audit.export.replace", String.join(", ", existing)),
                        context.text("audit.export.replace.yes"), context.text("audit.export.replace.no"),
                        () -> model.export(target));
            }
        } catch (PkiException | java.nio.file.InvalidPathException e) {
            context.report(e);
        }
    }
}
