package io.mtlslab.app.server;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.call.CallModel;
import io.mtlslab.app.common.Tables;
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
import javafx.css.PseudoClass;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The echo server panel (S1–S5): the mode, with every unsafe choice marked and explained, start and
 * stop, and the live connection log.
 */
public class ServerController {

    /** Below this width (in em) the two cards stack. */
    private static final double WIDE_EM = 48;
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
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
    @FXML private Label runningMode;
    @FXML private Label tlsProvider;
    @FXML private StackPane cardsHolder;
    @FXML private VBox optionsCard;
    @FXML private VBox runCard;
    @FXML private Label pendingChanges;
    @FXML private Label portError;
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
        context.viewScope().onChange(model.clientAuth, (old, now) -> buttons.get(values.indexOf(now)).setSelected(true));
        handlerChecks.selectedProperty().bindBidirectional(model.handlerChecks);
        trustSystem.selectedProperty().bindBidirectional(model.trustSystem);
        legacyProtocols.selectedProperty().bindBidirectional(model.legacyProtocols);
        emptyCaNames.selectedProperty().bindBidirectional(model.emptyCaNames);
        checkRevocation.selectedProperty().bindBidirectional(model.checkRevocation);
        requireHmac.selectedProperty().bindBidirectional(model.requireHmac);
        port.textProperty().bindBidirectional(model.port);
        startButton.disableProperty().bind(model.busyProperty().or(context.workspaceProperty().isNull())
                .or(model.portErrorProperty().isNotNull()));
        portError.textProperty().bind(model.portErrorProperty());
        portError.visibleProperty().bind(model.portErrorProperty().isNotNull());
        portError.managedProperty().bind(portError.visibleProperty());
        port.pseudoClassStateChanged(INVALID, model.portErrorProperty().get() != null);
        context.viewScope().onChange(model.portErrorProperty(), (old, now) -> port.pseudoClassStateChanged(INVALID, now != null));
        for (Label label : List.of(pendingChanges, runningMode, tlsProvider)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        // Per action: a hanging test call elsewhere must never grey out Stop.
        stopButton.disableProperty().bind(model.serverProperty().isNull().or(model.busyProperty()));
        startButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.serverProperty().isNull())
                .then(context.text("server.start")).otherwise(context.text("server.restart")));
        Observable[] inputs = {model.clientAuth, model.handlerChecks, model.trustSystem, model.legacyProtocols,
            model.emptyCaNames, model.checkRevocation, model.requireHmac, model.port, model.serverProperty(),
            model.pendingChangesProperty()};
        for (Observable input : inputs) {
            context.viewScope().add(input.subscribe(this::renderState));
        }
        renderState();
        setUpLog();
        cardsHolder.widthProperty().addListener((obs, old, now) -> arrangeCards());
        arrangeCards();
    }

    /** Side by side when there is room, one above the other on a narrow window or with large text. */
    private void arrangeCards() {
        double em = port.getFont().getSize();
        boolean wide = cardsHolder.getWidth() <= 0 || cardsHolder.getWidth() >= WIDE_EM * em;
        Region current = cardsHolder.getChildren().isEmpty() ? null : (Region) cardsHolder.getChildren().get(0);
        if (current != null && (current instanceof HBox) == wide) {
            return;
        }
        Region box;
        if (wide) {
            HBox row = new HBox(optionsCard, runCard);
            HBox.setHgrow(optionsCard, Priority.ALWAYS);
            HBox.setHgrow(runCard, Priority.ALWAYS);
            box = row;
        } else {
            box = new VBox(optionsCard, runCard);
        }
        box.getStyleClass().add("server-cards");
        cardsHolder.getChildren().setAll(box);
    }

    /**
     * The running server's real mode, badge and address; options ticked since then show only as
     * "changes apply on Restart". When stopped, the badge describes what Start will run.
     */
    private void renderState() {
        unsafeList.getChildren().clear();
        ServerSettings running = model.runningSettings();
        serverState.setText(running != null
                ? context.text("server.state.running", model.serverProperty().get().url())
                : context.text("server.state.stopped"));
        ServerSettings shown = running;
        if (shown == null) {
            try {
                shown = model.settings();
            } catch (PkiException e) {
                shown = null;
            }
        }
        runningMode.setText(running == null ? "" : context.text("server.state.mode", model.modeName(running)));
        tlsProvider.setText(running == null ? ""
                : context.text("server.state.tls", model.tlsProviderName(model.serverProperty().get().tlsProvider())));
        secureBadge.setVisible(shown != null);
        if (shown != null) {
            boolean unsafe = shown.unsafe();
            secureBadge.getStyleClass().removeAll("ok", "fail");
            secureBadge.getStyleClass().add(unsafe ? "fail" : "ok");
            secureBadge.setText(context.text(unsafe ? "server.badge.unsafe" : "server.badge.secure"));
            for (String label : shown.unsafeLabels()) {
                Label line = new Label("⚠ " + label);
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                line.getStyleClass().add("unsafe");
                unsafeList.getChildren().add(line);
            }
        }
        String pending = "";
        if (model.pendingChangesProperty().get() && model.chosenPort() >= 0) {
            ServerSettings next = model.settings();
            pending = context.text("server.pending", model.modeName(next),
                    context.text(next.unsafe() ? "server.badge.unsafe" : "server.badge.secure"));
        }
        pendingChanges.setText(pending);
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
        Tables.readable(logTable, context.text("action.copy"));
        Tables.widthsInEm(logTable, 7, 8, 11, 13, 14, 20);
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
        context.viewScope().onChange(model.log(), change -> {
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
        if (model.portErrorProperty().get() != null) {
            port.requestFocus();
            return;
        }
        context.problemProperty().set(null);
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
