package io.mtlslab.app;

import io.mtlslab.app.common.Fxml;
import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.app.server.ServerModel;
import io.mtlslab.app.shell.MainWindowController;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: the window titled "mTLS Lab", opened on the last workspace used.
 *
 * <p>Tests construct it with an {@link AppConfig} of their own, so they never touch the user's
 * folders. With {@code -Dmtlslab.startupProbe=true} it logs the milliseconds from JVM start to the
 * first shown window and to its first screen, and exits (bench/startup.sh).
 */
public class MtlsLabApp extends Application {

    private final AppConfig config;
    private AppContext context;
    private MainWindowController mainWindow;
    private Scene scene;

    public MtlsLabApp() {
        this(null);
    }

    public MtlsLabApp(AppConfig config) {
        this.config = config;
    }

    public static void launchApp(String[] args) {
        Application.launch(MtlsLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        context = new AppContext(config != null ? config : AppConfig.fromSystemProperties());
        scene = new Scene(buildMainWindow(null), 1240, 800);
        scene.getStylesheets().add(MtlsLabApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("mTLS Lab");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        if (Boolean.getBoolean("mtlslab.startupProbe")) {
            stage.setOnShown(event -> reportStartup());
        }
        stage.show();
        Splash.closeInBackground();
        // The first screen is loaded right after the first frame, not before it.
        Platform.runLater(() -> {
            if (mainWindow.current() == null) {
                mainWindow.show("welcome");
            }
        });
        // Opened after the window shows: the first frame never waits for the disk.
        // A double-clicked file (Main sets mtlslab.openFile) opens straight in the inspector.
        String openFile = config == null ? System.getProperty("mtlslab.openFile") : null;
        context.openWorkspace(context.initialWorkspaceDir(), () -> {
            if (openFile != null) {
                context.model(InspectModel.class, InspectModel::new).open(Path.of(openFile));
                mainWindow.show("inspect");
            } else {
                mainWindow.show(context.workspace().hasCa() ? "identities" : "welcome");
            }
        });
        context.i18nProperty().addListener((obs, old, now) -> {
            String screen = mainWindow.current();
            // The old screens' listeners on the models go with them, or every switch would leave a copy behind.
            context.renewViewScope();
            scene.setRoot(buildMainWindow(screen));
        });
        context.darkProperty().addListener((obs, old, now) -> applyLooks(scene.getRoot()));
        context.presenterProperty().addListener((obs, old, now) -> applyLooks(scene.getRoot()));
        context.fontStepProperty().addListener((obs, old, now) -> applyLooks(scene.getRoot()));
    }

    /** The running app's shared state, for tests that need to wait for background work. */
    public AppContext context() {
        return context;
    }

    private Parent buildMainWindow(String screen) {
        Fxml.View<MainWindowController> view = Fxml.load(context, "shell/MainWindow.fxml");
        mainWindow = view.controller();
        if (screen != null) {
            mainWindow.show(screen);
        }
        applyLooks(view.root());
        return view.root();
    }

    private void applyLooks(Parent root) {
        root.getStyleClass().removeIf(c -> c.equals("dark") || c.equals("presenter") || c.startsWith("font-"));
        root.getStyleClass().add("font-" + context.fontStepProperty().get());
        if (context.darkProperty().get()) {
            root.getStyleClass().add("dark");
        }
        if (context.presenterProperty().get()) {
            root.getStyleClass().add("presenter");
        }
    }

    /**
     * The window is shown before its first screen is loaded (the screen follows in the next pulses),
     * so the probe reports both: the window, then the first pulse laid out with a screen in it.
     */
    private void reportStartup() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.Logger log = System.getLogger("io.mtlslab.startup");
        log.log(System.Logger.Level.INFO, "startup-probe: first window shown after "
                + (System.currentTimeMillis() - jvmStart) + " ms");
        if (Splash.onScreen()) {
            // The java launcher shows it before it creates the JVM (bench/startup.sh times it from outside).
            log.log(System.Logger.Level.INFO, "startup-probe: splash on screen before the JVM started");
        }
        Runnable[] screenShown = new Runnable[1];
        screenShown[0] = () -> {
            if (mainWindow.current() != null) {
                scene.removePostLayoutPulseListener(screenShown[0]);
                log.log(System.Logger.Level.INFO, "startup-probe: first screen (" + mainWindow.current()
                        + ") laid out after " + (System.currentTimeMillis() - jvmStart) + " ms");
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(screenShown[0]);
        Platform.requestNextPulse();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.model(ServerModel.class, () -> new ServerModel(context)).stopQuietly();
            context.model(io.mtlslab.app.audit.AuditModel.class,
                    () -> new io.mtlslab.app.audit.AuditModel(context)).stopQuietly();
            context.tasks().shutdown();
        }
    }
}
