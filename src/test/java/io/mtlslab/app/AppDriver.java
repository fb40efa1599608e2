package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app on a throw-away workspace and settings file, and waits for its background
 * work the way a user waits for the spinner to stop.
 */
final class AppDriver {

    final MtlsLabApp app;
    final Path dir;

    private AppDriver(MtlsLabApp app, Path dir) {
        this.app = app;
        this.dir = dir;
    }

    static AppDriver start(Stage stage, Path dir) {
        return start(stage, dir, Locale.ENGLISH);
    }

    static AppDriver start(Stage stage, Path dir, Locale locale) {
        // TestFX shows every test in the same stage, which keeps the size the last test gave it (1024x700 in
        // presenter mode...); a first start shows the app's scene size, 1240x800, which a shown stage keeps.
        stage.setWidth(1240);
        stage.setHeight(800);
        MtlsLabApp app = new MtlsLabApp(AppConfig.isolated(dir, locale));
        app.start(stage);
        return new AppDriver(app, dir);
    }

    /** Call from a test or @BeforeEach (not from @Start, which runs on the FX thread). */
    AppDriver awaitReady() {
        waitUntil(() -> app.context().workspace() != null, 10);
        waitIdle(10);
        return this;
    }

    Path workspaceDir() {
        return dir.resolve("workspace");
    }

    AppContext context() {
        return app.context();
    }

    /** Waits for the FX thread to settle and every background task to finish. */
    void waitIdle(int seconds) {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !app.context().tasks().isBusy(), seconds);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            assertThat(condition.getAsBoolean()).as("condition within " + seconds + " s").isTrue();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Occupies every worker thread of the app until the returned action runs, so that the next task a
     * click starts waits in the queue: what the screen does between the click and the work shows.
     */
    Runnable holdWorkers(FxRobot robot) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(WORKERS);
        robot.interact(() -> {
            for (int i = 0; i < WORKERS; i++) {
                app.context().tasks().run(progress -> {
                    started.countDown();
                    release.await();
                    return null;
                }, nothing -> { });
            }
        });
        waitUntil(() -> started.getCount() == 0, 10);
        return release::countDown;
    }

    /** The size of the app's worker pool (io.mtlslab.app.common.Tasks). */
    static final int WORKERS = 3;

    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }
}
