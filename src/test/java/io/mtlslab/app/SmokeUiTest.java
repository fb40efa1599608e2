package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

class SmokeUiTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
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
