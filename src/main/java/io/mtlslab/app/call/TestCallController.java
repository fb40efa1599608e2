package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Copy;
import io.mtlslab.app.common.Tables;
import io.mtlslab.call.AskedVsPresented;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.CertificateSummary;
import io.mtlslab.call.HandshakeReport;
import io.mtlslab.call.PeerIdentities;
import io.mtlslab.call.PeerIdentity;
import io.mtlslab.call.Timings;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.pki.IdentityEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The test call screen (C1–C4): choose target, identity and trust, call, and read the outcome —
 * the diagnosis first when it failed, then the peer identity table, the handshake, "asked vs
 * presented", the server's chain, the response and the same call for other tools.
 */
public class TestCallController {

    /** One line of the peer identity table. */
    public record IdentityRow(String field, String client, String server) {
    }

    private static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");

    private final AppContext context;
    private final CallModel model;
    /** Identities the picker marks "(revoked)": a call with one shows what a CRL-checking server does. */
    private final java.util.Set<String> revokedNames = new java.util.HashSet<>();

    @FXML private TextField target;
    @FXML private ComboBox<String> identity;
    @FXML private ComboBox<CallModel.Trust> trust;
    @FXML private TextField trustFile;
    @FXML private ComboBox<String> protocols;
    @FXML private ComboBox<String> method;
    @FXML private CheckBox signHmac;
    @FXML private Button callButton;
    @FXML private Button cancelCallButton;
    @FXML private Label callHint;
    @FXML private VBox outcomeBox;
    @FXML private Label staleNote;
    @FXML private Label outcomeTitle;
    @FXML private Label diagnosisSummary;
    @FXML private Label diagnosisCause;
    @FXML private Label diagnosisFix;
    @FXML private TitledPane diagnosisDetails;
    @FXML private TextArea diagnosisRaw;
    @FXML private TableView<IdentityRow> identityTable;
    @FXML private Label identityNotes;
    @FXML private GridPane handshakeGrid;
    @FXML private VBox askedBox;
    @FXML private VBox chainBox;
    @FXML private TextArea responseText;
    @FXML private TabPane equivalentTabs;

    public TestCallController(AppContext context) {
        this.context = context;
        this.model = context.model(CallModel.class, () -> new CallModel(context));
    }

    @FXML
    private void initialize() {
        target.textProperty().bindBidirectional(model.target);
        refreshIdentities();
        context.workspaceRevisionProperty().addListener((obs, old, now) -> refreshIdentities());
        identity.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? context.text("call.identity.none")
                        : revokedNames.contains(name) ? context.text("call.identity.revoked", name) : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        identity.valueProperty().bindBidirectional(model.identity);
        trust.setItems(FXCollections.observableArrayList(CallModel.Trust.values()));
        trust.setConverter(new StringConverter<>() {
            @Override
            public String toString(CallModel.Trust value) {
                return value == null ? "" : context.text("call.trust." + value.name());
            }

            @Override
            public CallModel.Trust fromString(String text) {
                return null;
            }
        });
        trust.valueProperty().bindBidirectional(model.trust);
        trustFile.textProperty().bindBidirectional(model.trustFile);
        trustFile.visibleProperty().bind(model.trust.isEqualTo(CallModel.Trust.PEM_FILE));
        trustFile.managedProperty().bind(trustFile.visibleProperty());
        protocols.setItems(FXCollections.observableArrayList(CallModel.PROTOCOLS));
        protocols.valueProperty().bindBidirectional(model.protocols);
        method.setItems(FXCollections.observableArrayList("GET", "POST", "PUT", "DELETE"));
        method.valueProperty().bindBidirectional(model.method);
        signHmac.selectedProperty().bindBidirectional(model.signHmac);
        // A signature needs the client's secret, and so a client identity.
        signHmac.disableProperty().bind(model.identity.isNull().or(model.identity.isEmpty()));
        callButton.disableProperty().bind(model.busyProperty().or(context.workspaceProperty().isNull()));
        cancelCallButton.visibleProperty().bind(model.busyProperty());
        cancelCallButton.managedProperty().bind(cancelCallButton.visibleProperty());
        callHint.setText(context.text("call.hint"));
        for (Label label : List.of(diagnosisSummary, diagnosisCause, diagnosisFix)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        staleNote.setText(context.text("call.stale"));
        staleNote.visibleProperty().bind(model.staleProperty().and(model.resultProperty().isNotNull()));
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        model.staleProperty().addListener((obs, old, now) -> outcomeBox.pseudoClassStateChanged(STALE, now));
        outcomeBox.pseudoClassStateChanged(STALE, model.staleProperty().get());
        setUpIdentityTable();
        model.resultProperty().addListener((obs, old, result) -> render(result));
        render(model.resultProperty().get());
    }

    private void refreshIdentities() {
        List<String> names = new ArrayList<>();
        names.add(CallModel.NO_IDENTITY);
        revokedNames.clear();
        if (context.workspace() != null) {
            for (IdentityEntry entry : context.workspace().identities()) {
                if (!entry.role().isCa()) {
                    names.add(entry.name());
                    if (entry.revoked()) {
                        revokedNames.add(entry.name());
                    }
                }
            }
        }
        String chosen = model.identity.get();
        identity.setItems(FXCollections.observableArrayList(names));
        identity.setValue(chosen);
    }

    private void setUpIdentityTable() {
        identityTable.getStyleClass().add("identity-table");
        identityTable.getColumns().add(column(context.text("call.identities.field"), IdentityRow::field));
        identityTable.getColumns().add(column(context.text("call.identities.client"), IdentityRow::client));
        identityTable.getColumns().add(column(context.text("call.identities.server"), IdentityRow::server));
        Tables.readable(identityTable, context.text("action.copy"));
        Tables.widthsInEm(identityTable, 11, 26, 26);
        Tables.heightToRows(identityTable);
        identityTable.setPlaceholder(new Label(context.text("call.identities.empty")));
    }

    private static TableColumn<IdentityRow, String> column(String title, Function<IdentityRow, String> value) {
        TableColumn<IdentityRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        column.setSortable(false);
        return column;
    }

    @FXML
    private void cancelCall() {
        model.cancel();
    }

    @FXML
    private void call() {
        context.problemProperty().set(null);
        model.call(() -> { });
    }

    private void render(CallResult result) {
        outcomeBox.setVisible(result != null);
        outcomeBox.setManaged(result != null);
        identityTable.getItems().clear();
        handshakeGrid.getChildren().clear();
        askedBox.getChildren().clear();
        chainBox.getChildren().clear();
        equivalentTabs.getTabs().clear();
        responseText.clear();
        identityNotes.setText("");
        if (result == null) {
            return;
        }
        renderOutcome(result);
        renderIdentities(result.peers());
        renderHandshake(result.report());
        renderAsked(result.report().askedVsPresented());
        for (CertificateSummary certificate : result.report().serverChain()) {
            chainBox.getChildren().add(certificateCard(certificate));
        }
        if (result.response() != null) {
            responseText.setText(result.response().status() + " " + result.response().reason() + "\n\n"
                    + result.response().body());
        }
        if (result.equivalents() != null) {
            for (Map.Entry<String, String> entry : result.equivalents().asMap().entrySet()) {
                equivalentTabs.getTabs().add(equivalentTab(entry.getKey(), entry.getValue()));
            }
        }
    }

    private void renderOutcome(CallResult result) {
        outcomeBox.getStyleClass().removeAll("outcome-ok", "outcome-warn", "outcome-fail");
        outcomeBox.setId("outcomeBox");
        Diagnosis diagnosis = result.diagnosis();
        HandshakeReport report = result.report();
        if (diagnosis == null) {
            renderAnswered(result, report);
            return;
        }
        outcomeBox.getStyleClass().add("outcome-fail");
        String headlineKey = "diagnosis." + diagnosis.code().name();
        outcomeTitle.setText(context.i18n().has(headlineKey) ? context.text(headlineKey)
                : context.text("call.failed"));
        diagnosisSummary.setText(diagnosis.summary() + "  (" + context.text("call.side." + diagnosis.side().name()) + ")");
        diagnosisCause.setText(diagnosis.cause());
        diagnosisFix.setText(diagnosis.fix().isEmpty() ? "" : context.text("call.fix", diagnosis.fix()));
        StringBuilder raw = new StringBuilder();
        raw.append(context.text("call.raw")).append('\n').append(diagnosis.rawMessage()).append("\n\n");
        diagnosis.elsewhere().forEach((tool, text) -> raw.append(context.text("call.elsewhere", tool)).append('\n')
                .append(text).append("\n\n"));
        diagnosisRaw.setText(raw.toString().trim());
        diagnosisDetails.setVisible(true);
        diagnosisDetails.setManaged(true);
    }

    /**
     * The server answered: green only when it authenticated this client by its certificate. An answer
     * without a client certificate is the seed's bypass and shows in red; a server that declares itself
     * unsafe gets amber, since it may have accepted anything.
     */
    private void renderAnswered(CallResult result, HandshakeReport report) {
        CallOutcome outcome = result.outcome();
        int status = result.response() == null ? 0 : result.response().status();
        diagnosisCause.setText("");
        diagnosisFix.setText("");
        diagnosisDetails.setVisible(false);
        diagnosisDetails.setManaged(false);
        if (outcome.kind() == CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH) {
            outcomeBox.getStyleClass().add(outcome.likelyBypass() ? "outcome-fail" : "outcome-warn");
            outcomeTitle.setText(context.text(outcome.likelyBypass() ? "call.bypass" : "call.noClientAuth", status));
            diagnosisSummary.setText(context.text(report.askedVsPresented().serverAsked()
                    ? "outcome.bypass.asked" : "outcome.bypass.notAsked", status));
            diagnosisCause.setText(context.text("call.bypass.text"));
            StringBuilder fixes = new StringBuilder();
            outcome.fixes().forEach((stack, fix) -> fixes.append(fixes.isEmpty() ? "" : "\n").append(stack).append(": ")
                    .append(fix));
            diagnosisFix.setText(context.text("call.fix", fixes.toString()));
            return;
        }
        if (outcome.clientAuthenticated() != CallOutcome.ClientAuthentication.TRUE) {
            outcomeBox.getStyleClass().add("outcome-warn");
            outcomeTitle.setText(context.text("call.unsafeServer", status));
            diagnosisSummary.setText(context.text("call.unsafeServer.text"));
            return;
        }
        outcomeBox.getStyleClass().add("outcome-ok");
        outcomeTitle.setText(context.text("call.success", status, nullToDash(report.protocol()),
                nullToDash(report.cipherSuite())));
        diagnosisSummary.setText(context.text("call.success.text"));
    }

    private void renderIdentities(PeerIdentities peers) {
        if (peers == null) {
            return;
        }
        PeerIdentity client = peers.clientAsSeenByServer();
        PeerIdentity server = peers.serverAsSeenByClient();
        List<IdentityRow> rows = new ArrayList<>();
        rows.add(row("call.field.cn", client, server, PeerIdentity::commonName));
        rows.add(row("call.field.ou", client, server, p -> String.join(", ", p.organizationalUnits())));
        rows.add(row("call.field.o", client, server, PeerIdentity::organization));
        rows.add(row("call.field.serial", client, server, PeerIdentity::serialHex));
        rows.add(row("call.field.subject", client, server, PeerIdentity::subject));
        rows.add(row("call.field.issuer", client, server, PeerIdentity::issuer));
        rows.add(row("call.field.sans", client, server, p -> String.join(", ", p.subjectAltNames())));
        rows.add(row("call.field.notAfter", client, server, p -> p.notAfter() == null ? "" : p.notAfter().toString()));
        rows.add(row("call.field.fingerprint", client, server, PeerIdentity::sha256Fingerprint));
        if (server != null && server.hostnameMatch() != null) {
            rows.add(new IdentityRow(context.text("call.field.hostname"), "",
                    context.text(server.hostnameMatch() ? "call.yes" : "call.no")));
        }
        identityTable.getItems().setAll(rows);
        List<String> notes = new ArrayList<>(peers.notes());
        if (client == null) {
            notes.add(0, context.text("call.identities.noClient"));
        }
        identityNotes.setText(String.join("\n", notes));
    }

    private IdentityRow row(String key, PeerIdentity client, PeerIdentity server, Function<PeerIdentity, String> value) {
        return new IdentityRow(context.text(key), client == null ? "—" : nullToDash(value.apply(client)),
                server == null ? "—" : nullToDash(value.apply(server)));
    }

    private void renderHandshake(HandshakeReport report) {
        int row = 0;
        row = pair(row, "call.hs.connected", report.host() + ":" + report.port()
                + (report.connectedAddress() == null ? "" : "  (" + report.connectedAddress() + ")"));
        row = pair(row, "call.hs.offered", String.join(", ", report.offeredProtocols()));
        row = pair(row, "call.hs.completed", context.text(report.completed() ? "call.yes" : "call.no"));
        row = pair(row, "call.hs.protocol", nullToDash(report.protocol()));
        row = pair(row, "call.hs.cipher", nullToDash(report.cipherSuite()));
        row = pair(row, "call.hs.alpn", nullToDash(report.alpn()));
        row = pair(row, "call.hs.resumed", context.text(report.resumed() ? "call.yes" : "call.no"));
        row = pair(row, "call.hs.trusted", context.text(report.serverTrusted() ? "call.yes" : "call.no"));
        Timings timings = report.timings();
        if (timings != null) {
            row = pair(row, "call.hs.timings", context.text("call.hs.timings.value", millis(timings.connect()),
                    millis(timings.handshake()), millis(timings.firstByte()), millis(timings.total())));
        }
        row = pair(row, "call.hs.read", context.text(report.readAfterHandshake() ? "call.hs.read.yes" : "call.hs.read.no"));
        if (report.rejectedAfterHandshake()) {
            row = pair(row, "call.hs.late", context.text("call.hs.late.text"));
        }
        if (!report.notes().isEmpty()) {
            pair(row, "call.hs.notes", String.join("\n", report.notes()));
        }
    }

    private int pair(int row, String key, String value) {
        Label name = new Label(context.text(key));
        name.getStyleClass().add("kv-key");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.getStyleClass().add("kv-value");
        text.setWrapText(true);
        handshakeGrid.addRow(row, name, text);
        return row + 1;
    }

    private void renderAsked(AskedVsPresented asked) {
        if (asked == null) {
            return;
        }
        askedBox.getChildren().add(sectionLabel("call.asked.server"));
        askedBox.getChildren().add(new Label(context.text(asked.serverAsked() ? "call.asked.yes" : "call.asked.no")));
        if (asked.serverAsked()) {
            String names = asked.caNamesListed()
                    ? (asked.acceptedCaNames().isEmpty() ? context.text("call.asked.any")
                            : String.join("\n", asked.acceptedCaNames()))
                    : context.text("call.asked.noList");
            askedBox.getChildren().add(wrapped(context.text("call.asked.names") + "\n" + names));
            askedBox.getChildren().add(wrapped(context.text("call.asked.keys") + " " + String.join(", ", asked.keyTypes())));
        }
        askedBox.getChildren().add(sectionLabel("call.asked.client"));
        if (asked.chainOnOffer().isEmpty()) {
            askedBox.getChildren().add(new Label(context.text("call.asked.noChain")));
        }
        for (CertificateSummary certificate : asked.chainOnOffer()) {
            askedBox.getChildren().add(wrapped("• " + certificate.subject() + "   ←  " + certificate.issuer()));
        }
        Label sent = wrapped(asked.sent() != null ? context.text("call.asked.sent", asked.sent().subject())
                : context.text("call.asked.notSent", nullToDash(asked.notSentReason())));
        sent.setId("askedSent");
        sent.getStyleClass().add(asked.sent() != null ? "cell-pass" : "cell-fail");
        askedBox.getChildren().add(sent);
    }

    private Label sectionLabel(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private VBox certificateCard(CertificateSummary certificate) {
        VBox card = new VBox();
        card.getStyleClass().add("chain-cert");
        Label subject = new Label(certificate.subject());
        subject.getStyleClass().add("identity-field");
        subject.setWrapText(true);
        card.getChildren().addAll(subject,
                wrapped(context.text("call.chain.issuer", certificate.issuer())),
                wrapped(context.text("call.chain.validity", certificate.notBefore(), certificate.notAfter())),
                wrapped(context.text("call.chain.key", certificate.key(), certificate.serialHex())),
                wrapped("SAN: " + String.join(", ", certificate.subjectAltNames())
                        + "   EKU: " + String.join(", ", certificate.extendedKeyUsages())),
                wrapped("SHA-256: " + certificate.sha256Fingerprint()));
        return card;
    }

    private Tab equivalentTab(String tool, String text) {
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

    private static String millis(Duration duration) {
        return duration == null ? "—" : duration.toMillis() + " ms";
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
