package io.mtlslab.app.server;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.call.CallModel;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.PkiException;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ConnectionEvent;
import io.mtlslab.server.ServerSettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The echo server panel (S1–S5): the mode, with every unsafe choice marked and explained, start and
 * stop, and the live connection log.
 */
public class ServerController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final AppContext context;
    private final ServerModel model;

    @FXML private RadioButton modeRequired;
    @FXML private RadioButton modeOptional;
    @FXML private RadioButton modeNone;
    @FXML private RadioButton modeInspect;
    @FXML private CheckBox handlerChecks;
    @FXML private CheckBox trustSystem;
    @FXML private CheckBox legacyProtocols;
    @FXML private CheckBox emptyCaNames;
    @FXML private CheckBox checkRevocation;
    @FXML private CheckBox requireHmac;
    @FXML private TextField port;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label serverState;
    @FXML private Label secureBadge;
    @FXML private VBox unsafeList;
    @FXML private TableView<ConnectionEvent> logTable;

    public ServerController(AppContext context) {
        this.context = context;
        this.model = context.model(ServerModel.class, () -> new ServerModel(context));
    }

    @FXML
    private void initialize() {
        ToggleGroup modes = new ToggleGroup();
        List<RadioButton> buttons = List.of(modeRequired, modeOptional, modeNone, modeInspect);
        List<ClientAuthMode> values = List.of(ClientAuthMode.REQUIRED, ClientAuthMode.OPTIONAL, ClientAuthMode.NONE,
                ClientAuthMode.INSPECT);
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setToggleGroup(modes);
            buttons.get(i).setUserData(values.get(i));
            buttons.get(i).setSelected(model.clientAuth.get() == values.get(i));
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.clientAuth.set((ClientAuthMode) now.getUserData());
            }
        });
        model.clientAuth.addListener((obs, old, now) -> buttons.get(values.indexOf(now)).setSelected(true));
        handlerChecks.selectedProperty().bindBidirectional(model.handlerChecks);
        trustSystem.selectedProperty().bindBidirectional(model.trustSystem);
        legacyProtocols.selectedProperty().bindBidirectional(model.legacyProtocols);
        emptyCaNames.selectedProperty().bindBidirectional(model.emptyCaNames);
        checkRevocation.selectedProperty().bindBidirectional(model.checkRevocation);
        requireHmac.selectedProperty().bindBidirectional(model.requireHmac);
        port.textProperty().bindBidirectional(model.port);
        startButton.disableProperty().bind(context.tasks().busyProperty().or(context.workspaceProperty().isNull()));
        stopButton.disableProperty().bind(model.serverProperty().isNull().or(context.tasks().busyProperty()));
        startButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.serverProperty().isNull())
                .then(context.text("server.start")).otherwise(context.text("server.restart")));
        Observable[] inputs = {model.clientAuth, model.handlerChecks, model.trustSystem, model.legacyProtocols,
            model.emptyCaNames, model.checkRevocation, model.port, model.serverProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> renderState());
        }
        renderState();
        setUpLog();
    }

    private void renderState() {
        unsafeList.getChildren().clear();
        serverState.setText(model.isRunning()
                ? context.text("server.state.running", model.serverProperty().get().url())
                : context.text("server.state.stopped"));
        ServerSettings settings;
        try {
            settings = model.settings();
        } catch (PkiException e) {
            Label error = new Label(e.oneLine());
            error.getStyleClass().add("field-error");
            unsafeList.getChildren().add(error);
            return;
        }
        boolean unsafe = settings.unsafe();
        secureBadge.getStyleClass().removeAll("ok", "fail");
        secureBadge.getStyleClass().add(unsafe ? "fail" : "ok");
        secureBadge.setText(context.text(unsafe ? "server.badge.unsafe" : "server.badge.secure"));
        for (String label : settings.unsafeLabels()) {
            Label line = new Label("⚠ " + label);
            line.setWrapText(true);
            line.getStyleClass().add("unsafe");
            unsafeList.getChildren().add(line);
        }
    }

    private void setUpLog() {
        logTable.setItems(model.log());
        logTable.setPlaceholder(new Label(context.text("server.log.empty")));
        logTable.getColumns().add(column("server.log.time", e -> TIME.format(e.time()), 115));
        logTable.getColumns().add(column("server.log.remote", ConnectionEvent::remoteAddress, 130));
        logTable.getColumns().add(column("server.log.outcome", e -> context.text("server.outcome." + e.outcome().name())
                + (e.outcome() == ConnectionEvent.Outcome.REQUEST ? " " + (e.method() == null ? ConnectionEvent.UNREAD_REQUEST
                        : PeerText.escape(e.method()) + " " + PeerText.escape(e.path())) + " → " + e.status() : ""), 170));
        logTable.getColumns().add(column("server.log.tls", e -> join(e.protocol(), e.cipherSuite()), 200));
        logTable.getColumns().add(column("server.log.client", e -> e.clientSubject() == null ? "—" : PeerText.escape(e.clientSubject()), 220));
        logTable.getColumns().add(column("server.log.reason", e -> {
            String reason = e.reason() == null ? "" : e.reason();
            if (!e.secureModeWouldReject().isEmpty()) {
                reason += (reason.isEmpty() ? "" : " · ") + context.text("server.log.wouldReject")
                        + " " + String.join("; ", e.secureModeWouldReject());
            }
            return PeerText.escape(reason);
        }, 320));
        logTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ConnectionEvent event, boolean empty) {
                super.updateItem(event, empty);
                getStyleClass().removeAll("row-pass", "row-fail");
                if (!empty && event != null) {
                    boolean bad = event.outcome() == ConnectionEvent.Outcome.REJECTED || event.unsafeMode() && event.reason() != null;
                    getStyleClass().add(bad ? "row-fail" : "row-pass");
                }
            }
        });
        model.log().addListener((javafx.collections.ListChangeListener<ConnectionEvent>) change -> {
            if (!model.log().isEmpty()) {
                logTable.scrollTo(model.log().size() - 1);
            }
        });
    }

    private TableColumn<ConnectionEvent, String> column(String key, Function<ConnectionEvent, String> value, double width) {
        TableColumn<ConnectionEvent, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static String join(String a, String b) {
        if (a == null && b == null) {
            return "";
        }
        return (a == null ? "" : a) + (b == null ? "" : "  " + b);
    }

    @FXML
    private void start() {
        context.problemProperty().set(null);
        try {
            model.settings();
        } catch (PkiException e) {
            context.report(e);
            return;
        }
        model.start(() -> context.model(CallModel.class, () -> new CallModel(context)).target
                .set(model.serverProperty().get().url()), () -> { });
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void clearLog() {
        model.log().clear();
    }
}
