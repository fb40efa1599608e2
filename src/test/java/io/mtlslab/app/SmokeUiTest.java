package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

@ExtendWith(ApplicationExtension.class)
class SmokeUiTest {

    @TempDir
    static Path dir;

    AppDriver driver;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        driver = AppDriver.start(stage, dir);
    }

    @BeforeEach
    void ready() {
        driver.awaitReady();
    }

    @AfterEach
    void stop(FxRobot robot) {
        driver.stop(robot);
    }

    FxRobot robot;

    FxRobot robot() {
        return robot;
    }

    @Test
    void firstWindowIsTitledAndWelcomesTheUser(FxRobot robot) {
        this.robot = robot;
        assertThat(stage.getTitle()).isEqualTo("mTLS Lab");
        verifyThat("#welcomeTitle", LabeledMatchers.hasText("mTLS Lab"));
        if (System.getProperty("mtlslab.peek") != null) {
            Snapshots.save(robot, stage.getScene(), Path.of(System.getProperty("mtlslab.peek")));
        }
        assertThat(UiText.of(robot(), "#quickStartButton")).isEqualTo("Quick start");
    }
}
