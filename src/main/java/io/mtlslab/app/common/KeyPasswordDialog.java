package io.mtlslab.app.common;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the password of an identity's encrypted private key (issued with {@code --key-password})
 * and hands on the unlocked credential. The password is tried in the background; a wrong one keeps
 * the dialog open with an inline error, so the user can type it again. The password is never logged
 * nor shown: it lives in the field and in one char array that is wiped once tried.
 */
public final class KeyPasswordDialog {

    private final AppContext context;
    private final Dialog<Credential> dialog = new Dialog<>();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private final ProgressIndicator trying = new ProgressIndicator();
    private final Workspace workspace;
    private final String name;

    private KeyPasswordDialog(AppContext context, Window owner, Workspace workspace, String name) {
        this.context = context;
        this.workspace = workspace;
        this.name = name;
        dialog.initOwner(owner);
        dialog.setTitle(context.text("keyPassword.title"));
        dialog.setHeaderText(context.text("keyPassword.header", name));
        password.setId("keyPasswordField");
        password.setPromptText(context.text("keyPassword.prompt"));
        error.setId("keyPasswordError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        trying.setVisible(false);
        trying.setPrefSize(20, 20);
        Label help = new Label(context.text("keyPassword.help"));
        help.getStyleClass().add("help");
        help.setWrapText(true);
        VBox body = new VBox(8, help, new HBox(8, password, trying), error);
        body.setPrefWidth(420);
        dialog.getDialogPane().setContent(body);
        ButtonType unlock = new ButtonType(context.text("keyPassword.unlock"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("keyPassword.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(unlock, cancel);
        Button unlockButton = (Button) dialog.getDialogPane().lookupButton(unlock);
        unlockButton.setId("keyPasswordUnlock");
        dialog.getDialogPane().lookupButton(cancel).setId("keyPasswordCancel");
        unlockButton.disableProperty().bind(password.textProperty().isEmpty().or(trying.visibleProperty()));
        // The dialog stays open while the password is tried, and after a wrong one.
        unlockButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            tryPassword();
        });
        password.textProperty().addListener((obs, old, now) -> error.setText(""));
        dialog.setResultConverter(button -> null);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            // The window's looks (dark, presenter, font step), so the dialog reads like the rest.
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                    .filter(c -> c.equals("dark") || c.equals("presenter") || c.startsWith("font-")).toList());
        }
    }

    /**
     * Shows the dialog for identity {@code name}; {@code onUnlocked} gets the credential with its key
     * when the password is right. Closing or cancelling calls nothing.
     */
    public static void ask(AppContext context, Window owner, String name, Consumer<Credential> onUnlocked) {
        KeyPasswordDialog asking = new KeyPasswordDialog(context, owner, context.workspace(), name);
        asking.dialog.setOnHidden(event -> {
            if (asking.dialog.getResult() != null) {
                onUnlocked.accept(asking.dialog.getResult());
            }
        });
        asking.dialog.show();
        asking.password.requestFocus();
    }

    private void tryPassword() {
        char[] typed = password.getText().toCharArray();
        error.setText("");
        trying.setVisible(true);
        context.tasks().run(progress -> {
            try {
                return workspace.credential(name, typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, credential -> {
            trying.setVisible(false);
            dialog.setResult(credential);
            dialog.close();
        }, failure -> {
            trying.setVisible(false);
            if (failure instanceof PkiException pki && "password".equals(pki.field())) {
                error.setText(context.text("keyPassword.wrong"));
            } else {
                Problem problem = context.problemOf(failure);
                error.setText(problem.fix() == null ? problem.summary() : problem.summary() + " — " + problem.fix());
            }
            password.selectAll();
            password.requestFocus();
        });
    }
}
