package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.text.Texts;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10 §7: a language switch rebuilds every screen; the old screens' listeners on the long-lived
 * models go with them, so after N switches no old window (and no old controller, which holds its
 * nodes) is still reachable, and the view models do not keep N copies of every listener.
 *
 * <p>Every screen of the navigation takes part, so a controller that listens strongly to a model
 * fails here.
 */
class LanguageSwitchDisposalUiTest extends SeededAppUnderTest {

    private static final List<String> SCREENS = List.of("welcome", "wizard", "identities", "server", "call",
            "scenarios", "inspect", "workshop", "audit");
    private static final int SWITCHES = 4;

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void oldScreensAreCollectedAfterLanguageSwitches(FxRobot robot) throws InterruptedException {
        List<WeakReference<Parent>> oldWindows = new ArrayList<>();
        for (int i = 0; i < SWITCHES; i++) {
            for (String screen : SCREENS) {
                robot.interact(() -> driver.context().navigate(screen));
                driver.waitIdle(10);
            }
            oldWindows.add(new WeakReference<>(stage.getScene().getRoot()));
            robot.interact(() -> driver.context().switchLanguage(driver.context().i18n().next()));
            driver.waitIdle(10);
        }
        // The screens of the current window are real and working: leave them on a different screen.
        robot.interact(() -> driver.context().navigate("welcome"));
        driver.waitIdle(10);

        for (int i = 0; i < 50 && oldWindows.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(20);
        }
        assertThat(oldWindows).as("old windows still reachable after %d language switches", SWITCHES)
                .allMatch(ref -> ref.get() == null);
    }
}
