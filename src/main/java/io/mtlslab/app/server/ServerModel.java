package io.mtlslab.app.server;

import io.mtlslab.app.AppContext;
import io.mtlslab.server.CaNamesMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ConnectionEvent;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.server.TlsProviderInUse;
import io.mtlslab.server.TrustMode;
import io.mtlslab.pki.Workspace;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    /** What the banner is about when the server failed to start; a later start takes it away. */
    static final String TOPIC = "server";

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
    /** Whether the running server was started with the HMAC gate (not part of ServerSettings). */
    private boolean runningHmac;
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper pendingChanges = new ReadOnlyBooleanWrapper();
    /** True while this server starts or stops: only its own buttons wait, not the whole app. */
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ServerModel(AppContext context) {
        this.context = context;
        port.set(Integer.toString(context.config().serverPort()));
        statusText.set(context.text("server.status.stopped"));
        drainer = new Timeline(new KeyFrame(Duration.millis(250), event -> drain()));
        drainer.setCycleCount(Animation.INDEFINITE);
        context.i18nProperty().addListener((obs, old, now) -> {
            updateStatus();
            checkPort();
        });
        // an invalidation listener, registered first: screens listening to the port see the new error
        port.addListener((Observable o) -> checkPort());
        Observable[] inputs = {port, clientAuth, handlerChecks, trustSystem, legacyProtocols, emptyCaNames,
            checkRevocation, requireHmac, server};
        for (Observable input : inputs) {
            input.addListener(o -> updatePending());
        }
        checkPort();
    }

    /** The chosen port as a number, or -1 when the text is not a port (0 means "any free port"). */
    public int chosenPort() {
        String text = port.get() == null ? "" : port.get().trim();
        if (!text.matches("\\d{1,5}")) {
            return -1;
        }
        int value = Integer.parseInt(text);
        return value <= 65535 ? value : -1;
    }

    private void checkPort() {
        portError.set(chosenPort() >= 0 ? null : context.text("server.port.invalid", port.get() == null ? "" : port.get().trim()));
    }

    /** Why the port field's text cannot be used, in words, or {@code null} when it is a port. */
    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    /**
     * True while a server runs and the options on screen differ from the ones it runs with: they apply
     * on Restart, and until then the screen keeps showing the running server's mode.
     */
    public ReadOnlyBooleanProperty pendingChangesProperty() {
        return pendingChanges.getReadOnlyProperty();
    }

    private void updatePending() {
        EchoServer running = server.get();
        if (running == null || chosenPort() < 0) {
            pendingChanges.set(running != null && chosenPort() < 0);
            return;
        }
        ServerSettings chosen = settings();
        boolean samePort = chosen.port() == running.settings().port() || chosen.port() == running.port();
        pendingChanges.set(!chosen.withPort(running.settings().port()).equals(running.settings()) || !samePort
                || requireHmac.get() != runningHmac);
    }

    /** The settings the running server uses, or {@code null} when stopped. */
    public ServerSettings runningSettings() {
        EchoServer running = server.get();
        return running == null ? null : running.settings();
    }

    /** The mode in words, e.g. "optional · the handler does not check", for the status bar and the screen. */
    public String modeName(ServerSettings settings) {
        return settings.modeMessage().text();
    }

    /** The settings as chosen on screen; throws the core's PkiException for a bad port (see {@link #portErrorProperty()}). */
    public ServerSettings settings() {
        int chosenPort = chosenPort();
        if (chosenPort < 0) {
            throw new io.mtlslab.pki.PkiException("port", portError.get(), null);
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

    /**
     * (Re)starts the server with the chosen settings in the background. A restart never leaves the user
     * with nothing running because of a bad choice: on another port the new server starts before the old
     * one stops; on the same port, if the new one fails, the old settings are started again.
     */
    public void start(Runnable onStarted, Runnable onFailed) {
        ServerSettings settings = settings();
        Workspace workspace = context.workspace();
        EchoServer previous = server.get();
        boolean hmac = requireHmac.get();
        boolean previousHmac = runningHmac;
        String message = context.text("server.starting", String.valueOf(settings.port()));
        busy.set(true);
        context.tasks().run(progress -> {
            progress.message(message);
            if (previous == null) {
                return new Started(launch(workspace, settings, hmac), hmac, null);
            }
            boolean samePort = settings.port() == previous.port() || settings.port() == previous.settings().port();
            if (!samePort) {
                EchoServer started = launch(workspace, settings, hmac);
                previous.close();
                return new Started(started, hmac, null);
            }
            previous.close();
            try {
                return new Started(launch(workspace, settings, hmac), hmac, null);
            } catch (RuntimeException e) {
                try {
                    return new Started(launch(workspace, previous.settings().withPort(previous.port()), previousHmac),
                            previousHmac, e);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                    throw e;
                }
            }
        }, started -> {
            busy.set(false);
            runningHmac = started.hmac();
            server.set(started.server());
            if (started.failure() == null) {
                log.clear();
            }
            drainer.play();
            updateStatus();
            if (started.failure() == null) {
                context.resolved(TOPIC);
                onStarted.run();
            } else {
                context.report(started.failure(), TOPIC);
                onFailed.run();
            }
        }, failure -> {
            busy.set(false);
            if (previous != null && !previous.isRunning()) {
                server.set(null);
                updateStatus();
            }
            context.report(failure, TOPIC);
            onFailed.run();
        });
    }

    /** A server that is now running, and the failure that made it the old settings' server again, if any. */
    private record Started(EchoServer server, boolean hmac, RuntimeException failure) {
    }

    private static EchoServer launch(Workspace workspace, ServerSettings settings, boolean hmac) {
        return hmac ? EchoServer.start(workspace, settings, HmacGate.requireFor(workspace))
                : EchoServer.start(workspace, settings);
    }

    public void stop() {
        EchoServer running = server.get();
        if (running == null) {
            return;
        }
        busy.set(true);
        context.tasks().run(progress -> {
            running.close();
            return running;
        }, stopped -> {
            busy.set(false);
            drain();
            drainer.stop();
            server.set(null);
            updateStatus();
        }, failure -> {
            busy.set(false);
            context.report(failure, TOPIC);
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
        if (running == null) {
            statusText.set(context.text("server.status.stopped"));
            return;
        }
        // The mode's name says only how client certificates are asked for; a server that also trusts the
        // system CA store, or offers TLS 1.1, must not look safe down there: it says how many choices are unsafe.
        int unsafe = running.settings().unsafeMessages().size();
        statusText.set(unsafe == 0
                ? context.text("server.status.runningTls", running.url(), modeName(running.settings()),
                        tlsProviderName(running.tlsProvider()))
                : context.text("server.status.runningUnsafe", running.url(), modeName(running.settings()), unsafe,
                        tlsProviderName(running.tlsProvider())));
    }

    /**
     * The TLS implementation a running server uses, in words: BoringSSL's library name, or the JDK's and,
     * when BoringSSL was the default but did not load, that it fell back (the technical reason is in the
     * server's start-up line and the JSON, not here).
     */
    public String tlsProviderName(TlsProviderInUse provider) {
        return provider.fallbackReason() == null ? provider.library()
                : context.text("server.tls.fallback", provider.library());
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
