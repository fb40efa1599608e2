package io.mtlslab.app;

import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app started for a UI test as a user would see it: a fresh window per test over a temporary folder
 * (one per test class unless {@link #appDir()} says otherwise), ready before each test, stopped after it
 * so no server is left listening.
 *
 * <p>Each test class still declares its own {@code @Start} method calling {@link #launch}: TestFX's
 * {@code ApplicationExtension} looks only at the test class's own declared methods, not inherited ones.
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppUnderTest {

    @TempDir
    static Path dir;

    AppDriver driver;
    Stage stage;

    /** The folder the app keeps its workspace and settings in. */
    Path appDir() {
        return dir;
    }

    void launch(Stage stage) {
        this.stage = stage;
        driver = AppDriver.start(stage, appDir());
    }

    /** Lays the scene out again after a change of size, font or mode, as the next pulse would, and waits for it. */
    void relayout(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @BeforeEach
    void ready() {
        driver.awaitReady();
    }

    @AfterEach
    void stop(FxRobot robot) {
        driver.stop(robot);
        // The core's language is the process's: a test that switched to Portuguese must not leave it to the next.
        Texts.use(Locale.ENGLISH);
    }
}
