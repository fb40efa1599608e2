package io.mtlslab.app.identities;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Copy;
import io.mtlslab.app.common.KeyPasswordDialog;
import io.mtlslab.app.common.KeyValueGrid;
import io.mtlslab.app.common.Tables;
import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.app.workshop.WorkshopModel;
import io.mtlslab.call.CertificateSummary;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.Exports;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.IdentityStatus;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.Revocation;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.pki.lint.Finding;
import io.mtlslab.pki.lint.Lint;
import io.mtlslab.pki.lint.LintRequest;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The identities of the workspace (G3): CA, intermediates, servers and clients with their status. */
public class IdentitiesController {

    /** What the detail pane shows for the selected identity. */
    private record Selected(IdentityEntry entry, X509Certificate certificate, CertificateSummary summary, Path file,
                            List<Finding> findings, Revocation revocation, boolean keyLocked) {
    }

    /** The detail being read in the background; a newer selection cancels it and ignores what it finds. */
    private javafx.concurrent.Task<Selected> loading;

    private final AppContext context;
    private Selected selected;

    /** Below this width (in em of the screen's text) the details go under the list instead of beside it. */
    private static final double SIDE_BY_SIDE_EM = 46;

    @FXML private javafx.scene.control.SplitPane split;
    @FXML private TableView<IdentityEntry> identityList;
    @FXML private Label detailTitle;
    @FXML private KeyValueGrid detailGrid;
    @FXML private Button copyPemButton;
    @FXML private Button copyFingerprintButton;
    @FXML private Button inspectButton;
    @FXML private Button workshopButton;
    @FXML private javafx.scene.layout.VBox exportCard;
    @FXML private javafx.scene.control.ComboBox<ExportFormat> exportFormat;
    @FXML private javafx.scene.control.PasswordField exportPassword;
    @FXML private javafx.scene.control.CheckBox exportOverwrite;
    @FXML private Label exportHelp;
    @FXML private Label exportResult;

    public IdentitiesController(AppContext context) {
        this.context = context;
    }

    private static String styleClass(IdentityStatus status) {
        return switch (status) {
            case VALID -> "status-valid";
            case EXPIRING, NOT_YET_VALID -> "status-expiring";
            case EXPIRED -> "status-expired";
            case REVOKED, ISSUER_REVOKED, CA_REPLACED -> "status-revoked";
        };
    }

    @FXML
    private void initialize() {
        identityList.setPlaceholder(new Label(context.text("identities.empty")));
        // Today's status comes right after who it is, so a narrow list (presenter mode) still shows it; the
        // long subject comes last and takes whatever width is left (the details below show it whole).
        identityList.getColumns().add(column("identities.name", IdentityEntry::name));
        identityList.getColumns().add(column("identities.role", e -> context.text("role." + e.role().id())));
        TableColumn<IdentityEntry, IdentityStatus> status = new TableColumn<>(context.text("identities.status"));
        status.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(IdentityStatus.of(data.getValue(), identityList.getItems(), Instant.now())));
        status.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(IdentityStatus value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(context.text("status." + value.name()));
                badge.getStyleClass().addAll("badge", styleClass(value));
                setGraphic(badge);
            }
        });
        identityList.getColumns().add(status);
        identityList.getColumns().add(column("identities.until",
                e -> LocalDate.ofInstant(e.notAfter(), ZoneId.systemDefault()).toString()));
        identityList.getColumns().add(column("identities.key", IdentityEntry::keyType));
        identityList.getColumns().add(column("identities.subject", IdentityEntry::subject));
        Tables.readable(identityList, context.text("action.copy"));
        Tables.widthsInEm(identityList, 7, 7, 9, 8, 7, 16);
        identityList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> select(entry));
        exportFormat.setItems(javafx.collections.FXCollections.observableArrayList(ExportFormat.values()));
        exportFormat.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ExportFormat format) {
                return format == null ? "" : context.text("export.format." + format.id());
            }

            @Override
            public ExportFormat fromString(String text) {
                return null;
            }
        });
        // The chosen format by its short name, so the drop-down stays narrow; the list shows the long names.
        exportFormat.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ExportFormat format, boolean empty) {
                super.updateItem(format, empty);
                setText(empty || format == null ? "" : context.text("export.format.short." + format.id()));
            }
        });
        exportFormat.valueProperty().addListener((obs, old, format) -> describeExport());
        exportFormat.setValue(ExportFormat.P12);
        split.widthProperty().addListener((obs, old, now) -> arrange());
        exportPassword.fontProperty().addListener((obs, old, now) -> arrange());
        context.viewScope().onChange(context.workspaceProperty(), (old, now) -> refresh());
        context.viewScope().onChange(context.workspaceRevisionProperty(), (old, now) -> refresh());
        refresh();
    }

    /** Details beside the list when there is room; under it on a narrow window, with A+ or in presenter mode. */
    private void arrange() {
        double em = exportPassword.getFont().getSize();
        javafx.geometry.Orientation wanted = split.getWidth() <= 0 || split.getWidth() >= SIDE_BY_SIDE_EM * em
                ? javafx.geometry.Orientation.HORIZONTAL : javafx.geometry.Orientation.VERTICAL;
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setDividerPositions(wanted == javafx.geometry.Orientation.HORIZONTAL ? 0.46 : 0.4);
        }
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
        detailGrid.clear();
        selected = null;
        boolean none = entry == null;
        copyPemButton.setDisable(none);
        copyFingerprintButton.setDisable(none);
        inspectButton.setDisable(none);
        workshopButton.setDisable(none || Workspace.CA.equals(entry.name()));
        exportCard.setDisable(none);
        exportResult.setText("");
        describeExport();
        if (none) {
            detailTitle.setText(context.text("identities.pick"));
            return;
        }
        Workspace workspace = context.workspace();
        Path file = workspace.certificateFile(entry.name());
        if (loading != null) {
            loading.cancel();
        }
        loading = context.tasks().run(() -> {
            // An encrypted key (issued with a key password) is not needed to show the certificate.
            boolean keyLocked = workspace.keyEncrypted(entry.name());
            Credential credential = keyLocked ? workspace.certificateChain(entry.name())
                    : workspace.credential(entry.name(), null);
            X509Certificate certificate = credential.certificate();
            // The pre-flight lint for the identity's role, with its key, chain, the workspace CA and its revocations.
            LintRequest request = LintRequest.forIdentity(workspace, entry.name(), entry.role(), credential);
            Revocation revocation = request.revocation();
            return new Selected(entry, certificate, CertificateSummary.of(certificate), file, Lint.check(request), revocation,
                    keyLocked);
        }, this::render);
    }

    private void render(Selected value) {
        // A click on another row while this one loaded: show only what is selected now.
        if (value.entry() != identityList.getSelectionModel().getSelectedItem()) {
            return;
        }
        selected = value;
        CertificateSummary summary = value.summary();
        detailTitle.setText(value.entry().name() + " — " + context.text("role." + value.entry().role().id()));
        pair("call.field.subject", summary.subject());
        pair("call.field.issuer", summary.issuer());
        pair("call.field.serial", summary.serialHex());
        pair("identities.validity", summary.notBefore() + " → " + summary.notAfter());
        pair("identities.key", summary.key());
        pair("call.field.sans", String.join(", ", summary.subjectAltNames()));
        pair("identities.eku", String.join(", ", summary.extendedKeyUsages()));
        pair("identities.files", value.file().getFileName() + (value.entry().role().isCa() ? "" : ", "
                + value.entry().name() + ".key"));
        pair("call.field.fingerprint", summary.sha256Fingerprint());
        if (value.keyLocked()) {
            pair("identities.keyLocked", context.text("identities.keyLocked.value"));
        }
        if (value.revocation() != null) {
            pair("identities.revocation", context.text("identities.revocation.value",
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                            .format(value.revocation().revokedAt()),
                    value.revocation().reason().message().text()));
        }
        String lint = value.findings().isEmpty() ? context.text("inspect.lint.clean")
                : String.join("\n", value.findings().stream()
                        .map(f -> Finding.severityName(f.severity()).text() + ": " + f.what()
                                + (f.fix() == null ? "" : " — " + f.fix())).toList());
        pair("inspect.lint", lint);
    }

    private void pair(String key, String value) {
        detailGrid.add(context.text(key), value);
    }

    private void describeExport() {
        ExportFormat format = exportFormat.getValue();
        exportHelp.setText(format == null ? "" : context.text(format.needsPassword() ? "export.help.password"
                : format == ExportFormat.KEY ? "export.help.key" : "export.help.public", fileNameFor(format)));
    }

    private String fileNameFor(ExportFormat format) {
        IdentityEntry entry = identityList.getSelectionModel().getSelectedItem();
        return format.fileName(entry == null ? "NAME" : entry.name());
    }

    @FXML
    private void exportSaveAs() {
        IdentityEntry entry = identityList.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(context.text("export.title"));
        chooser.setInitialDirectory(context.workspace().dir().toFile());
        chooser.setInitialFileName(fileNameFor(exportFormat.getValue()));
        java.io.File file = chooser.showSaveDialog(identityList.getScene().getWindow());
        if (file != null) {
            // The system dialog already asked before replacing a file.
            export(entry, file.toPath(), true);
        }
    }

    @FXML
    private void exportHere() {
        IdentityEntry entry = identityList.getSelectionModel().getSelectedItem();
        if (entry != null) {
            export(entry, context.workspace().dir().resolve(fileNameFor(exportFormat.getValue())),
                    exportOverwrite.isSelected());
        }
    }

    private void export(IdentityEntry entry, Path target, boolean overwrite) {
        ExportFormat format = exportFormat.getValue();
        Workspace workspace = context.workspace();
        String name = entry.name();
        // Only the formats holding the private key read it; the others work without its password.
        write(format, name, target, overwrite, () -> format.secret() ? workspace.credential(name, null)
                : workspace.certificateChain(name));
    }

    /** Thrown when the identity's key is encrypted: the password is asked for, then the export retried. */
    private static final class KeyLocked extends RuntimeException {
        KeyLocked() {
            super(null, null, false, false);
        }
    }

    private void write(ExportFormat format, String name, Path target, boolean overwrite,
                       java.util.concurrent.Callable<Credential> credential) {
        char[] password = exportPassword.getText().isEmpty() ? null : exportPassword.getText().toCharArray();
        exportResult.getStyleClass().removeAll("field-error", "cell-pass");
        exportResult.setText("");
        context.tasks().run(progress -> {
            SecureFiles.requireAbsent(overwrite, target);
            Credential loaded;
            try {
                loaded = credential.call();
            } catch (io.mtlslab.pki.PkiException e) {
                if ("password".equals(e.field())) {
                    throw new KeyLocked();
                }
                throw e;
            }
            byte[] bytes = Exports.export(loaded, format, name, password);
            if (format.secret()) {
                SecureFiles.writeSecret(target, bytes);
            } else {
                SecureFiles.write(target, bytes);
            }
            return target;
        }, written -> {
            exportResult.getStyleClass().add("cell-pass");
            exportResult.setText(context.text("export.done", written));
        }, failure -> {
            if (failure instanceof KeyLocked) {
                KeyPasswordDialog.ask(context, identityList.getScene().getWindow(), name,
                        unlocked -> write(format, name, target, overwrite, () -> unlocked));
                return;
            }
            io.mtlslab.app.common.Problem problem = context.problemOf(failure);
            exportResult.getStyleClass().add("field-error");
            exportResult.setText(problem.fix() == null ? problem.summary() : problem.summary() + " — " + problem.fix());
        });
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

    /** Revoke, renew or bundle the selected identity: the workshop screen, with it chosen. */
    @FXML
    private void workshop() {
        IdentityEntry entry = identityList.getSelectionModel().getSelectedItem();
        if (entry != null) {
            context.model(WorkshopModel.class, () -> new WorkshopModel(context)).identity.set(entry.name());
            context.navigate("workshop");
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
