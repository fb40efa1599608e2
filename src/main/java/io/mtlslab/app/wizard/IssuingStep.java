package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.FieldCheck;
import io.mtlslab.app.common.Problem;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * What the CA, server and client steps share: field checks, the key type choice, and issuing the
 * identity in the background (or keeping the existing one when the user does not replace it).
 */
abstract class IssuingStep implements WizardStep {

    protected final AppContext context;
    protected final WizardModel model;
    protected final FieldCheck checks = new FieldCheck();

    @FXML protected StepFooter footer;

    IssuingStep(AppContext context) {
        this.context = context;
        this.model = context.model(WizardModel.class, WizardModel::new);
    }

    /** The workspace name of the identity this step issues: ca, server or client. */
    protected abstract String identityName();

    /** Builds the spec from the model; throws the core's PkiException on bad input. */
    protected abstract CertificateSpec spec();

    /** Issues the identity with the key pair {@code keys} into the workspace (runs in the background). */
    protected abstract void issue(Workspace workspace, CertificateSpec spec, boolean replace, KeyPair keys);

    private static final int GENERATING = 0;
    private static final int WRITING = 1;
    private static final int CANCELLED = 2;

    protected void setupFooter() {
        String name = identityName();
        footer.setup(context, model.replaceExisting, exists(), name + ".pem / " + name + ".key");
    }

    private boolean exists() {
        Workspace workspace = context.workspace();
        return workspace != null && Files.exists(workspace.certificateFile(identityName()));
    }

    @Override
    public void shown() {
        footer.setExisting(exists());
        footer.showError("");
    }

    @Override
    public ObservableBooleanValue ready() {
        return checks.valid().and(context.workspaceProperty().isNotNull());
    }

    /**
     * What replacing this step's existing files destroys, for a confirmation the user must give first,
     * or {@code null} when replacing needs no confirmation.
     */
    protected String replaceConfirmation(Workspace workspace) {
        return null;
    }

    /** Runs in the background just before a confirmed replacement (e.g. keep a backup). */
    protected void beforeReplace(Workspace workspace) {
    }

    @Override
    public void complete(Runnable next) {
        complete(next, false);
    }

    private void complete(Runnable next, boolean confirmed) {
        footer.showError("");
        CertificateSpec spec;
        try {
            spec = spec();
        } catch (PkiException e) {
            footer.showError(io.mtlslab.app.common.ErrorText.inWords(e));
            return;
        }
        Workspace workspace = context.workspace();
        boolean replace = model.replaceExisting.get();
        if (exists() && !replace) {
            // Keeping what is there is the safe reading of "do not replace".
            next.run();
            return;
        }
        String confirmation = exists() && replace && !confirmed ? replaceConfirmation(workspace) : null;
        if (confirmation != null) {
            footer.askConfirmation(confirmation, () -> complete(next, true));
            return;
        }
        boolean replacing = exists() && replace;
        KeyType keyType = spec.keyType();
        String generating = context.text("wizard.generating", keyType.id(), identityName());
        java.util.function.Function<KeyType, KeyPair> keyMaker = model.keyMaker;
        // Either Cancel wins (nothing is written) or the writing starts (Cancel comes too late): never both.
        AtomicInteger state = new AtomicInteger(GENERATING);
        Task<String> task = context.tasks().run(progress -> {
            progress.message(generating);
            KeyPair keys = keyMaker.apply(keyType);
            if (!state.compareAndSet(GENERATING, WRITING)) {
                return null;
            }
            if (replacing) {
                beforeReplace(workspace);
            }
            issue(workspace, spec, replace, keys);
            return identityName();
        }, done -> {
            footer.setCancel(null);
            if (done == null) {
                return; // cancelled just as the key was ready: nothing written, already said so
            }
            context.workspaceChanged();
            next.run();
        }, failure -> {
            footer.setCancel(null);
            Problem problem = context.problemOf(failure);
            footer.showError(problem.fix() == null ? problem.summary() : problem.summary() + " — " + problem.fix());
        });
        footer.setCancel(() -> {
            if (state.compareAndSet(GENERATING, CANCELLED)) {
                // The generator cannot be interrupted; it finishes in the background and its key is dropped.
                task.cancel(false);
                footer.setCancel(null);
                footer.showError(context.text("wizard.keys.cancelled", identityName()));
            }
        });
    }

    /** Fills a key type choice box bound to the model. */
    protected static void keyTypes(ComboBox<KeyType> box, javafx.beans.property.ObjectProperty<KeyType> value) {
        box.setItems(FXCollections.observableArrayList(KeyType.values()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyType type) {
                // words, not ids: "RSA 4096 (slow to generate)", not rsa-4096
                return type == null ? "" : type.displayName().text();
            }

            @Override
            public KeyType fromString(String text) {
                return KeyType.fromDisplay(text);
            }
        });
        // Closed, the box shows the name without its remark ("RSA 4096"), so it stays narrow at 1024×700
        // with the largest font; the open list keeps the remarks that help choosing.
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(KeyType type, boolean empty) {
                super.updateItem(type, empty);
                String words = empty || type == null ? "" : type.displayName().text();
                int remark = words.indexOf(" (");
                setText(remark > 0 ? words.substring(0, remark) : words);
            }
        });
        box.valueProperty().bindBidirectional(value);
    }
}
