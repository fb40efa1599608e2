package io.mtlslab.app.workshop;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.ConfirmBar;
import io.mtlslab.app.common.ErrorText;
import io.mtlslab.app.common.Problem;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.Renewal;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.workshop.BatchIssuance;
import io.mtlslab.workshop.StudentBundle;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The instructor's workshop screen (P8–P10): revoke or renew an identity and export the CRL, issue
 * a class from a CSV with a progress bar, and hand out student bundles. It renders what the
 * workshop core returns and runs it off the FX thread.
 */
public class WorkshopController {

    private final AppContext context;
    private final WorkshopModel model;

    @FXML private ComboBox<String> identityChoice;
    @FXML private ComboBox<RevocationReason> reason;
    @FXML private Button revokeButton;
    @FXML private TextField renewDays;
    @FXML private CheckBox renewNewKey;
    @FXML private CheckBox renewRevokeOld;
    @FXML private Button renewButton;
    @FXML private Button exportCrlButton;
    @FXML private Label identityResult;
    @FXML private TextField csvPath;
    @FXML private Button batchButton;
    @FXML private Button batchCancelButton;
    @FXML private ProgressBar batchProgress;
    @FXML private Label batchStatus;
    @FXML private ListView<String> batchIssued;
    @FXML private ListView<String> batchProblems;
    @FXML private TextField bundleFolder;
    @FXML private TextField bundleHost;
    @FXML private TextField bundlePort;
    @FXML private Button bundleButton;
    @FXML private Button bundleAllButton;
    @FXML private Label bundleResult;
    @FXML private ConfirmBar revokeConfirm;
    @FXML private ConfirmBar bundleConfirm;

    public WorkshopController(AppContext context) {
        this.context = context;
        this.model = context.model(WorkshopModel.class, () -> new WorkshopModel(context));
    }

    @FXML
    private void initialize() {
        identityChoice.valueProperty().bindBidirectional(model.identity);
        reason.setItems(FXCollections.observableArrayList(RevocationReason.values()));
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(RevocationReason value) {
                return value == null ? "" : value.message().text();
            }

            @Override
            public RevocationReason fromString(String text) {
                return null;
            }
        });
        reason.valueProperty().bindBidirectional(model.reason);
        renewDays.textProperty().bindBidirectional(model.renewDays);
        renewNewKey.selectedProperty().bindBidirectional(model.renewNewKey);
        renewRevokeOld.selectedProperty().bindBidirectional(model.renewRevokeOld);
        csvPath.textProperty().bindBidirectional(model.csvPath);
        bundleFolder.textProperty().bindBidirectional(model.folder);
        bundleHost.textProperty().bindBidirectional(model.host);
        bundlePort.textProperty().bindBidirectional(model.port);
        var noIdentity = model.identity.isNull().or(model.identity.isEmpty());
        var busy = context.tasks().busyProperty().or(context.workspaceProperty().isNull());
        revokeButton.disableProperty().bind(busy.or(noIdentity));
        renewButton.disableProperty().bind(busy.or(noIdentity));
        bundleButton.disableProperty().bind(busy.or(noIdentity));
        exportCrlButton.disableProperty().bind(busy);
        // Per action: a batch disables only a second batch, and its Cancel stays usable while it runs.
        batchButton.disableProperty().bind(model.batchRunning.or(context.workspaceProperty().isNull()));
        batchCancelButton.visibleProperty().bind(model.batchRunning);
        batchCancelButton.managedProperty().bind(batchCancelButton.visibleProperty());
        bundleAllButton.disableProperty().bind(busy);
        batchIssued.setPlaceholder(new Label(context.text("workshop.batch.noneIssued")));
        batchProblems.setPlaceholder(new Label(context.text("workshop.batch.noProblems")));
        batchProgress.setProgress(0);
        batchIssued.setCellFactory(list -> new WrappingCell());
        batchProblems.setCellFactory(list -> new WrappingCell());
        refreshIdentities();
        context.viewScope().onChange(context.workspaceRevisionProperty(), (old, now) -> refreshIdentities());
        context.viewScope().onChange(context.workspaceProperty(), (old, now) -> refreshIdentities());
        context.viewScope().onChange(model.batchResultProperty(), (old, result) -> renderBatch(result));
        renderBatch(model.batchResultProperty().get());
    }

    /** The identities one can revoke, renew or bundle: everything but the root CA. */
    private void refreshIdentities() {
        Workspace workspace = context.workspace();
        String chosen = model.identity.get();
        List<String> names = workspace == null ? List.of() : workspace.identities().stream()
                .filter(e -> !Workspace.CA.equals(e.name())).map(IdentityEntry::name).toList();
        identityChoice.setItems(FXCollections.observableArrayList(names));
        identityChoice.setValue(names.contains(chosen) ? chosen : null);
    }

    /** Revoking cannot be undone: ask first, naming the identity and the reason the CRL will carry. */
    @FXML
    private void revoke() {
        String name = model.identity.get();
        RevocationReason chosen = model.reason.get();
        Workspace workspace = context.workspace();
        if (name == null || chosen == null) {
            return;
        }
        String reasonText = chosen.message().text();
        revokeConfirm.ask(context.text("workshop.revoke.confirm", name, reasonText),
                context.text("workshop.revoke.yes", name), context.text("wizard.replaceCa.no"),
                () -> run(identityResult, () -> {
                    CrlIssuer.revoke(workspace, name, chosen, null);
                    return workspace.crlFile();
                }, crl -> context.text("workshop.revoked", name, reasonText, crl)));
    }

    @FXML
    private void renew() {
        String name = model.identity.get();
        Workspace workspace = context.workspace();
        Renewal.Request request;
        try {
            // read on the FX thread: the worker must not touch JavaFX properties
            request = new Renewal.Request(model.days(), model.renewNewKey.get(), model.renewRevokeOld.get());
        } catch (RuntimeException e) {
            showFailure(identityResult, e);
            return;
        }
        run(identityResult, () -> {
            Renewal.Result result = Renewal.renew(workspace, name, request, null, null);
            if (result.staleP12()) {
                // The class's .p12 would still hold the old certificate: write it again.
                BatchIssuance.rewriteP12(workspace, name);
            }
            return result;
        }, result -> context.text(result.revocation() == null ? "workshop.renewed" : "workshop.renewed.revoked",
                name, result.oldSerialHex(), io.mtlslab.pki.Certificates.serialHex(result.renewed().certificate())));
    }

    @FXML
    private void exportCrl() {
        Workspace workspace = context.workspace();
        Path folder;
        try {
            folder = model.folder();
        } catch (RuntimeException e) {
            showFailure(identityResult, e);
            return;
        }
        run(identityResult, () -> {
            // A fresh CRL (new number, thisUpdate now) so that what is handed out is current.
            CrlIssuer.publish(workspace, null);
            Files.createDirectories(folder);
            Path target = folder.resolve("crl.pem");
            SecureFiles.write(target, Files.readAllBytes(workspace.crlFile()));
            return target;
        }, target -> context.text("export.done", target));
    }

    @FXML
    private void browseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("workshop.batch.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showOpenDialog(csvPath.getScene().getWindow());
        if (file != null) {
            model.csvPath.set(file.getPath());
        }
    }

    @FXML
    private void browseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.text("workshop.bundle.choose"));
        File dir = chooser.showDialog(bundleFolder.getScene().getWindow());
        if (dir != null) {
            model.folder.set(dir.getPath());
        }
    }

    @FXML
    private void runBatch() {
        Workspace workspace = context.workspace();
        Path csv;
        try {
            csv = model.csv();
        } catch (RuntimeException e) {
            showFailure(batchStatus, e);
            return;
        }
        batchStatus.getStyleClass().removeAll("field-error", "cell-pass");
        batchStatus.setText("");
        batchProgress.progressProperty().unbind();
        String reading = context.text("workshop.batch.reading", csv.getFileName());
        java.text.MessageFormat issuedOne = new java.text.MessageFormat(context.i18n().bundle().getString("workshop.batch.issued.one"),
                context.i18n().locale());
        java.util.concurrent.atomic.AtomicBoolean cancel = model.batchCancel;
        cancel.set(false);
        model.batchRunning.set(true);
        // The core reports after each row on the worker thread; the task coalesces the updates.
        Task<BatchIssuance.Result> task = context.tasks().run(progress -> BatchIssuance.run(workspace, csv,
                BatchIssuance.Options.defaults(), new BatchIssuance.Progress() {
                    @Override
                    public void update(int done, int total, String name) {
                        progress.update(done, total, name == null ? reading : format(issuedOne, name, done, total));
                    }

                    @Override
                    public boolean cancelled() {
                        return cancel.get();
                    }
                }, null), result -> {
                    model.batchRunning.set(false);
                    batchProgress.progressProperty().unbind();
                    batchProgress.setProgress(1);
                    model.batchResultProperty().set(result);
                    context.workspaceChanged();
                }, failure -> {
                    model.batchRunning.set(false);
                    batchProgress.progressProperty().unbind();
                    batchProgress.setProgress(0);
                    showFailure(batchStatus, failure);
                });
        batchProgress.progressProperty().bind(task.progressProperty());
    }

    /** Stops the batch before its next row; the rows already issued stay issued and are listed. */
    @FXML
    private void cancelBatch() {
        model.batchCancel.set(true);
    }

    private void renderBatch(BatchIssuance.Result result) {
        if (result == null) {
            batchIssued.getItems().clear();
            batchProblems.getItems().clear();
            return;
        }
        batchIssued.getItems().setAll(result.issued().stream()
                .map(i -> context.text("workshop.batch.issuedRow", i.name(), i.commonName(), i.p12File().getFileName()))
                .toList());
        batchProblems.getItems().setAll(result.problems().stream()
                .map(p -> context.text("workshop.batch.problemRow", p.line(), ErrorText.inWords(p.error()))).toList());
        batchStatus.getStyleClass().removeAll("field-error", "cell-pass");
        batchStatus.getStyleClass().add(result.problems().isEmpty() ? "cell-pass" : "field-error");
        batchStatus.setText(context.text(result.cancelled() ? "workshop.batch.cancelled" : "workshop.batch.done",
                result.issued().size(), result.problems().size(), result.passwordsFile()));
        if (result.cancelled()) {
            batchStatus.getStyleClass().removeAll("field-error", "cell-pass");
            batchStatus.getStyleClass().add("field-error");
        }
    }

    /** A bundle hands a key to a student: never for a revoked identity, and over an old zip only when confirmed. */
    @FXML
    private void exportBundle() {
        String name = model.identity.get();
        Workspace workspace = context.workspace();
        Destination destination = destination();
        if (destination == null) {
            return;
        }
        Path folder = destination.folder();
        StudentBundle.Target target = destination.target();
        boolean revoked = workspace.identities().stream().anyMatch(e -> e.name().equals(name) && e.revoked());
        if (revoked) {
            showFailure(bundleResult, new io.mtlslab.pki.PkiException("identity",
                    context.text("workshop.bundle.revoked", name), context.text("workshop.bundle.revoked.fix")));
            return;
        }
        Path zip = folder.resolve(name + "-bundle.zip");
        Runnable export = () -> run(bundleResult, () -> {
            Files.createDirectories(folder);
            return StudentBundle.export(workspace, name, target, zip);
        }, written -> context.text("export.done", written));
        bundleConfirm.dismiss();
        if (Files.exists(zip)) {
            bundleConfirm.ask(context.text("workshop.bundle.overwrite", zip), context.text("workshop.bundle.overwrite.yes"),
                    context.text("wizard.replaceCa.no"), export);
        } else {
            export.run();
        }
    }

    /** Where bundles go and the server they point at, as typed. */
    private record Destination(Path folder, StudentBundle.Target target) {
    }

    /** The bundles' destination, or {@code null} after showing why the fields cannot be used. */
    private Destination destination() {
        try {
            return new Destination(model.folder(), model.target());
        } catch (RuntimeException e) {
            showFailure(bundleResult, e);
            return null;
        }
    }

    @FXML
    private void exportAllBundles() {
        Workspace workspace = context.workspace();
        Destination destination = destination();
        if (destination == null) {
            return;
        }
        Path folder = destination.folder();
        StudentBundle.Target target = destination.target();
        run(bundleResult, () -> {
            Files.createDirectories(folder);
            return StudentBundle.exportAll(workspace, target, folder, BatchIssuance.Progress.NONE);
        }, zips -> context.text("workshop.bundle.all", zips.size(), folder));
    }

    /**
     * Runs {@code work} in the background and shows its outcome under the card's buttons; {@code words}
     * turns the result into text on the FX thread (the worker reads no JavaFX property, not even the language).
     */
    private <T> void run(Label result, java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> words) {
        result.getStyleClass().removeAll("field-error", "cell-pass");
        result.setText("");
        context.tasks().run(progress -> work.call(), value -> {
            result.getStyleClass().add("cell-pass");
            result.setText(words.apply(value));
            context.workspaceChanged();
        }, failure -> showFailure(result, failure));
    }

    private static String format(java.text.MessageFormat pattern, Object... args) {
        synchronized (pattern) {
            return pattern.format(args);
        }
    }

    private void showFailure(Label label, Throwable failure) {
        Problem problem = context.problemOf(failure);
        label.getStyleClass().removeAll("field-error", "cell-pass");
        label.getStyleClass().add("field-error");
        label.setText(problem.fix() == null ? problem.summary() : problem.summary() + " — " + problem.fix());
    }

    /** A list cell that wraps a long line (a bad row's reason and fix) instead of cutting it. */
    private static final class WrappingCell extends javafx.scene.control.ListCell<String> {
        WrappingCell() {
            setWrapText(true);
            setPrefWidth(0); // take the list's width, not the text's
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }
}
