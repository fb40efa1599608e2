package io.mtlslab.app.call;

import static io.mtlslab.app.call.CallViews.wrapped;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.KeyPasswordDialog;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.CertificateSummary;
import io.mtlslab.pki.IdentityEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The test call screen (C1–C4): choose target, identity and trust, call, and read the outcome. The
 * outcome banner, the peer table, the handshake, "asked vs presented" and the equivalents are views of
 * their own (see Outcome.fxml and its siblings); this controller holds the form and hands each view
 * its part of the result.
 */
public class TestCallController {

    private final AppContext context;
    private final CallModel model;
    /** Identities the picker marks "(revoked)": a call with one shows what a CRL-checking server does. */
    private final Set<String> revokedNames = new HashSet<>();

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
    @FXML private Label staleNote;
    @FXML private OutcomeController outcomeBoxController;
    @FXML private PeerTableController peersController;
    @FXML private HandshakeController handshakeController;
    @FXML private AskedController askedController;
    @FXML private EquivalentsController equivalentsController;
    @FXML private ToggleButton loadToggle;
    @FXML private Node load;
    @FXML private VBox chainBox;
    @FXML private TextArea responseText;

    public TestCallController(AppContext context) {
        this.context = context;
        this.model = context.model(CallModel.class, () -> new CallModel(context));
    }

    @FXML
    private void initialize() {
        target.textProperty().bindBidirectional(model.target);
        refreshIdentities();
        context.viewScope().onChange(context.workspaceRevisionProperty(), (old, now) -> refreshIdentities());
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
        staleNote.setText(context.text("call.stale"));
        staleNote.visibleProperty().bind(model.staleProperty().and(model.resultProperty().isNotNull()));
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        loadToggle.selectedProperty().bindBidirectional(context.model(LoadModel.class, () -> new LoadModel(context)).shown);
        load.visibleProperty().bind(loadToggle.selectedProperty());
        load.managedProperty().bind(load.visibleProperty());
        context.viewScope().onChange(model.resultProperty(), (old, result) -> render(result));
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

    @FXML
    private void cancelCall() {
        model.cancel();
    }

    @FXML
    private void call() {
        context.problemProperty().set(null);
        // An identity issued with a key password: ask for it, then make the call with the unlocked key.
        model.call(() -> { }, name -> KeyPasswordDialog.ask(context, identity.getScene().getWindow(), name, credential -> {
            model.unlock(name, credential);
            model.call(() -> { });
        }));
    }

    private void render(CallResult result) {
        outcomeBoxController.render(result);
        peersController.render(result == null ? null : result.peers());
        handshakeController.render(result == null ? null : result.report());
        askedController.render(result == null ? null : result.report().askedVsPresented());
        equivalentsController.render(result == null ? null : result.equivalents());
        chainBox.getChildren().clear();
        responseText.clear();
        if (result == null) {
            return;
        }
        for (CertificateSummary certificate : result.report().serverChain()) {
            chainBox.getChildren().add(certificateCard(certificate));
        }
        if (result.response() != null) {
            responseText.setText(result.response().status() + " " + result.response().reason() + "\n\n"
                    + result.response().body());
        }
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
}
