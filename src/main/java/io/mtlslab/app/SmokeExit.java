package io.mtlslab.app;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Closes the app a few seconds after its main window first shows, when the environment variable
 * {@code MTLSLAB_SMOKE_EXIT} holds that number of seconds — for the packaged app's smoke test
 * (packaging/smoke-test.sh), where no window manager exists to close the window like a user would.
 *
 * <p>Watches from outside the application class so that the GUI code carries no test hook.
 */
public final class SmokeExit {

    /** Name of the environment variable holding the seconds to keep the window open. */
    public static final String VARIABLE = "MTLSLAB_SMOKE_EXIT";

    private static final System.Logger LOG = System.getLogger(SmokeExit.class.getName());

    private SmokeExit() {
    }

    /** Starts the watcher when {@value #VARIABLE} is set; does nothing otherwise. */
    public static void armIfRequested() {
        String value = System.getenv(VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        long keepOpenMillis = (long) (Double.parseDouble(value.trim()) * 1000);
        Thread watcher = new Thread(() -> watch(keepOpenMillis), "smoke-exit");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(long keepOpenMillis) {
        try {
            while (!mainWindowShowing()) {
                Thread.sleep(200);
            }
            LOG.log(Level.INFO, "smoke: main window shown, closing in " + keepOpenMillis + " ms");
            Thread.sleep(keepOpenMillis);
            Platform.exit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean mainWindowShowing() throws InterruptedException {
        CompletableFuture<Boolean> showing = new CompletableFuture<>();
        try {
            Platform.runLater(() -> showing.complete(Window.getWindows().stream()
                    .anyMatch(w -> w.isShowing() && w instanceof Stage stage && "mTLS Lab".equals(stage.getTitle()))));
        } catch (IllegalStateException toolkitNotStartedYet) {
            return false;
        }
        try {
            return showing.get();
        } catch (ExecutionException e) {
            return false;
        }
    }
}
