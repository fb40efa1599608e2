package io.mtlslab.app.workshop;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.server.ServerModel;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.workshop.BatchIssuance;
import io.mtlslab.workshop.StudentBundle;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The workshop screen's inputs and last batch result, kept across re-renders (language switch). */
public final class WorkshopModel {

    public final StringProperty identity = new SimpleStringProperty();
    public final ObjectProperty<RevocationReason> reason = new SimpleObjectProperty<>(RevocationReason.KEY_COMPROMISE);
    public final StringProperty renewDays = new SimpleStringProperty("365");
    public final BooleanProperty renewNewKey = new SimpleBooleanProperty(false);
    public final BooleanProperty renewRevokeOld = new SimpleBooleanProperty(true);
    public final StringProperty csvPath = new SimpleStringProperty("");
    public final StringProperty folder = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("localhost");
    public final StringProperty port = new SimpleStringProperty();
    private final ObjectProperty<BatchIssuance.Result> batchResult = new SimpleObjectProperty<>();
    /** A batch is running (its own busy state: Cancel works while it runs). */
    final BooleanProperty batchRunning = new SimpleBooleanProperty();
    /** Set by Cancel, read by the running batch before each row. */
    final java.util.concurrent.atomic.AtomicBoolean batchCancel = new java.util.concurrent.atomic.AtomicBoolean();

    public WorkshopModel(AppContext context) {
        // The bundles' commands should reach the echo server the app runs: its port while it runs,
        // else the configured one (0, "any free port", would mean nothing to a student: the seed's).
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        int configured = context.config().serverPort();
        port.set(Integer.toString(server.isRunning() ? server.serverProperty().get().port()
                : configured > 0 ? configured : StudentBundle.Target.localDefault().port()));
        server.serverProperty().addListener((obs, old, running) -> {
            if (running != null) {
                port.set(Integer.toString(running.port()));
            }
        });
        if (context.workspace() != null) {
            folder.set(defaultFolder(context.workspace()));
        }
        // Another workspace opened: follow it unless the user typed a folder of their own.
        context.workspaceProperty().addListener((obs, old, now) -> {
            if (now != null && (folder.get().isBlank() || old != null && defaultFolder(old).equals(folder.get()))) {
                folder.set(defaultFolder(now));
            }
        });
    }

    private static String defaultFolder(io.mtlslab.pki.Workspace workspace) {
        return workspace.dir().resolve("bundles").toString();
    }

    public ObjectProperty<BatchIssuance.Result> batchResultProperty() {
        return batchResult;
    }

    /** The renewal's validity as typed; the core's message for a bad number. */
    int days() {
        try {
            return Integer.parseInt(renewDays.get().trim());
        } catch (NumberFormatException e) {
            throw PkiException.because(e, "days", "notDays", String.valueOf(renewDays.get()));
        }
    }

    /** Where the bundles' commands will reach the server, as typed. */
    StudentBundle.Target target() {
        int chosen;
        try {
            chosen = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            throw PkiException.because(e, "port", "notPort", String.valueOf(port.get()));
        }
        return new StudentBundle.Target(host.get().trim(), chosen);
    }

    /** The typed folder; an empty field is a user's mistake, said next to the field. */
    Path folder() {
        String text = folder.get() == null ? "" : folder.get().trim();
        if (text.isEmpty()) {
            throw PkiException.of("folder", "noFolder");
        }
        return Path.of(text);
    }

    Path csv() {
        String text = csvPath.get() == null ? "" : csvPath.get().trim();
        if (text.isEmpty()) {
            throw PkiException.of("csv", "noCsv");
        }
        return Path.of(text);
    }
}
