package io.mtlslab.app.identities;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Copy;
import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.call.CertificateSummary;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

/** The identities of the workspace (G3): CA, intermediates, servers and clients with their status. */
public class IdentitiesController {

    /** What the detail pane shows for the selected identity. */
    private record Selected(IdentityEntry entry, X509Certificate certificate, CertificateSummary summary, Path file) {
    }

    private final AppContext context;
    private Selected selected;

    @FXML private TableView<IdentityEntry> identityList;
    @FXML private Label detailTitle;
    @FXML private GridPane detailGrid;
    @FXML private Button copyPemButton;
    @FXML private Button copyFingerprintButton;
    @FXML private Button inspectButton;

    public IdentitiesController(AppContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        identityList.setPlaceholder(new Label(context.text("identities.empty")));
        identityList.getColumns().add(column("identities.name", IdentityEntry::name));
        identityList.getColumns().add(column("identities.role", e -> context.text("role." + e.role().id())));
        identityList.getColumns().add(column("identities.subject", IdentityEntry::subject));
        identityList.getColumns().add(column("identities.key", IdentityEntry::keyType));
        identityList.getColumns().add(column("identities.until",
                e -> LocalDate.ofInstant(e.notAfter(), ZoneId.systemDefault()).toString()));
        TableColumn<IdentityEntry, IdentityStatus> status = new TableColumn<>(context.text("identities.status"));
        status.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(IdentityStatus.of(data.getValue(), Instant.now())));
        status.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(IdentityStatus value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(context.text("status." + value.name()));
                badge.getStyleClass().addAll("badge", value.styleClass());
                setGraphic(badge);
            }
        });
        identityList.getColumns().add(status);
        identityList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> select(entry));
        context.workspaceProperty().addListener((obs, old, now) -> refresh());
        context.workspaceRevisionProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private TableColumn<IdentityEntry, String> column(String key, Function<IdentityEntry, String> value) {
        TableColumn<IdentityEntry, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        return column;
    }

    @FXML
    private void refresh() {
        Workspace workspace = context.workspace();
        identityList.getItems().setAll(workspace == null ? java.util.List.of() : workspace.identities());
    }

    private void select(IdentityEntry entry) {
        detailGrid.getChildren().clear();
        selected = null;
        boolean none = entry == null;
        copyPemButton.setDisable(none);
        copyFingerprintButton.setDisable(none);
        inspectButton.setDisable(none);
        if (none) {
            detailTitle.setText(context.text("identities.pick"));
            return;
        }
        Workspace workspace = context.workspace();
        Path file = workspace.certificateFile(entry.name());
        context.tasks().run(() -> {
            X509Certificate certificate = Pem.readCertificate(file);
            return new Selected(entry, certificate, CertificateSummary.of(certificate), file);
        }, this::render);
    }

    private void render(Selected value) {
        selected = value;
        CertificateSummary summary = value.summary();
        detailTitle.setText(value.entry().name() + " — " + context.text("role." + value.entry().role().id()));
        int row = 0;
        row = pair(row, "call.field.subject", summary.subject());
        row = pair(row, "call.field.issuer", summary.issuer());
        row = pair(row, "call.field.serial", summary.serialHex());
        row = pair(row, "identities.validity", summary.notBefore() + " → " + summary.notAfter());
        row = pair(row, "identities.key", summary.key());
        row = pair(row, "call.field.sans", String.join(", ", summary.subjectAltNames()));
        row = pair(row, "identities.eku", String.join(", ", summary.extendedKeyUsages()));
        row = pair(row, "identities.files", value.file().getFileName() + (value.entry().role().isCa() ? "" : ", "
                + value.entry().name() + ".key"));
        pair(row, "call.field.fingerprint", summary.sha256Fingerprint());
    }

    private int pair(int row, String key, String value) {
        Label name = new Label(context.text(key));
        name.getStyleClass().add("kv-key");
        Label text = new Label(value == null || value.isBlank() ? "—" : value);
        text.setWrapText(true);
        text.getStyleClass().add("kv-value");
        detailGrid.addRow(row, name, text);
        return row + 1;
    }

    @FXML
    private void copyPem() {
        if (selected != null) {
            Copy.text(Pem.certificate(selected.certificate()));
        }
    }

    @FXML
    private void copyFingerprint() {
        if (selected != null) {
            Copy.text(selected.summary().sha256Fingerprint());
        }
    }

    @FXML
    private void inspect() {
        if (selected != null) {
            context.model(InspectModel.class, InspectModel::new).open(selected.file());
            context.navigate("inspect");
        }
    }
}
