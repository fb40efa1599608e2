package io.mtlslab.app.server;

import io.mtlslab.app.AppContext;
import io.mtlslab.server.CaNamesMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ConnectionEvent;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.server.TrustMode;
import io.mtlslab.pki.Workspace;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The echo server the app runs (at most one), the settings the user picks for it, and its
 * connection log, drained from the core into the UI list by a timer — never one UI update per
 * connection, so a flood of handshakes cannot freeze the window.
 */
public final class ServerModel {

    static final int MAX_ROWS = 1000;

    private final AppContext context;
    private final StringProperty statusText = new SimpleStringProperty("");
    private final ObjectProperty<EchoServer> server = new SimpleObjectProperty<>();
    public final StringProperty port = new SimpleStringProperty();
    public final ObjectProperty<ClientAuthMode> clientAuth = new SimpleObjectProperty<>(ClientAuthMode.REQUIRED);
    public final BooleanProperty handlerChecks = new SimpleBooleanProperty(true);
    public final BooleanProperty trustSystem = new SimpleBooleanProperty(false);
    public final BooleanProperty legacyProtocols = new SimpleBooleanProperty(false);
    public final BooleanProperty emptyCaNames = new SimpleBooleanProperty(false);
    public final BooleanProperty checkRevocation = new SimpleBooleanProperty(true);
    /** Every request must carry the client's HMAC signature (S6); off in the seed's server. */
    public final BooleanProperty requireHmac = new SimpleBooleanProperty(false);
    private final ObservableList<ConnectionEvent> log = FXCollections.observableArrayList();
    private final Timeline drainer;

    public ServerModel(AppContext context) {
        this.context = context;
        port.set(Integer.toString(context.config().serverPort()));
        statusText.set(context.text("server.status.stopped"));
        drainer = new Timeline(new KeyFrame(Duration.millis(250), event -> drain()));
        drainer.setCycleCount(Animation.INDEFINITE);
        context.i18nProperty().addListener((obs, old, now) -> updateStatus());
    }

    /** The settings as chosen on screen; throws the core's PkiException for a bad port. */
    public ServerSettings settings() {
        int chosenPort;
        try {
            chosenPort = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            throw new io.mtlslab.pki.PkiException("port", "'" + port.get() + "' is not a port number",
                    "type a number such as 8443");
        }
        return ServerSettings.secure().withPort(chosenPort).withClientAuth(clientAuth.get())
                .withCheckIdentityInHandler(handlerChecks.get())
                .withTrust(trustSystem.get() ? TrustMode.SYSTEM_AND_WORKSPACE : TrustMode.WORKSPACE)
                .withLegacyProtocols(legacyProtocols.get())
                .withCaNames(emptyCaNames.get() ? CaNamesMode.EMPTY : CaNamesMode.FULL)
                .withCheckRevocation(checkRevocation.get());
    }

    /** Back to the seed's secure server (Quick start and the wizard use it). */
    public void resetToSecure() {
        clientAuth.set(ClientAuthMode.REQUIRED);
        handlerChecks.set(true);
        trustSystem.set(false);
        legacyProtocols.set(false);
        emptyCaNames.set(false);
        checkRevocation.set(true);
        requireHmac.set(false);
    }

    /** (Re)starts the server with the chosen settings in the background. */
    public void start(Runnable onStarted, Runnable onFailed) {
        ServerSettings settings = settings();
        Workspace workspace = context.workspace();
        EchoServer previous = server.get();
        boolean hmac = requireHmac.get();
        context.tasks().run(progress -> {
            progress.message(context.text("server.starting", String.valueOf(settings.port())));
            if (previous != null) {
                previous.close();
            }
            return hmac ? EchoServer.start(workspace, settings, HmacGate.requireFor(workspace))
                    : EchoServer.start(workspace, settings);
        }, started -> {
            server.set(started);
            log.clear();
            drainer.play();
            updateStatus();
            onStarted.run();
        }, failure -> {
            if (previous != null) {
                server.set(null);
                updateStatus();
            }
            context.report(failure);
            onFailed.run();
        });
    }

    public void stop() {
        EchoServer running = server.get();
        if (running == null) {
            return;
        }
        context.tasks().run(() -> {
            running.close();
            return running;
        }, stopped -> {
            drain();
            drainer.stop();
            server.set(null);
            updateStatus();
        });
    }

    /** Moves what the server logged since the last tick into the table, keeping the newest rows. */
    void drain() {
        EchoServer running = server.get();
        if (running == null) {
            return;
        }
        List<ConnectionEvent> fresh = running.log().drain();
        if (!fresh.isEmpty()) {
            log.addAll(fresh);
            if (log.size() > MAX_ROWS) {
                log.remove(0, log.size() - MAX_ROWS);
            }
        }
    }

    private void updateStatus() {
        EchoServer running = server.get();
        statusText.set(running == null ? context.text("server.status.stopped")
                : context.text("server.status.running", running.url(), running.settings().modeLabel()));
    }

    public ObjectProperty<EchoServer> serverProperty() {
        return server;
    }

    public boolean isRunning() {
        return server.get() != null;
    }

    public ObservableList<ConnectionEvent> log() {
        return log;
    }

    public StringProperty statusTextProperty() {
        return statusText;
    }

    /** Stops the server without asking, on the caller's thread (the app is closing). */
    public void stopQuietly() {
        EchoServer running = server.get();
        if (running != null) {
            running.close();
        }
        drainer.stop();
    }
}
